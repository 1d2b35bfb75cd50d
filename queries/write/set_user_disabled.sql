update users set disabled = $disabled, changed_at = current_timestamp where name = $name;
