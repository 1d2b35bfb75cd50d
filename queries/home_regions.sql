-- Cities whose counties report: the regions a page can take as home (its counties are drawn and ranked).
with homes as (
    select distinct city.adcode, city.name_zh
    from current_figures as o
    join regions as county on county.adcode = o.region and county.level = 'county'
    join regions as city on city.adcode = county.parent and city.level = 'city'
)
select adcode, name_zh, text_in('place', adcode, 'name', 'en', name_zh) as name_en from homes order by adcode;
