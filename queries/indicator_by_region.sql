-- One indicator's value for the given regions and quarters, with its value per 10,000 of its per-capita base:
-- values_by_region for the one indicator a view shows, so nothing else is read.
with chosen as (
    select region, indicator, period, value, per_10k
    from figures
    where
        indicator = $indicator
        and region in (select unnest($regions))
        and period in (select unnest($periods))
)

select
    chosen.region,
    regions.name_zh as region_name,
    chosen.indicator,
    chosen.period,
    chosen.value,
    chosen.per_10k
from chosen
join regions on regions.adcode = chosen.region
join indicators on indicators.id = chosen.indicator
order by chosen.region, chosen.period;
