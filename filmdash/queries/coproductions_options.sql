-- What the filters offer: the countries taking part in documented co-productions (with their
-- number of titles), the statuses and the span of years.
SELECT 'country' AS kind, pc.country_iso2 AS value, c.name_en, c.name_zh_hans, c.name_zh_hant,
       count(DISTINCT p.production_id) AS titles, NULL::INTEGER AS first_year, NULL::INTEGER AS last_year
FROM production_countries pc
JOIN productions p ON p.production_id = pc.production_id AND p.is_coproduction
LEFT JOIN countries c ON c.iso2 = pc.country_iso2
GROUP BY ALL
UNION ALL
SELECT 'status', status, NULL, NULL, NULL, count(*), min(year), max(year)
FROM productions WHERE is_coproduction GROUP BY status
UNION ALL
SELECT 'years', NULL, NULL, NULL, NULL, count(*), min(year), max(year)
FROM productions WHERE is_coproduction
ORDER BY kind, titles DESC, value
