-- Accounts, submissions awaiting review, and the audit log. Changes to these tables are written by the
-- writer like figures; users and submissions bump the data version (without recomputing figures) so every
-- dashboard process sees them in its next snapshot.
create table if not exists users (
    name varchar primary key,            -- the sign-in name, as typed (trimmed)
    password_hash varchar not null,      -- pbkdf2_sha256$iterations$salt$hash (unionbench.auth)
    role varchar not null check (role in ('admin', 'reporter')),
    region varchar,                      -- a reporter's region (adcode): the only one it may send figures for
    disabled boolean not null default false,
    created_at timestamp not null default current_timestamp,
    changed_at timestamp not null default current_timestamp,
    check (role = 'admin' or region is not null)
);

create sequence if not exists submission_id_seq start 1;

-- A reporter's file, kept whole (bytes and the figures it was read as) until an admin approves or returns it.
create table if not exists submissions (
    id integer primary key default nextval('submission_id_seq'),
    file_name varchar not null,
    sha256 varchar not null,
    content blob not null,               -- the file as sent, so approval commits exactly what was previewed
    period varchar,                      -- the quarter chosen when it was sent (for a file without a period column)
    region varchar not null,             -- the reporter's region
    user_name varchar not null,
    submitted_at timestamp not null default current_timestamp,
    figures integer not null,
    status varchar not null default 'submitted' check (status in ('submitted', 'returned', 'approved')),
    reviewed_by varchar,
    reviewed_at timestamp,
    reason varchar,                      -- why it was returned, shown to the reporter
    upload_id integer                    -- the upload its approval committed
);

create table if not exists submission_rows (
    submission_id integer not null,
    region varchar not null,
    indicator varchar not null,
    period varchar not null,
    value double not null check (isfinite(value)),
    primary key (submission_id, region, indicator, period)
);

create sequence if not exists audit_id_seq start 1;

create table if not exists audit_log (
    id integer primary key default nextval('audit_id_seq'),
    logged_at timestamp not null default current_timestamp,
    user_name varchar,                   -- who acted (for a failed sign-in: the name typed)
    action varchar not null,             -- sign_in_failed, upload, submit, approve, return, revert, user_*
    target varchar,                      -- e.g. 'upload #12', 'submission #3', a user name
    detail varchar,                      -- file name, reason, counts
    address varchar                      -- the browser's address, when known
);

-- A database from before these tables: mark its figures stale once, so the writer that applies this schema bumps
-- the data version and publishes a snapshot that has them (readers sign in against the snapshot).
delete from meta where key = 'figures_version' and not exists (select 1 from meta where key = 'reporting_schema');
insert or replace into meta values ('reporting_schema', '1');
