-- Every name people write for a region.
select alias, adcode from region_aliases order by alias, adcode;
