-- The regions directly under a region (a city's counties), with names.
select adcode, name_zh, level from regions where parent = $parent order by adcode;
