-- The indicator catalogue in display order, with its English texts (from name_translation) beside the Chinese.
select
    *,
    text_in('indicator', id, 'name', 'en', name_zh) as name_en,
    text_in('indicator', id, 'group', 'en', group_zh) as group_en,
    text_in('indicator', id, 'unit', 'en', unit) as unit_en,
    text_in('indicator', id, 'description', 'en', description_zh) as description_en
from indicators
order by sort_order;
