-- The figures the given cities and their counties reported themselves (no roll-ups) in the given quarters: ingest
-- checks a city's own figure against the sum of its counties'.
with reported as (
    select region, indicator, period, value from current_figures
    where period in (select unnest($periods))
)
select reported.region, reported.indicator, reported.period, reported.value
from reported
join regions on regions.adcode = reported.region
where regions.adcode in (select unnest($cities)) or regions.parent in (select unnest($cities))
order by reported.region, reported.indicator, reported.period;
