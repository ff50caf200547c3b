-- Imported plans and their tasks. One plan_task row is dispatched as one plan-task process instance.
create table plan (
    id           bigserial    primary key,
    code         varchar(64)  not null unique,
    title        varchar(200) not null,
    issuer       varchar(200),
    issued_on    date,
    imported_by  varchar(64),
    imported_at  timestamptz  not null default now()
);

create table plan_task (
    id                   bigserial    primary key,
    plan_id              bigint       not null references plan (id),
    code                 varchar(64)  not null unique,
    section              varchar(200),
    title                varchar(200) not null,
    text                 text         not null,
    deadline             date         not null,
    process_instance_id  varchar(64)  unique
);

create index plan_task_plan_idx on plan_task (plan_id);

create table plan_task_unit (
    task_id   bigint      not null references plan_task (id),
    unit_id   varchar(64) not null references unit (id),
    role      varchar(20) not null check (role in ('LEAD', 'SUPPORT')),
    position  integer     not null,
    primary key (task_id, role, unit_id)
);

create index plan_task_unit_unit_idx on plan_task_unit (unit_id, role);
