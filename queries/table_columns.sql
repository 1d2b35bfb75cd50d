-- The columns of one table of the store (none when it has no such table), for the set-up hand-over.
select column_name, data_type, is_nullable, column_default
from duckdb_columns()
where table_name = $table and schema_name = 'main' and database_name = current_database()
order by column_index;
