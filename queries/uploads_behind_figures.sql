-- The uploads whose figures stand now for the given regions and quarters, with how many figures each set there:
-- a briefing's provenance.
with used as (
    select upload_id, count(*) as figures, min(period) as first_period, max(period) as last_period
    from current_figures
    where region in (select unnest($regions)) and period in (select unnest($periods))
    group by upload_id
)
select u.id, u.file_name, u.user_name, u.created_at, u.is_demo, used.figures, used.first_period, used.last_period
from used
join uploads as u on u.id = used.upload_id
order by u.id;
