-- Whether the materialised figures lag the data (a database from before they existed), or hold a non-finite value
-- (materialised before the non-finite check, when 1e309 could be stored): true means refresh them.
select coalesce((select value from meta where key = 'data_version'), '0')
    is distinct from coalesce((select value from meta where key = 'figures_version'), '0')
    or exists (select 1 from current_figures where not isfinite(value))
    or exists (select 1 from figures where not isfinite(value) or not isfinite(per_10k));
