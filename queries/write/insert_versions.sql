-- Add a version for every incoming figure that is new or differs from the current one; nothing is overwritten.
insert into observations (region, indicator, period, value, upload_id, version)
with incoming as (
    select region, indicator, period, cast(value as double) as value from incoming_observations
),
latest as (
    select region, indicator, period, max(version) as version from observations group by region, indicator, period
)
select incoming.region, incoming.indicator, incoming.period, incoming.value, $upload_id,
       coalesce(latest.version, 0) + 1
from incoming
left join current_observations as current using (region, indicator, period)
left join latest using (region, indicator, period)
where current.value is distinct from incoming.value;
