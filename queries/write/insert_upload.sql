insert into uploads (file_name, sha256, user_name, layout, is_demo, note)
values ($file_name, $sha256, $user_name, $layout, $is_demo, $note)
returning id;
