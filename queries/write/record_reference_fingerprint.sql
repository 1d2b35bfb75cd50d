insert or replace into meta values ('reference_fingerprint', $fingerprint);
