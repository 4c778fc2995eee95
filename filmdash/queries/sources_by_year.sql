-- Sources by year of publication and kind (NULL year: undated), with the bibliography's filters:
-- search (publisher, title, address, id; case-insensitive) and kinds.
SELECT try_cast(left(s.published, 4) AS INTEGER) AS year, s.kind, count(*) AS sources
FROM sources s
WHERE ($search = '' OR contains(lower(concat_ws(' ', s.source_id, s.publisher, s.title, s.url)), lower($search)))
  AND (len($kinds) = 0 OR list_contains($kinds, s.kind))
GROUP BY ALL
ORDER BY year NULLS LAST, s.kind
