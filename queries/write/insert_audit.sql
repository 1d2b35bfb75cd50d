insert into audit_log (user_name, action, target, detail, address) values ($user_name, $action, $target, $detail, $address);
