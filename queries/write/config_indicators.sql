-- Add or replace the indicators in the registered frame incoming_rows (any of the table's columns, by name);
-- indicators the frame does not name stay as they are.
insert or replace into indicators by name select * from incoming_rows;
