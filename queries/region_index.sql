-- Every region with its level and parent (the resolver's input).
select adcode, name_zh, level, parent from regions order by adcode;
