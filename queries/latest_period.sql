-- The latest quarter with any figure for a region.
select max(period) as period from indicator_values where region = $region;
