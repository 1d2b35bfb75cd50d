-- Reload the indicator catalogue from the registered frame incoming_indicators.
delete from indicators;
insert into indicators by name select * from incoming_indicators;
