insert into users (name, password_hash, role, region) values ($name, $password_hash, $role, $region);
