-- Every figure for the given regions, indicators and quarters as the pages show it (stored, rolled up or derived),
-- with the upload that set it where it was stored directly; computed figures have no upload.
select
    v.region,
    r.name_zh as region_name,
    r.level,
    v.indicator,
    v.period,
    v.value,
    o.upload_id,
    u.file_name,
    u.user_name,
    u.created_at as uploaded_at
from figures as v
join regions as r on r.adcode = v.region
join indicators as i on i.id = v.indicator
left join current_figures as o
    on o.region = v.region and o.indicator = v.indicator and o.period = v.period
left join uploads as u on u.id = o.upload_id
where v.region in (select unnest($regions))
    and v.indicator in (select unnest($indicators))
    and v.period in (select unnest($periods))
order by v.region, i.sort_order, v.period;
