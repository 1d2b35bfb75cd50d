-- One setting kept in meta (e.g. deadline_days), or no row.
select value from meta where key = $key;
