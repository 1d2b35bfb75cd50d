-- An account's role and, for a reporter, the region it reports for (an admin has none).
update users set role = $role, region = $region, changed_at = current_timestamp where name = $name;
