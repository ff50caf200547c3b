-- The login throttle counts failures per (user name, client address) pair, per address and per name, so that a
-- stranger guessing a name's password slows down and locks only himself, and remembers where each user has logged in
-- before ("known addresses"), from which a name under attack can still log in. Replaces login_attempt (transient
-- counts only: nothing to carry over).
drop table login_attempt;

create table login_failure (
    user_name     varchar(200)  not null,  -- lower case; '' for an address's count over every name
    address       varchar(100)  not null,  -- the client address; '' for a name's count over every address
    failures      integer       not null,
    window_start  timestamptz   not null,
    last_failure  timestamptz   not null,
    locked_until  timestamptz,             -- a pair's delay or lock; a name's or address's lock
    primary key (user_name, address),
    check (user_name <> '' or address <> '')
);

create index login_failure_window_idx on login_failure (window_start);

create table login_known_address (
    user_name     varchar(200)  not null,  -- lower case
    address       varchar(100)  not null,
    last_success  timestamptz   not null,
    primary key (user_name, address)
);

create index login_known_address_age_idx on login_known_address (last_success);
