-- Every indicator's value for the given regions and quarters, with its value per 10,000 of its per-capita base.
with chosen as (
    select region, indicator, period, value
    from indicator_values
    where region in (select unnest($regions)) and period in (select unnest($periods))
)
select
    chosen.region,
    regions.name_zh as region_name,
    chosen.indicator,
    chosen.period,
    chosen.value,
    10000.0 * chosen.value / nullif(bases.value, 0) as per_10k
from chosen
join regions on regions.adcode = chosen.region
join indicators on indicators.id = chosen.indicator
left join chosen as bases
    on bases.region = chosen.region
    and bases.period = chosen.period
    and bases.indicator = indicators.per_capita_base
order by chosen.region, indicators.sort_order, chosen.period;
