-- Tasklist's cards look a task's supervision row up by its process instance.
create index task_supervision_instance_idx on task_supervision (process_instance_id);
