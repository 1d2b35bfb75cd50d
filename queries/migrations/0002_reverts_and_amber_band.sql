-- Reverting an upload (who and when) and the amber band in the catalogue's own units, replacing a percentage.
alter table indicators add column if not exists amber_band double;
alter table indicators drop column if exists amber_within_pct;
alter table uploads add column if not exists reverted_at timestamp;
alter table uploads add column if not exists reverted_by varchar;
