-- A task with several lead units (A、B牵头, A、B负责): each lead after the first signs for the task and reports its own
-- part (plan-task's SubProcess_CoLeadPart); the first lead consolidates the parts in its result.
create table co_lead_part (
    task_code           varchar(64)   not null,
    unit_id             varchar(64)   not null references unit (id),
    responsible_person  varchar(100),
    contact_phone       varchar(40),
    signed_by           varchar(64),
    signed_at           timestamptz,
    progress            text,
    evidence            text,
    reported_by         varchar(64),
    reported_at         timestamptz,
    primary key (task_code, unit_id)
);

-- A task with several dated commitments: what the lead reported on each milestone (阶段性成果报送).
create table milestone_report (
    id           bigserial     primary key,
    task_code    varchar(64)   not null,
    due          date          not null,
    milestone    varchar(600)  not null,
    result       text          not null,
    evidence     text,
    reported_by  varchar(64),
    reported_at  timestamptz   not null default now()
);

create index milestone_report_task_idx on milestone_report (task_code, due);

-- plan: each task's quantified targets (秸秆综合利用率达到90%以上), for the dashboard's task page.
create view plan_task_target_directory as
select t.code as task_code, g.position, g.phrase, g.value, g.unit, g.qualifier
from plan_task_target g join plan_task t on t.id = g.task_id;
comment on view plan_task_target_directory is 'Published by module plan: the quantified targets of every plan task.';
