-- Where each plan task stands under supervision, kept in the engine's transaction (the read model of the office's
-- views), and every supervision step with its time and reason (the task's supervision record).
create table task_supervision (
    task_code             varchar(64)   primary key,
    process_instance_id   varchar(64)   not null,
    state                 varchar(20)   not null check (state in ('ON_TRACK', 'DUE_SOON', 'OVERDUE', 'SUBMITTED', 'CLOSED')),
    deadline              date          not null,
    escalation_level      varchar(30)   not null default 'NONE',
    working_days_overdue  integer       not null default 0,
    times_urged           integer       not null default 0,
    updated_at            timestamptz   not null default now()
);

create index task_supervision_state_idx on task_supervision (state, deadline);

create table supervision_event (
    id          bigserial     primary key,
    task_code   varchar(64)   not null,
    kind        varchar(20)   not null check (kind in ('DUE_SOON', 'OVERDUE', 'OVERDUE_REMINDER', 'ESCALATED', 'URGED')),
    level       varchar(30),
    reason      varchar(500)  not null,
    actor       varchar(64),
    happened_at timestamptz   not null
);

create index supervision_event_task_idx on supervision_event (task_code, happened_at);
