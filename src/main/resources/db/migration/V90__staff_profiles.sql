-- A person as the others know them (owned by cn.duban.identity): 姓名, phone and position of a unit's staff member.
-- The login account stays Camunda's user (its first name carries the same 姓名, so that Tasklist, Cockpit and Admin
-- show it); this is what Duban's pages show instead of the user id. The office and the administrators write it,
-- a person their own phone.
create table staff_profile (
    user_id     varchar(64)  primary key,
    full_name   varchar(50)  not null,
    phone       varchar(20),
    position    varchar(50),
    updated_by  varchar(64)  not null,
    updated_at  timestamptz  not null default now()
);
