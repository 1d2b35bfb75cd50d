-- Every quarter with any figure for a region, newest first.
select distinct period from figures where region = $region order by period desc;
