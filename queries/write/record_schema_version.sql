-- The schema version a migration brings the store to, written in the migration's own transaction.
insert or replace into meta values ('schema_version', $version);
