-- The data dictionary, columns: every column of the warehouse (or of some tables) with its type and comment.
SELECT table_name, column_name, data_type, comment, column_index
FROM duckdb_columns()
WHERE NOT internal AND schema_name = 'main' AND (len($tables) = 0 OR list_contains($tables, table_name))
ORDER BY table_name, column_index
