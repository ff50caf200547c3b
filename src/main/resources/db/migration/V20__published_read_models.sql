-- Published read models. Every table of schema duban has one owning module (docs/development.md, TableOwnershipTest):
-- only the owner writes it and only the owner's SQL names it. What other modules may read is published here, by
-- its owner, as a view: the owner can change its tables as long as it keeps the view. Each view is a plain
-- projection or a plain join, so PostgreSQL inlines it into the reader's query and uses the owner's indexes as if
-- the reader had named the tables (the dashboard's plans are unchanged). Readers never write through a view.

-- identity: the unit catalog, for readers that show a unit's name or sort by the catalog's order.
create view unit_directory as
select id, name, kind, sort_order from unit;
comment on view unit_directory is 'Published by module identity: every unit (id, name, kind, sort order).';

-- plan: the plans as imported.
create view plan_directory as
select id, code, title, issuer, issued_on, kind, period_start, period_end, report_cycle from plan;
comment on view plan_directory is 'Published by module plan: every imported plan.';

-- plan: the units a plan task names and their roles (牵头, 责任, 配合, 落实), by task code.
create view plan_task_role as
select t.code as task_code, r.unit_id, r.role, r.position
from plan_task_unit r join plan_task t on t.id = r.task_id;
comment on view plan_task_role is 'Published by module plan: the units of each plan task and their roles.';

-- plan: the indicators a plan declares (指标表), with their plan.
create view plan_indicator_directory as
select i.id, p.code as plan_code, p.title as plan_title, p.period_start, p.period_end, p.report_cycle,
       i.position, i.category, i.name, i.unit, i.baseline, i.target, i.binding, i.source
from plan_indicator i join plan p on p.id = i.plan_id;
comment on view plan_indicator_directory is 'Published by module plan: the indicators every plan declares.';

-- supervision: where each plan task stands (the read model of the office's views: the dashboard, its ledger and a
-- task's page). Every column of task_supervision, written in the engine's transaction at every step.
create view supervised_task as
select task_code, process_instance_id, plan_code, plan_title, task_title, lead_unit_ids, support_unit_ids,
       implementing_unit_ids, state, deadline, escalation_level, level_rank, working_days_overdue, times_urged,
       missed_deadline, rectifications, closed_on, last_progress_at, last_progress, updated_at
from task_supervision;
comment on view supervised_task is 'Published by module supervision: where each plan task stands (read model).';

-- supervision: how many escalations were recorded, by the level reached (the metrics' counter).
create view escalation_count as
select level, count(*) as escalations from supervision_event where kind = 'ESCALATED' and level is not null
group by level;
comment on view escalation_count is 'Published by module supervision: escalations recorded, by level.';
