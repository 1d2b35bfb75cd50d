-- Whether the materialised figures lag the data (a database from before they existed): true means refresh them.
select coalesce((select value from meta where key = 'data_version'), '0')
    is distinct from coalesce((select value from meta where key = 'figures_version'), '0');
