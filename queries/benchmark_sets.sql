-- Benchmark sets in display order.
select id, name_zh, name_en, rule, scope from benchmark_sets order by sort_order;
