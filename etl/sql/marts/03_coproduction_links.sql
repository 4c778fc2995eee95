-- Pairs of countries that co-produce, weighted by the number of documented titles.
-- @grain: country_a, country_b
-- country_a: The first country of the pair (ISO alpha-2, alphabetically first).
-- country_b: The second country of the pair.
-- titles: Number of documented co-productions the two countries share.
-- first_year: Earliest year among those titles.
-- last_year: Latest year among those titles.
-- production_ids: The titles, ' | ' separated.
SELECT a.country_iso2 AS country_a, b.country_iso2 AS country_b,
       count(DISTINCT p.production_id) AS titles,
       min(p.year) AS first_year, max(p.year) AS last_year,
       string_agg(DISTINCT p.production_id, ' | ' ORDER BY p.production_id) AS production_ids
FROM production_countries a
JOIN production_countries b ON a.production_id = b.production_id AND a.country_iso2 < b.country_iso2
JOIN productions p ON p.production_id = a.production_id
WHERE p.is_coproduction
GROUP BY ALL
ORDER BY titles DESC, country_a, country_b
