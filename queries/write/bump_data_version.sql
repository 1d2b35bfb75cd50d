insert or replace into meta
select 'data_version', cast(coalesce(max(cast(value as integer)), 0) + 1 as varchar)
from meta where key = 'data_version';
