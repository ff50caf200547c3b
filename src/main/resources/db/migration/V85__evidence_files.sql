-- Evidence files (佐证材料, owned by cn.duban.evidence): files a unit attaches to its report, contribution, local
-- report or rectification, and the office to its verification, kept with the task's process instance. The file's
-- bytes live in evidence_content (the default) or in an S3-compatible store (storage_key names the object there).
create table evidence_file (
    id                   uuid          primary key,
    process_instance_id  varchar(64)   not null,
    task_code            varchar(64)   not null,
    -- The user task the file was attached to (still open while the file may be deleted) and its step.
    task_id              varchar(64)   not null,
    step                 varchar(64)   not null,
    unit_id              varchar(64)   not null,
    uploaded_by          varchar(255)  not null,
    uploaded_at          timestamptz   not null default now(),
    file_name            varchar(255)  not null,
    content_type         varchar(127)  not null,
    size_bytes           bigint        not null check (size_bytes > 0),
    sha256               char(64)      not null,
    storage              varchar(8)    not null check (storage in ('DATABASE', 'S3')),
    storage_key          varchar(512)
);

create index evidence_file_instance_idx on evidence_file (process_instance_id, uploaded_at);
create index evidence_file_task_code_idx on evidence_file (task_code);

create table evidence_content (
    file_id  uuid   primary key references evidence_file (id) on delete cascade,
    bytes    bytea  not null
);
