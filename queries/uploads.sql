-- The upload history, newest first.
select id, file_name, sha256, user_name, created_at, layout, rows_added, rows_changed, rows_unchanged, status,
       reverted_at, reverted_by, is_demo, note
from uploads
order by id desc;
