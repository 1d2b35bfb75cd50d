-- Regions of one level that have any current figure.
select distinct r.adcode, r.name_zh
from current_figures as o
join regions as r on r.adcode = o.region
where r.level = $level
order by r.adcode;
