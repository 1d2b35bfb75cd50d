-- The regions a benchmark set compares against: its members, or every city of its province.
with chosen as (
    select id, rule, scope from benchmark_sets where id = $set_id
),
listed as (
    select m.adcode from benchmark_members as m join chosen on chosen.id = m.set_id where chosen.rule = 'members'
),
provincial as (
    select r.adcode from regions as r join chosen on r.parent = chosen.scope
    where chosen.rule <> 'members' and r.level = 'city'
)
select adcode from listed
union
select adcode from provincial
order by adcode;
