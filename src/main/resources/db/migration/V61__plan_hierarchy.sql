-- Plans under plans: a five-year plan and its annual work plans, a provincial plan and the prefecture's. An annual
-- plan's task names the task of the parent plan it carries out that year.
alter table plan add column parent_plan_id bigint references plan (id);
create index plan_parent_idx on plan (parent_plan_id);

alter table plan_task add column parent_task_code varchar(64);
create index plan_task_parent_idx on plan_task (parent_task_code);
