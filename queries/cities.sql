-- Every city of China by code, with its province's name (Chinese and English): what a custom benchmark set's
-- members are chosen from.
select
    c.adcode,
    c.name_zh,
    c.province,
    text_in('place', c.adcode, 'name', 'en', c.name_zh) as name_en,
    p.name_zh as province_name_zh,
    text_in('place', p.adcode, 'name', 'en', p.name_zh) as province_name_en
from regions as c
left join regions as p on p.adcode = c.province
where c.level = 'city'
order by c.adcode;
