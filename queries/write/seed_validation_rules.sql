-- Add the shipped validation rules (incoming_rules) whose id is missing; a federation's own changes stay.
insert into validation_rules by name
select * from incoming_rules where id not in (select id from validation_rules);
