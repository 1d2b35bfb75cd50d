-- The schema's version, written by the same transaction that creates the schema: no row means no usable schema.
select value from meta where key = 'schema_version';
