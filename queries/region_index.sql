-- Every region with its level and parent (the resolver's input).
select adcode, name_zh, text_in('place', adcode, 'name', 'en', name_zh) as name_en, level, parent
from regions
order by adcode;
