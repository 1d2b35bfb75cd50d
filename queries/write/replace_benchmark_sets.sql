-- Reload benchmark sets and their members from incoming_sets and incoming_members.
delete from benchmark_members;
delete from benchmark_sets;
insert into benchmark_sets by name select id, name_zh, name_en, rule, scope, sort_order from incoming_sets;
insert into benchmark_members by name select set_id, adcode from incoming_members;
