-- Store one custom benchmark set (its English name is a translation row): a new one goes after every other set; an
-- edited one keeps its place, who made it and when, and records who changed it last and when.
insert into benchmark_sets (id, name_zh, rule, scope, sort_order, source, member_rule, created_by, created_at,
                            updated_at, updated_by)
select
    $id, $name_zh, 'members', null,
    greatest(coalesce(max(sort_order), 0) + 10, $first_sort),
    'custom', $member_rule, $user, current_timestamp, current_timestamp, $user
from benchmark_sets
on conflict (id) do update set
    name_zh = excluded.name_zh,
    member_rule = excluded.member_rule,
    updated_at = excluded.updated_at,
    updated_by = excluded.updated_by;
