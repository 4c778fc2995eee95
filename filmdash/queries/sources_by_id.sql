-- The bibliography entries for a list of source ids.
SELECT source_id, publisher, title, url, published, accessed, language, kind
FROM sources WHERE list_contains($ids, source_id)
ORDER BY published DESC NULLS LAST, source_id
