-- Approve or return a submission still waiting for review.
update submissions
set status = $status, reviewed_by = $user_name, reviewed_at = current_timestamp, reason = $reason,
    upload_id = $upload_id
where id = $submission_id and status = 'submitted';
