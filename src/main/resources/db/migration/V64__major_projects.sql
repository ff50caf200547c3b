-- Major projects (重大工程), owned by cn.duban.majorproject: owner unit, location, investment planned and spent (in
-- 万元), start and end, milestones, progress reports, and the plan tasks each project serves.
create table major_project (
    id                  bigserial      primary key,
    code                varchar(64)    not null unique,
    name                varchar(200)   not null,
    owner_unit_id       varchar(64)    not null references unit (id),
    location            varchar(200)   not null,
    investment_planned  numeric(14, 2) not null check (investment_planned >= 0),
    investment_spent    numeric(14, 2) not null default 0 check (investment_spent >= 0),
    start_on            date           not null,
    end_on              date           not null check (end_on >= start_on),
    created_by          varchar(64),
    created_at          timestamptz    not null default now()
);

create table major_project_milestone (
    project_id  bigint        not null references major_project (id),
    position    integer       not null,
    name        varchar(200)  not null,
    due_on      date          not null,
    done_on     date,
    primary key (project_id, position)
);

create table major_project_task (
    project_id  bigint       not null references major_project (id),
    task_code   varchar(64)  not null,
    primary key (project_id, task_code)
);

create table major_project_progress (
    id                bigserial      primary key,
    project_id        bigint         not null references major_project (id),
    content           text           not null,
    investment_spent  numeric(14, 2) not null check (investment_spent >= 0),
    milestone_done    integer,
    reported_by       varchar(64),
    reported_at       timestamptz    not null default now()
);

create index major_project_progress_idx on major_project_progress (project_id, reported_at);
