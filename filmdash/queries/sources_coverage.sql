-- Coverage per table: rows, distinct sources cited, and (for claims) how many rest on one source.
SELECT table_name, rows, sources, uncorroborated FROM coverage ORDER BY rows DESC, table_name
