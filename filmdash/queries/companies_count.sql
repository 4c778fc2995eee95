-- How many companies match the explorer's filters, how many of them are curated rows and registry rows, and the
-- latest registry export's date among them (summed over companies_cube; an import's date is its source's).
SELECT coalesce(sum(c.n), 0)::BIGINT AS n, coalesce(sum(c.n) FILTER (WHERE c.origin = 'curated'), 0)::BIGINT AS curated,
       coalesce(sum(c.n) FILTER (WHERE c.origin <> 'curated'), 0)::BIGINT AS registry, max(s.accessed) AS registry_as_of
FROM companies_cube($q, $cities, $types, $decades, $listed, $origins) c
LEFT JOIN sources s ON s.source_id = c.origin AND c.origin <> 'curated'
WHERE c.matches
