-- Every stored translation row (what `unionbench names export` writes).
select kind, key, field, lang, text from name_translation order by kind, key, field, lang;
