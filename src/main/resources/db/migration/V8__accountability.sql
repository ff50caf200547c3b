-- Accountability cases (问责): opened when a task's escalation reaches 通报批评 or above, or when inspection finds
-- falsified data; linked to the task and to their accountability process instance.
create table accountability_case (
    id                   bigserial     primary key,
    task_code            varchar(64)   not null,
    process_instance_id  varchar(64)   not null unique,
    trigger              varchar(20)   not null check (trigger in ('ESCALATION', 'FALSIFICATION')),
    trigger_reason       varchar(1000) not null,
    decision             varchar(30),
    outcome              varchar(2000),
    opened_at            timestamptz   not null default now(),
    closed_at            timestamptz
);

create index accountability_case_task_idx on accountability_case (task_code);

alter table supervision_event alter column kind type varchar(30);
alter table supervision_event drop constraint supervision_event_kind_check;
alter table supervision_event add constraint supervision_event_kind_check check (kind in
    ('DUE_SOON', 'OVERDUE', 'OVERDUE_REMINDER', 'ESCALATED', 'URGED', 'RECTIFICATION_ORDERED', 'FALSIFICATION_FOUND',
     'ACCOUNTABILITY_OPENED', 'ACCOUNTABILITY_DECIDED'));

alter table task_supervision drop constraint task_supervision_state_check;
alter table task_supervision add constraint task_supervision_state_check check (state in
    ('ON_TRACK', 'DUE_SOON', 'OVERDUE', 'RECTIFYING', 'SUBMITTED', 'CLOSED'));
