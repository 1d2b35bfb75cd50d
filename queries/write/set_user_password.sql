update users set password_hash = $password_hash, changed_at = current_timestamp where name = $name;
