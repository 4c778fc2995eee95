-- The data dictionary, tables: every table of the warehouse with its comment, columns and rows.
SELECT table_name, comment, column_count, estimated_size AS rows
FROM duckdb_tables() WHERE NOT internal AND schema_name = 'main'
ORDER BY table_name
