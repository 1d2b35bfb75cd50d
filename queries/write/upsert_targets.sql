-- Add or change the targets in the registered frame incoming_targets (region, indicator, year, target); targets
-- the frame does not name stay as they are.
insert or replace into targets by name
select region, indicator, cast(year as integer) as year, cast(target as double) as target from incoming_targets;
