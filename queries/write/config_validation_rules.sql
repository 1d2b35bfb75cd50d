-- The validation rules in the registered frame incoming_rows replace the stored ones: a federation's rules arrive
-- as one set, like its catalogue's definitions.
delete from validation_rules;
insert into validation_rules by name select * from incoming_rows;
