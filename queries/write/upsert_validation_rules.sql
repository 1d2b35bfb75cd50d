-- Add or change the validation rules in incoming_rules (already checked).
delete from validation_rules where id in (select id from incoming_rules);
insert into validation_rules by name select * from incoming_rules;
