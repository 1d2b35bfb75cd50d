-- Add or change the indicators in incoming_indicators (already checked against the whole catalogue).
delete from indicators where id in (select id from incoming_indicators);
insert into indicators by name select * from incoming_indicators;
