-- Names and levels of the given regions.
select adcode, name_zh, level, parent from regions where adcode in (select unnest($adcodes)) order by adcode;
