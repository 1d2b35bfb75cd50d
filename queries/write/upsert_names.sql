-- Add or replace the texts in the registered frame incoming_names (kind, key, field, lang, text).
insert or replace into name_translation by name select kind, key, field, lang, text from incoming_names;
