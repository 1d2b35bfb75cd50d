-- Annual targets of the given regions for one year, with the region's name, in display order.
with chosen as (
    select region, indicator, year, target
    from targets
    where region in (select unnest($regions)) and year = $year
)
select chosen.region, regions.name_zh as region_name, chosen.indicator, chosen.year, chosen.target
from chosen
join regions on regions.adcode = chosen.region
join indicators on indicators.id = chosen.indicator
order by chosen.region, indicators.sort_order;
