-- The data version: grows with every commit or revert.
select coalesce(max(cast(value as integer)), 0) from meta where key = 'data_version';
