-- Submissions newest first, optionally only those with figures for $period (null: all), without the file bytes.
select
    s.id, s.file_name, s.sha256, s.period, s.region, r.name_zh as region_name, s.user_name, s.submitted_at,
    s.figures, s.status, s.reviewed_by, s.reviewed_at, s.reason, s.upload_id,
    (select string_agg(distinct x.period, ',' order by x.period) from submission_rows as x
     where x.submission_id = s.id) as periods
from submissions as s
left join regions as r on r.adcode = s.region
where $period is null or exists (
    select 1 from submission_rows as x where x.submission_id = s.id and x.period = $period
)
order by s.id desc;
