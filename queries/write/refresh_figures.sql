-- Materialise the current figures and every roll-up, in the transaction that changed the data: pages then
-- read stored rows instead of recomputing the whole country's roll-ups on every query. The views stay the definition.
delete from current_figures;
insert into current_figures
select region, indicator, period, value, upload_id, version
from current_observations
order by region, period, indicator;
delete from figures;
insert into figures
with all_values as (
    select region, indicator, period, value from indicator_values
)
select
    v.region,
    v.indicator,
    v.period,
    v.value,
    10000.0 * v.value / nullif(bases.value, 0) as per_10k
from all_values as v
join indicators as i on i.id = v.indicator
left join all_values as bases
    on bases.region = v.region
    and bases.period = v.period
    and bases.indicator = i.per_capita_base
order by v.region, v.period, v.indicator;
-- as write/mark_figures_current:
insert or replace into meta
select 'figures_version', value from meta where key = 'data_version';
