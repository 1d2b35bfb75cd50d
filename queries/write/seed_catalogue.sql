-- Add the shipped indicators (incoming_indicators) whose id the catalogue lacks; a federation's own changes stay.
insert into indicators by name
select * from incoming_indicators where id not in (select id from indicators);
