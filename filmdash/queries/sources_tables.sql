-- The data dictionary, tables: every table of the warehouse with its description in $lang (the
-- descriptions table; the English COMMENT ON where it has none), columns and rows.
SELECT t.table_name, coalesce(d.text, t.comment) AS comment, t.column_count, t.estimated_size AS rows
FROM duckdb_tables() t
LEFT JOIN descriptions d ON d.table_name = t.table_name AND d.column_name IS NULL AND d.lang = $lang
WHERE NOT t.internal AND t.schema_name = 'main' AND t.database_name = current_database()
ORDER BY t.table_name
