-- When the data last changed, whether any current figure is demo data, and how many figures count now.
with committed as (
    select id, created_at, is_demo from uploads where status = 'committed'
),
current_sources as (
    select distinct upload_id from current_figures
)
select
    (select max(created_at) from committed) as last_change,
    exists (
        select 1 from current_sources join committed on committed.id = current_sources.upload_id
        where committed.is_demo
    ) as has_demo,
    (select count(*) from current_figures) as observations;
