-- The daily sweep (process daily-supervision) checks each open task once a day: the day it last checked the task,
-- set in the batch's transaction. Null: never swept (a new task, or one only the per-instance timer of an older
-- plan-task version checks).
alter table task_supervision add column last_checked_on date;

-- The sweep's selection: open tasks in code order.
create index task_supervision_sweep_idx on task_supervision (task_code, last_checked_on)
    where state not in ('SUBMITTED', 'CLOSED');
