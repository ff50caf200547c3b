-- Plan indicators (指标) under supervision: the unit that reports each one, and every value it reported.
create table indicator_assignment (
    indicator_id  bigint       primary key references plan_indicator (id),
    unit_id       varchar(64)  not null references unit (id),
    assigned_by   varchar(64),
    assigned_at   timestamptz  not null default now()
);

create table indicator_value (
    id            bigserial      primary key,
    indicator_id  bigint         not null references plan_indicator (id),
    value         numeric(18, 4) not null,
    as_of         date           not null,
    note          text,
    unit_id       varchar(64)    references unit (id),
    reported_by   varchar(64),
    reported_at   timestamptz    not null default now()
);

create index indicator_value_latest_idx on indicator_value (indicator_id, as_of desc, reported_at desc);
