-- Printable documents (owned by cn.duban.document): 督办通知单, 催办通知单, 整改通知书 and 办结报告, each with its
-- document number 督办〔year〕n号. One counter row per year, taken with a row lock in the transaction that stores the
-- document, so a number is never given twice, on any node, and a rolled-back one is not lost.
create table document_counter (
    year         integer  primary key,
    last_number  integer  not null
);

create table document (
    id          bigserial     primary key,
    kind        varchar(20)   not null check (kind in ('DISPATCH', 'URGE', 'RECTIFICATION', 'CLOSURE')),
    -- What the document is about, once: 'DISPATCH:<task code>', 'CLOSURE:<task code>', 'EVENT:<supervision event id>'.
    source_key  varchar(100)  not null unique,
    task_code   varchar(64)   not null,
    year        integer       not null,
    number      integer       not null,
    issued_at   timestamptz   not null default now(),
    -- The fields as they were when the document was issued, so a later download prints the same document.
    fields      jsonb         not null,
    unique (year, number)
);

create index document_task_idx on document (task_code, issued_at);
