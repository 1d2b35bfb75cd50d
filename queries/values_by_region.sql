-- Every indicator's value for the given regions and quarters, with its value per 10,000 of its per-capita base
-- (materialised in `figures` when the data changed).
with chosen as (
    select region, indicator, period, value, per_10k
    from figures
    where region in (select unnest($regions)) and period in (select unnest($periods))
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
order by chosen.region, indicators.sort_order, chosen.period;
