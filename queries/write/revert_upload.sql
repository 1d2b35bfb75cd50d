-- Take an upload back: its versions stay in history but stop counting.
update uploads
set status = 'reverted', reverted_at = current_timestamp, reverted_by = $user_name
where id = $upload_id and status = 'committed';
