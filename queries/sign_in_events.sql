-- Sign-in outcomes of the last $window seconds for one name $who (case-folded; any address) or from one address (any
-- name), oldest first, each with its age in seconds: what the sign-in throttle counts. An admin's unlock names the
-- account in its target.
select
    extract(epoch from (current_timestamp::timestamp - logged_at)) as age,
    case when action = 'sign_in_unlock' then lower(trim(target)) else lower(trim(user_name)) end as name,
    address,
    action
from audit_log
where action in ('sign_in', 'sign_in_failed', 'sign_in_unlock')
    and logged_at >= current_timestamp::timestamp - to_seconds($window)
    and (
        (action <> 'sign_in_unlock' and lower(trim(user_name)) = $who)
        or (action = 'sign_in_unlock' and lower(trim(target)) = $who)
        or address = $address
    )
order by logged_at, id;
