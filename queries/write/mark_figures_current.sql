-- The materialised figures are those of the current data version (after a change no figure depends on).
insert or replace into meta
select 'figures_version', value from meta where key = 'data_version';
