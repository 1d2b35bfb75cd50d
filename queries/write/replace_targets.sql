-- Replace the targets of every (region, year) in the registered frame incoming_targets by the incoming ones:
-- a region's targets for a year arrive as one set, so an indicator left out of the new set loses its old target.
delete from targets
using (select distinct region, cast(year as integer) as year from incoming_targets) as incoming
where targets.region = incoming.region and targets.year = incoming.year;
insert into targets by name
select region, indicator, cast(year as integer) as year, cast(target as double) as target from incoming_targets;
