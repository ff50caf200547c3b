-- 领导批示 (owned by cn.duban.instruction): a leader's instruction on a plan task, and the lead unit's acknowledgement
-- (签收) of it through the leader-instruction process.
create table leader_instruction (
    id                   bigserial      primary key,
    task_code            varchar(64)    not null,
    process_instance_id  varchar(64)    unique,
    instruction          varchar(1000)  not null,
    leader_id            varchar(64)    not null,
    leader_name          varchar(100)   not null,
    issued_at            timestamptz    not null,
    acknowledged_by      varchar(64),
    acknowledgement      varchar(1000),
    acknowledged_at      timestamptz
);

create index leader_instruction_task_idx on leader_instruction (task_code, issued_at);
