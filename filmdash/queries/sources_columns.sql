-- The data dictionary, columns: every column of the warehouse (or of some tables) with its type and its
-- meaning in $lang (the descriptions table; the English COMMENT ON where it has none).
SELECT c.table_name, c.column_name, c.data_type, coalesce(d.text, c.comment) AS comment, c.column_index
FROM duckdb_columns() c
LEFT JOIN descriptions d ON d.table_name = c.table_name AND d.column_name = c.column_name AND d.lang = $lang
WHERE NOT c.internal AND c.schema_name = 'main' AND c.database_name = current_database()
  AND (len($tables) = 0 OR list_contains($tables, c.table_name))
ORDER BY c.table_name, c.column_index
