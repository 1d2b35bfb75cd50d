-- Names and levels of the given regions.
select adcode, name_zh, text_in('place', adcode, 'name', 'en', name_zh) as name_en, level, parent
from regions
where adcode in (select unnest($adcodes))
order by adcode;
