-- The annual assessment (年度考核) of units, counties and parks, owned by cn.duban.assessment: the year the
-- performance office opened (the plans it covers, the weights it set), each unit's score with its reasons once the
-- year is scored, and the accountability cases its year-end step opened for annual targets not met.
create table assessment_year (
    year                 integer       primary key check (year between 2000 and 2100),
    state                varchar(20)   not null check (state in ('OPEN', 'SCORED', 'PUBLISHED')),
    plan_codes           varchar(64)[] not null default '{}',
    process_instance_id  varchar(64)   unique,
    w_on_time            numeric(8, 2) not null,
    w_overdue_day        numeric(8, 2) not null,
    w_urge               numeric(8, 2) not null,
    w_rectification      numeric(8, 2) not null,
    w_accountability     numeric(8, 2) not null,
    w_missed_report      numeric(8, 2) not null,
    w_indicator_on       numeric(8, 2) not null,
    w_indicator_off      numeric(8, 2) not null,
    opened_by            varchar(64),
    opened_at            timestamptz   not null default now(),
    scored_at            timestamptz,
    published_by         varchar(64),
    published_at         timestamptz
);

create table assessment_score (
    year                    integer       not null references assessment_year (year),
    unit_id                 varchar(64)   not null references unit (id),
    unit_group              varchar(20)   not null check (unit_group in ('DEPARTMENT', 'LOCAL')),
    rank                    integer       not null,
    score                   numeric(8, 2) not null,
    tasks_due               integer       not null,
    closed_on_time          integer       not null,
    overdue_working_days    integer       not null,
    urges                   integer       not null,
    rectifications          integer       not null,
    accountability_cases    integer       not null,
    missed_progress_reports integer       not null,
    indicators_on_track     integer       not null,
    indicators_off_track    integer       not null,
    reasons                 text[]        not null,
    primary key (year, unit_id)
);

create index assessment_score_unit_idx on assessment_score (unit_id, year);

create table assessment_target_case (
    year                      integer      not null references assessment_year (year),
    task_code                 varchar(64)  not null,
    case_process_instance_id  varchar(64)  not null,
    reason                    varchar(500) not null,
    opened_at                 timestamptz  not null default now(),
    primary key (year, task_code)
);
