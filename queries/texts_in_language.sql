-- Every field of one kind of stored text (indicator name|group|unit|description, set name, place name, rule
-- message) by key, in $lang: the language's row, else the official Chinese text (text_in).
with official as (
    select 'indicator' as kind, id as key, 'name' as field, name_zh as text from indicators
    union all select 'indicator', id, 'group', group_zh from indicators
    union all select 'indicator', id, 'unit', unit from indicators
    union all select 'indicator', id, 'description', description_zh from indicators
    union all select 'set', id, 'name', name_zh from benchmark_sets
    union all select 'place', adcode, 'name', name_zh from regions
    union all select 'rule', id, 'message', message_zh from validation_rules
)
select key, field, text_in(kind, key, field, $lang, text) as text
from official
where kind = $kind;
