-- How each unit is reached besides its members' inbox and e-mail (owned by cn.duban.notification): its WeCom
-- (企业微信) and DingTalk (钉钉) group robots, and its contacts' mobile numbers for SMS. Set by the supervision office.
create table unit_reach (
    unit_id           varchar(64)   primary key references unit (id),
    wecom_webhook     varchar(500),
    dingtalk_webhook  varchar(500),
    -- DingTalk's 加签 secret (SEC…): the robot then wants timestamp and sign on every call.
    dingtalk_secret   varchar(200),
    sms_enabled       boolean       not null default false,
    updated_by        varchar(64)   not null,
    updated_at        timestamptz   not null default now()
);

create table unit_contact (
    unit_id   varchar(64)  not null references unit_reach (unit_id) on delete cascade,
    position  integer      not null,
    name      varchar(40)  not null,
    mobile    varchar(11)  not null check (mobile ~ '^1[3-9][0-9]{9}$'),
    primary key (unit_id, position)
);
