-- Notifications: an outbox written in the engine's transaction, one row per person, channel and event, so nothing is
-- sent twice; the in-app inbox reads its rows directly, other channels (e-mail, …) are delivered and retried later.
create table notification (
    id               bigserial     primary key,
    event_key        varchar(200)  not null,
    recipient        varchar(64)   not null,
    channel          varchar(20)   not null,
    address          varchar(200),
    subject          varchar(300)  not null,
    body             text          not null,
    created_at       timestamptz   not null default now(),
    read_at          timestamptz,
    sent_at          timestamptz,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null default now(),
    last_error       varchar(1000),
    unique (event_key, recipient, channel)
);

create index notification_delivery_idx on notification (next_attempt_at) where sent_at is null and channel <> 'INBOX';
create index notification_inbox_idx on notification (recipient, created_at) where channel = 'INBOX';

-- Who answers for each supervised task, so supervision steps reach the lead unit's people.
alter table task_supervision add column lead_units varchar(500) not null default '';
