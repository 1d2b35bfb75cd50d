-- Every stored target (of one year, or of all years when $year is null), with the region's name, for export.
with chosen as (
    select region, indicator, year, target
    from targets
    where $year is null or year = $year
)
select chosen.region as region_code, regions.name_zh as region_name, chosen.indicator, chosen.year, chosen.target
from chosen
left join regions on regions.adcode = chosen.region
left join indicators on indicators.id = chosen.indicator
order by chosen.year, chosen.region, indicators.sort_order, chosen.indicator;
