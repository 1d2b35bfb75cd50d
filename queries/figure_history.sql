-- Every version of one figure: which upload set it, when, by whom, what it was before, and whether it counts now.
with versions as (
    select o.region, o.indicator, o.period, o.value, o.version, o.upload_id
    from observations as o
    where o.region = $region and o.indicator = $indicator and o.period = $period
),
current as (
    select upload_id, version from current_figures
    where region = $region and indicator = $indicator and period = $period
)
select
    versions.version,
    versions.value,
    lag(versions.value) over (order by versions.version) as previous_value,
    versions.upload_id,
    uploads.file_name,
    uploads.user_name,
    uploads.created_at,
    uploads.status,
    current.version is not null as is_current
from versions
join uploads on uploads.id = versions.upload_id
left join current on current.version = versions.version
order by versions.version;
