-- The federation's settings kept in meta (unionbench.settings.KEYS): one row per key that has been set.
select key, value
from meta
where key in ('home', 'benchmark', 'reference', 'deadline_days')
order by key;
