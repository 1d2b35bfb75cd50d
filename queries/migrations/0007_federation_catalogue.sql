-- The catalogue belongs to the federation: `unionbench init` seeds it from data/indicators.csv into a new database
-- and afterwards only adds a shipped indicator whose id is missing. A retired indicator is hidden from templates,
-- pickers and tiles while its figures stay (and are exported).
alter table indicators add column if not exists status varchar default 'active';
update indicators set status = 'active' where status is null;

-- Cross-checks between figures, as data (the way DHIS2 keeps validation rules): left operator right, each side an
-- indicator id or a sum of ids ('a + b'). An error refuses a file, a warning is shown. Seeded from
-- data/validation_rules.csv like the catalogue, never overwritten on an existing database.
create table if not exists validation_rules (
    id varchar primary key,
    left_side varchar not null,
    operator varchar not null check (operator in ('<=', '<', '=', '>=', '>')),
    right_side varchar not null,
    severity varchar not null check (severity in ('error', 'warning')),
    message_zh varchar not null,
    message_en varchar not null,
    status varchar not null default 'active' check (status in ('active', 'retired'))
);
