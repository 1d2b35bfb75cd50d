-- English place names (unionbench/placenames.py), filled by `unionbench init`; an older database gets the
-- column here and its names when init reloads the regions (their fingerprint changes with the new column).
alter table regions add column if not exists name_en varchar;
