-- The curated files the warehouse was built from: table, encoding, curator, rows and SHA-256 checksum.
SELECT path, table_name, encoding, curator, description, rows, sha256 FROM input_files ORDER BY path
