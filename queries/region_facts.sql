-- One region's name, level, parent and province.
select adcode, name_zh, level, parent, province from regions where adcode = $adcode;
