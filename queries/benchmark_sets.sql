-- Benchmark sets in display order: the CSV defaults, then custom sets with who saved them and when.
select
    id, name_zh, text_in('set', id, 'name', 'en', name_zh) as name_en, rule, scope, source, member_rule, created_by,
    created_at, updated_by, updated_at
from benchmark_sets
order by sort_order, id;
