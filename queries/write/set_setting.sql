insert or replace into meta values ($key, $value);
