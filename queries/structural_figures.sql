-- The latest figure of every structural indicator (catalogue column `structural`: workers, enterprises that should
-- form a union, members) for every region of one level, in one province or, when $province is null, the whole
-- country: what similar peers are found by. A city without its own report has its counties' sum.
with pool as (
    select adcode, name_zh, level from regions
    where level = $level and ($province is null or province = $province)
),
latest as (
    select f.region, f.indicator, f.period, f.value
    from figures as f
    join pool as p on p.adcode = f.region
    join indicators as i on i.id = f.indicator and i.structural
    where f.value is not null and isfinite(f.value)
    qualify row_number() over (partition by f.region, f.indicator order by f.period desc) = 1
)
select l.region, p.name_zh as region_name, p.level, l.indicator, l.period, l.value
from latest as l
join pool as p on p.adcode = l.region
order by l.region, l.indicator;
