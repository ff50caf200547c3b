-- Joint-meeting decisions (联席会议), owned by cn.duban.jointmeeting: the meeting the office recorded and each decision
-- it turned into a supervised task (dispatched like a plan task; the decision's task code is the business key).
create table joint_meeting (
    id            bigserial     primary key,
    code          varchar(64)   not null unique,
    title         varchar(200)  not null,
    held_on       date          not null,
    participants  varchar(100)[] not null,
    minutes       text          not null,
    recorded_by   varchar(64),
    recorded_at   timestamptz   not null default now()
);

create table joint_meeting_decision (
    meeting_id           bigint        not null references joint_meeting (id),
    position             integer       not null,
    task_code            varchar(64)   not null unique,
    title                varchar(200)  not null,
    text                 text          not null,
    lead_unit_ids        varchar(64)[] not null,
    support_unit_ids     varchar(64)[] not null,
    deadline             date          not null,
    process_instance_id  varchar(64)   not null unique,
    primary key (meeting_id, position)
);
