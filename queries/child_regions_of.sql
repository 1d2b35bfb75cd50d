-- The regions directly under any of the given regions (the counties of several cities), with names.
select adcode, name_zh, level, parent from regions where parent in (select unnest($parents)) order by parent, adcode;
