-- The audit log newest first, from $since (a timestamp; null: everything).
select id, logged_at, user_name, action, target, detail, address
from audit_log
where $since is null or logged_at >= $since
order by id desc;
