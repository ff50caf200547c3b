-- Failed logins, counted per user name and per client address in the database that every node shares, so a name
-- that is throttled stays throttled whichever node the next attempt reaches. Rows are short-lived: a success clears
-- the user name's row, and rows whose window and lock have long passed are deleted when the next failure is counted.
create table login_attempt (
    subject       varchar(300)  primary key,  -- 'user:<lower-case name>' or 'address:<client IP>'
    failures      integer       not null,
    window_start  timestamptz   not null,
    locked_until  timestamptz
);

create index login_attempt_window_idx on login_attempt (window_start);
