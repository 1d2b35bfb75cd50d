-- One upload.
select id, file_name, sha256, user_name, created_at, layout, status, is_demo from uploads where id = $upload_id;
