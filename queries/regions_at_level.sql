-- Every region of one level in a province (cities, or counties), for province-wide references and rankings.
select adcode, name_zh, parent from regions where level = $level and province = $province order by adcode;
