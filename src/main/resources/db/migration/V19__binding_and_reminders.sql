-- Whether a plan task is binding (约束性): written at dispatch, from the plan file, or from the binding indicator the
-- task serves. The escalation ladder weighs it.
alter table plan_task add column binding boolean not null default false;

-- A plan may set its own reminder cadence in working days; null: duban.supervision.* applies.
alter table plan
    add column due_soon_working_days         integer check (due_soon_working_days between 1 and 30),
    add column overdue_reminder_working_days integer check (overdue_reminder_working_days between 1 and 30);

-- Every reminder sent, by its step: "DUE_SOON:<deadline>" or "OVERDUE_REMINDER:<deadline>:<round>". The primary key
-- makes a step go out once, whichever node's check and however often the check runs on one day.
create table supervision_reminder (
    task_code  varchar(64)  not null,
    step       varchar(80)  not null,
    sent_at    timestamptz  not null,
    primary key (task_code, step)
);

-- The reminders sent before this table: a due-soon task was told of its deadline, an overdue one of every round of
-- 5 working days (the default cadence) up to where it stands.
insert into supervision_reminder (task_code, step, sent_at)
select task_code, 'DUE_SOON:' || deadline, updated_at from task_supervision where state = 'DUE_SOON';

insert into supervision_reminder (task_code, step, sent_at)
select s.task_code, 'OVERDUE_REMINDER:' || s.deadline || ':' || round, s.updated_at
from task_supervision s, generate_series(1, s.working_days_overdue / 5) round
where s.state = 'OVERDUE' and s.working_days_overdue >= 5;
