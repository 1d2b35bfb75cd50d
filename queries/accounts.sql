-- Every account, without its password hash unless asked by the sign-in check (account_hashes).
select name, role, region, r.name_zh as region_name, disabled, created_at, changed_at
from users
left join regions as r on r.adcode = users.region
order by role, region nulls first, name;
