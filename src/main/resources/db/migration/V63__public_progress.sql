-- Public progress (信息公开), owned by cn.duban.publicprogress: the plans the office chose to publish on the public
-- page, and the tasks it chose to leave off.
create table public_plan (
    plan_code            varchar(64)   primary key,
    excluded_task_codes  varchar(64)[] not null default '{}',
    published_by         varchar(64)   not null,
    published_at         timestamptz   not null default now()
);
