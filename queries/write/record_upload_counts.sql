update uploads
set rows_added = $added, rows_changed = $changed, rows_unchanged = $unchanged
where id = $upload_id;
