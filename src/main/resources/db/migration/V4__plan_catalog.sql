-- The plan catalog for plans read from their own text: period and source, implementing and solely responsible
-- units, start dates, quantitative targets, the indicator table, and collective names that stand for many units.
alter table plan
    add column kind          varchar(20) not null default 'OTHER' check (kind in ('ANNUAL', 'FIVE_YEAR', 'OTHER')),
    add column period_start  integer,
    add column period_end    integer,
    add column source_name   varchar(200),
    add column source_text   text;

alter table plan_task
    add column start_date                    date,
    add column support_share_responsibility  boolean not null default false;

alter table plan_task_unit drop constraint plan_task_unit_role_check;
alter table plan_task_unit
    add constraint plan_task_unit_role_check check (role in ('LEAD', 'RESPONSIBLE', 'SUPPORT', 'IMPLEMENTING'));

create table plan_task_target (
    task_id    bigint        not null references plan_task (id),
    position   integer       not null,
    phrase     varchar(500)  not null,
    value      numeric(18, 4),
    unit       varchar(20),
    qualifier  varchar(20),
    primary key (task_id, position)
);

create table plan_indicator (
    id        bigserial     primary key,
    plan_id   bigint        not null references plan (id),
    position  integer       not null,
    category  varchar(100),
    name      varchar(300)  not null,
    unit      varchar(20),
    baseline  varchar(100),
    target    varchar(100),
    binding   boolean       not null,
    source    varchar(300),
    unique (plan_id, position)
);

-- A collective name stands for several units: "各县(市)人民政府" are the 5 counties and 2 cities.
create table unit_collective (
    name     varchar(100) not null,
    unit_id  varchar(64)  not null references unit (id),
    primary key (name, unit_id)
);

insert into unit_collective (name, unit_id)
select collective.name, county.id
from (values ('各县(市)人民政府'), ('各县（市）人民政府'), ('各县市人民政府'), ('各县(市)'), ('各县（市）'), ('各县市'))
         as collective (name)
         cross join unit county
where county.kind in ('COUNTY', 'CITY');

insert into unit_collective (name, unit_id)
select collective.name, park.id
from (values ('园区管委会'), ('各园区管委会'), ('各园区'), ('园区')) as collective (name)
         cross join unit park
where park.kind = 'PARK';

-- What each implementing unit reported on its part of a task (its own multi-instance task in plan-task).
create table local_report (
    id           bigserial     primary key,
    task_code    varchar(64)   not null,
    unit_id      varchar(64)   not null references unit (id),
    progress     text          not null,
    evidence     text,
    reported_by  varchar(64),
    reported_at  timestamptz   not null default now()
);

create index local_report_task_idx on local_report (task_code, reported_at);
