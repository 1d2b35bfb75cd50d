-- Figures of the given regions and quarters on their comparison basis (the compared_figures macro of
-- migrations/0003_materialised_figures.sql), with the region's name and level.
select
    f.region,
    r.name_zh as region_name,
    r.level,
    f.indicator,
    f.period,
    f.value,
    f.basis,
    f.figure,
    f.part,
    f.base
from compared_figures($regions, $periods) as f
join regions as r on r.adcode = f.region
order by f.region, f.indicator, f.period;
