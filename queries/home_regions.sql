-- Cities whose counties report: the regions a page can take as home (its counties are drawn and ranked).
select distinct city.adcode, city.name_zh, coalesce(city.name_en, city.name_zh) as name_en
from current_figures as o
join regions as county on county.adcode = o.region and county.level = 'county'
join regions as city on city.adcode = county.parent and city.level = 'city'
order by city.adcode;
