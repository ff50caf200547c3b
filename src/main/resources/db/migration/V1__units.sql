-- Units: every body a plan can name (departments, counties, parks, collectives, internal offices).
-- A unit is also a Camunda group with the same id; a renamed unit keeps one id and lists its former names.
create table unit (
    id          varchar(64)  primary key,
    name        varchar(100) not null unique,
    kind        varchar(20)  not null check (kind in ('DEPARTMENT', 'COUNTY', 'CITY', 'PARK', 'COLLECTIVE', 'OFFICE', 'EXTERNAL')),
    sort_order  integer      not null default 0
);

create table unit_alias (
    alias      varchar(100) primary key,
    unit_id    varchar(64)  not null references unit (id),
    former     boolean      not null default false
);

create index unit_alias_unit_idx on unit_alias (unit_id);
