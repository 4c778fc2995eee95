-- The bibliography: every source with how many rows of the warehouse cite it and how many claims it
-- makes, searchable (publisher, title, address, id; case-insensitive) and filterable by kind.
WITH usage AS (
    SELECT source_id, sum(rows)::BIGINT AS rows_cited,
           string_agg(table_name || ' (' || rows || ')', ' | ' ORDER BY table_name) AS tables
    FROM source_usage GROUP BY source_id
),
claimed AS (SELECT source_id, count(*) AS claims FROM claims GROUP BY source_id)
SELECT s.source_id, s.publisher, s.title, s.url, s.published, s.accessed, s.language, s.kind,
       coalesce(u.rows_cited, 0) AS rows_cited, coalesce(c.claims, 0) AS claims, u.tables
FROM sources s
LEFT JOIN usage u USING (source_id)
LEFT JOIN claimed c USING (source_id)
WHERE ($search = '' OR contains(lower(concat_ws(' ', s.source_id, s.publisher, s.title, s.url)), lower($search)))
  AND (len($kinds) = 0 OR list_contains($kinds, s.kind))
ORDER BY s.publisher, s.published DESC NULLS LAST, s.source_id
