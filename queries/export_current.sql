-- Every current observation in the export contract's columns and order.
with current as (
    select region, indicator, period, value, upload_id from current_figures
)
select
    current.region as region_code,
    regions.name_zh as region_name,
    current.indicator,
    current.period,
    current.value,
    indicators.unit,
    current.upload_id
from current
join regions on regions.adcode = current.region
join indicators on indicators.id = current.indicator
order by region_code, indicators.sort_order, current.period;
