-- Delete the custom benchmark set in the registered frame incoming_set (id) and its members; never a CSV default.
delete from benchmark_members where set_id in (select id from incoming_set);
delete from benchmark_sets where id in (select id from incoming_set) and source = 'custom';
