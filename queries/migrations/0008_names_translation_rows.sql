-- Names in every language other than the official Chinese are rows, not columns: a language is added with rows
-- (`unionbench names import`), never with a schema change. The Chinese texts stay with their rows (regions.name_zh,
-- indicators.name_zh, group_zh, unit, description_zh, benchmark_sets.name_zh, validation_rules.message_zh): they are
-- the official names the ingest matches on and what a language without a row falls back to.
-- kind/field: indicator name|group|unit|description, set name, place name, rule message; key: the row's id/adcode.
create table if not exists name_translation (
    kind varchar not null check (kind in ('indicator', 'set', 'place', 'rule')),
    key varchar not null,
    field varchar not null check (field in ('name', 'group', 'unit', 'description', 'message')),
    lang varchar not null,
    text varchar not null,
    primary key (kind, key, field, lang)
);

-- The English texts move from their columns into rows, so an upgraded database keeps every name. (The columns are
-- added first where missing, so a second run over a database that already moved them finds nothing to move.)
alter table indicators add column if not exists name_en varchar;
alter table indicators add column if not exists group_en varchar;
alter table indicators add column if not exists unit_en varchar;
alter table indicators add column if not exists description_en varchar;
alter table benchmark_sets add column if not exists name_en varchar;
alter table regions add column if not exists name_en varchar;
alter table validation_rules add column if not exists message_en varchar;
insert or ignore into name_translation
select 'indicator', id, 'name', 'en', name_en from indicators where coalesce(name_en, '') <> ''
union all select 'indicator', id, 'group', 'en', group_en from indicators where coalesce(group_en, '') <> ''
union all select 'indicator', id, 'unit', 'en', unit_en from indicators where coalesce(unit_en, '') <> ''
union all select 'indicator', id, 'description', 'en', description_en from indicators
    where coalesce(description_en, '') <> ''
union all select 'set', id, 'name', 'en', name_en from benchmark_sets where coalesce(name_en, '') <> ''
union all select 'place', adcode, 'name', 'en', name_en from regions where coalesce(name_en, '') <> ''
union all select 'rule', id, 'message', 'en', message_en from validation_rules where coalesce(message_en, '') <> '';

alter table indicators drop column if exists name_en;
alter table indicators drop column if exists group_en;
alter table indicators drop column if exists unit_en;
alter table indicators drop column if exists description_en;
alter table benchmark_sets drop column if exists name_en;
alter table regions drop column if exists name_en;
alter table validation_rules drop column if exists message_en;

-- The one place a stored text is chosen in a language: the row in that language, else the official text.
create or replace macro text_in(of_kind, of_key, of_field, in_lang, official) as coalesce(
    (select t.text from name_translation as t
     where t.kind = of_kind and t.key = of_key and t.field = of_field and t.lang = in_lang),
    official
);
