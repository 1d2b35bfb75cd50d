-- Reload regions and aliases from the registered frames incoming_regions and incoming_aliases.
delete from region_aliases;
delete from regions;
insert into regions by name select adcode, name_zh, level, parent, province from incoming_regions;
insert into region_aliases by name select alias, adcode from incoming_aliases;
