-- Periodic progress reports (进展报送): each plan's cycle, and what each unit reported for its part.
alter table plan add column report_cycle varchar(20) not null default 'QUARTERLY'
    check (report_cycle in ('MONTHLY', 'QUARTERLY'));

create table progress_report (
    id           bigserial     primary key,
    task_code    varchar(64)   not null,
    unit_id      varchar(64)   not null references unit (id),
    content      text          not null,
    reported_by  varchar(64),
    reported_at  timestamptz   not null default now()
);

create index progress_report_task_idx on progress_report (task_code, reported_at);

alter table supervision_event drop constraint supervision_event_kind_check;
alter table supervision_event add constraint supervision_event_kind_check check (kind in
    ('DUE_SOON', 'OVERDUE', 'OVERDUE_REMINDER', 'ESCALATED', 'URGED', 'RECTIFICATION_ORDERED', 'FALSIFICATION_FOUND',
     'ACCOUNTABILITY_OPENED', 'ACCOUNTABILITY_DECIDED', 'EXTENSION_REQUESTED', 'EXTENSION_APPROVED',
     'EXTENSION_REFUSED', 'RETURNED_TO_OFFICE', 'REASSIGNED', 'PROGRESS_REPORTED', 'PROGRESS_REPORT_MISSED'));
