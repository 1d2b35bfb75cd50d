-- The latest quarter with any figure for a region.
select max(period) as period from figures where region = $region;
