-- Every quarter in which a region or any of its counties has a figure, newest first; `own` when the region itself
-- has one (its own report, or the sum of all of its counties), so a page can tell a partly reported quarter.
select f.period, bool_or(f.region = $region) as own
from figures as f
where f.region = $region
    or f.region in (select adcode from regions where parent = $region)
group by f.period
order by f.period desc;
