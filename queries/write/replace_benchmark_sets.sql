-- Reload the CSV benchmark sets and their members from incoming_sets and incoming_members; custom sets (made in the dashboard or with `unionbench sets add`) are left as they are.
delete from benchmark_members where set_id in (select id from benchmark_sets where source = 'csv');
delete from benchmark_sets where source = 'csv';
insert into benchmark_sets by name
select id, name_zh, rule, scope, sort_order, 'csv' as source, 'pooled' as member_rule from incoming_sets;
insert into benchmark_members by name select set_id, adcode from incoming_members;
