-- Every row of one of the store's set-up tables, with every column it has (the hand-over exports them whole).
select * from query_table($table);
