-- The overview's notice of deadlines in years whose holidays are not known counted the open tasks row by row
-- (every open task falling due after the holiday library's last year: most of them at a million tasks). The count
-- read model now carries each task's deadline year too, kept by the same trigger, so the notice adds a few counters.
alter table task_state_count add column deadline_year integer not null default 0;
alter table task_state_delta add column deadline_year integer not null default 0;
alter table task_state_count drop constraint task_state_count_pkey;
alter table task_state_count add primary key (plan_code, state, escalation_level, deadline_year);

delete from task_state_delta;
delete from task_state_count;
insert into task_state_count (plan_code, state, escalation_level, deadline_year, tasks)
select plan_code, state, escalation_level, coalesce(extract(year from deadline)::integer, 0), count(*)
from task_supervision group by 1, 2, 3, 4;

create or replace function task_supervision_counts() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        if tg_op = 'DELETE' or (old.plan_code, old.state, old.escalation_level, extract(year from old.deadline))
                is distinct from (new.plan_code, new.state, new.escalation_level, extract(year from new.deadline)) then
            insert into duban.task_state_delta (plan_code, state, escalation_level, deadline_year, delta)
            values (old.plan_code, old.state, old.escalation_level,
                    coalesce(extract(year from old.deadline)::integer, 0), -1);
        else
            return null;
        end if;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into duban.task_state_delta (plan_code, state, escalation_level, deadline_year, delta)
        values (new.plan_code, new.state, new.escalation_level, coalesce(extract(year from new.deadline)::integer, 0), 1);
    end if;
    return null;
end
$$;
