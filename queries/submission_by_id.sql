-- One submission with the file as sent.
select id, file_name, sha256, content, period, region, user_name, submitted_at, figures, status, reviewed_by,
       reviewed_at, reason, upload_id
from submissions where id = $submission_id;
