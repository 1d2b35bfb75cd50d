-- A custom set's members: those of the set in the registered frame incoming_set (id) replaced by incoming_members
-- (set_id, adcode).
delete from benchmark_members where set_id in (select id from incoming_set);
insert into benchmark_members by name select set_id, adcode from incoming_members;
