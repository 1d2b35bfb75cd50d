-- Every city of China by code, with its province's name: what a custom benchmark set's members are chosen from.
select c.adcode, c.name_zh, p.name_zh as province_name
from regions as c
left join regions as p on p.adcode = c.province
where c.level = 'city'
order by c.adcode;
