-- The supervision dashboard's read model: task_supervision carries everything the overdue list, the overview and
-- the units' scores need, written in the engine's transaction at every step, and indexed for those queries.
alter table task_supervision
    add column plan_code          varchar(64)   not null default '',
    add column plan_title         varchar(200)  not null default '',
    add column task_title         varchar(200)  not null default '',
    add column lead_unit_ids      varchar(64)[] not null default '{}',
    add column support_unit_ids   varchar(64)[] not null default '{}',
    add column implementing_unit_ids varchar(64)[] not null default '{}',
    -- The deadline in force passed while the task was with the units: it can no longer count as done on time.
    add column missed_deadline    boolean       not null default false,
    add column rectifications     integer       not null default 0,
    add column closed_on          date,
    add column last_progress_at   timestamptz,
    add column last_progress      varchar(300),
    add column level_rank         smallint generated always as (case escalation_level
        when 'REMINDER' then 1 when 'WARNING' then 2 when 'CIRCULATED_CRITICISM' then 3
        when 'ADMONITORY_TALK' then 4 when 'ACCOUNTABILITY' then 5 else 0 end) stored;

update task_supervision s set plan_code = p.code, plan_title = p.title, task_title = t.title
from plan_task t join plan p on p.id = t.plan_id where t.code = s.task_code;
update task_supervision set lead_unit_ids = string_to_array(lead_units, ',') where lead_units <> '';
update task_supervision s set
    support_unit_ids = array(select r.unit_id from plan_task_unit r join plan_task t on t.id = r.task_id
                             where t.code = s.task_code and r.role = 'SUPPORT' order by r.position),
    implementing_unit_ids = array(select r.unit_id from plan_task_unit r join plan_task t on t.id = r.task_id
                                  where t.code = s.task_code and r.role = 'IMPLEMENTING' order by r.position);
update task_supervision s set missed_deadline = true
where exists (select 1 from supervision_event e where e.task_code = s.task_code and e.kind = 'OVERDUE'
              and e.reason like '已超过完成时限%');
update task_supervision s set rectifications =
    (select count(*) from supervision_event e where e.task_code = s.task_code and e.kind = 'RECTIFICATION_ORDERED');
update task_supervision set closed_on = (updated_at at time zone 'Asia/Shanghai')::date where state = 'CLOSED';
update task_supervision s set last_progress_at = r.reported_at, last_progress = left(r.content, 300)
from (select distinct on (task_code) task_code, reported_at, content from progress_report
      order by task_code, reported_at desc, id desc) r
where r.task_code = s.task_code;

alter table task_supervision drop column lead_units;

drop index task_supervision_state_idx;
-- The overview: counts by plan and state (an index-only scan).
create index task_supervision_plan_state_idx on task_supervision (plan_code, state);
-- The overdue list, most overdue first, and its other orders.
create index task_supervision_overdue_idx on task_supervision (working_days_overdue desc, task_code)
    where state = 'OVERDUE';
create index task_supervision_state_deadline_idx on task_supervision (state, deadline);
-- Filtering by lead unit.
create index task_supervision_lead_units_idx on task_supervision using gin (lead_unit_ids);

-- The overview's counts by plan, state and escalation level, kept by a trigger in the same transaction as the rows.
-- A change appends a delta row (no two transactions ever wait on one counter row); DashboardCounts folds the deltas
-- into task_state_count every few seconds, and the overview adds both.
create table task_state_count (
    plan_code         varchar(64)  not null,
    state             varchar(20)  not null,
    escalation_level  varchar(30)  not null,
    tasks             bigint       not null,
    primary key (plan_code, state, escalation_level)
);

create table task_state_delta (
    id                bigserial    primary key,
    plan_code         varchar(64)  not null,
    state             varchar(20)  not null,
    escalation_level  varchar(30)  not null,
    delta             integer      not null
);

insert into task_state_count (plan_code, state, escalation_level, tasks)
select plan_code, state, escalation_level, count(*) from task_supervision group by plan_code, state, escalation_level;

create function task_supervision_counts() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        if tg_op = 'DELETE' or (old.plan_code, old.state, old.escalation_level)
                is distinct from (new.plan_code, new.state, new.escalation_level) then
            insert into duban.task_state_delta (plan_code, state, escalation_level, delta)
            values (old.plan_code, old.state, old.escalation_level, -1);
        else
            return null;
        end if;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into duban.task_state_delta (plan_code, state, escalation_level, delta)
        values (new.plan_code, new.state, new.escalation_level, 1);
    end if;
    return null;
end
$$;

create trigger task_supervision_counts after insert or update or delete on task_supervision
    for each row execute function task_supervision_counts();
