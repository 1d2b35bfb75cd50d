-- The enabled accounts with their password hashes and roles, for the sign-in check.
select name, password_hash, role, region from users where not disabled order by name;
