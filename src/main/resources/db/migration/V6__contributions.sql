-- What each support unit (配合单位) contributed to a task, or why it declined; the lead unit consolidates them.
create table contribution (
    id            bigserial     primary key,
    task_code     varchar(64)   not null,
    unit_id       varchar(64)   not null references unit (id),
    declined      boolean       not null,
    content       text          not null,
    evidence      text,
    reported_by   varchar(64),
    reported_at   timestamptz   not null default now()
);

create index contribution_task_idx on contribution (task_code, reported_at);
