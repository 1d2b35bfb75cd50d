-- The regions directly under a region (a city's counties), with names.
select adcode, name_zh, text_in('place', adcode, 'name', 'en', name_zh) as name_en, level
from regions
where parent = $parent
order by adcode;
