-- Which children of the given regions reported any figure of their own in the given quarters.
select distinct o.region, o.period
from current_figures as o
join regions as r on r.adcode = o.region
where r.parent in (select unnest($parents)) and o.period in (select unnest($periods))
order by o.period, o.region;
