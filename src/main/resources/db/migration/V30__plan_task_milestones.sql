-- A task with several dated commitments ("到2023年底，完成…；到2025年，…") keeps each as a milestone with its own due
-- date; the task's deadline is the last one.
create table plan_task_milestone (
    task_id   bigint        not null references plan_task (id),
    position  integer       not null,
    due       date          not null,
    text      varchar(500)  not null,
    primary key (task_id, position)
);
