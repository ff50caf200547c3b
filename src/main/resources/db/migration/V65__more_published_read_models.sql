-- More published read models (see V20): what the modules merged with the plan hierarchy, the assessment, the
-- documents, the notifications and the public progress read of other modules' tables. Each view is a plain
-- projection or a plain join, so PostgreSQL inlines it into the reader's query; readers never write through a view.

-- plan: every plan task as imported, with its plan's code. Every task has its plan (plan_id is not null and
-- references plan), so the left join gives the inner join's rows; being a left join on plan's key, PostgreSQL
-- removes it from a reader's query that does not use the plan's code.
create view plan_task_directory as
select t.id, t.code, p.code as plan_code, t.section, t.title, t.text, t.deadline, t.start_date, t.parent_task_code,
       t.binding
from plan_task t left join plan p on p.id = t.plan_id;
comment on view plan_task_directory is 'Published by module plan: every plan task (code, plan code, title, text, deadline, parent task).';

-- supervision: every supervision step of every task, with its time and reason (each task's supervision record).
create view supervision_event_log as
select id, task_code, kind, level, reason, actor, happened_at from supervision_event;
comment on view supervision_event_log is 'Published by module supervision: every supervision step of every task.';

-- accountability: every accountability case (问责) and the task it concerns.
create view accountability_case_log as
select id, task_code, process_instance_id, trigger, decision, opened_at, closed_at from accountability_case;
comment on view accountability_case_log is 'Published by module accountability: every accountability case and its task.';
