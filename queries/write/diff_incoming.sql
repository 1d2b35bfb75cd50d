-- Each incoming figure against the current one: new, changed (with the old value) or unchanged.
with incoming as (
    select region, indicator, period, cast(value as double) as value from incoming_observations
),
current as (
    select region, indicator, period, value from current_observations
)
select
    incoming.region,
    incoming.indicator,
    incoming.period,
    current.value as old_value,
    incoming.value as new_value,
    case
        when current.value is null then 'new'
        when current.value = incoming.value then 'unchanged'
        else 'changed'
    end as status
from incoming
left join current using (region, indicator, period);
