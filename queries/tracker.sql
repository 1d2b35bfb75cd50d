-- The submission tracker: each county of $home for $period, with its latest pending or returned
-- submission and the figures published for it (by an approved submission or an admin's upload).
with counties as (
    select adcode, name_zh from regions where parent = $home and level = 'county'
),
sent as (
    select s.id, s.region, s.status, s.user_name, s.submitted_at, s.reason, s.upload_id, count(*) as figures
    from submissions as s
    join submission_rows as x on x.submission_id = s.id and x.region = s.region and x.period = $period
    where s.region in (select adcode from counties)
    group by all
),
pending as (
    select * from sent where status = 'submitted' qualify row_number() over (partition by region order by id desc) = 1
),
returned as (
    select * from sent where status = 'returned' qualify row_number() over (partition by region order by id desc) = 1
),
published as (
    select f.region, count(*) as figures, max(f.upload_id) as upload_id
    from current_figures as f
    where f.period = $period and f.region in (select adcode from counties)
    group by f.region
),
approved as (
    select p.region, p.figures, coalesce(s.user_name, u.user_name) as user_name,
           coalesce(s.submitted_at, u.created_at) as submitted_at, s.id as submission_id
    from published as p
    join uploads as u on u.id = p.upload_id
    left join submissions as s on s.upload_id = p.upload_id and s.region = p.region
)
select
    c.adcode as region_code,
    c.name_zh as region_name,
    case
        when pending.id is not null then 'submitted'
        when approved.region is not null then 'approved'
        when returned.id is not null then 'returned'
        else 'missing'
    end as status,
    coalesce(pending.figures, approved.figures, returned.figures, 0) as figures,
    case when pending.id is not null then pending.user_name when approved.region is not null then approved.user_name
         else returned.user_name end as submitted_by,
    case when pending.id is not null then pending.submitted_at
         when approved.region is not null then approved.submitted_at else returned.submitted_at end as submitted_at,
    case when pending.id is not null then pending.id when approved.region is not null then approved.submission_id
         else returned.id end as submission_id,
    case when pending.id is null and approved.region is null then returned.reason end as reason
from counties as c
left join pending on pending.region = c.adcode
left join approved on approved.region = c.adcode
left join returned on returned.region = c.adcode
order by c.adcode;
