-- What publishing needs in one round trip: the schema's version (null without a usable schema) and the data version.
select
    (select value from meta where key = 'schema_version') as schema_version,
    (select coalesce(max(cast(value as integer)), 0) from meta where key = 'data_version') as data_version;
