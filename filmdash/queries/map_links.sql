-- Co-production links between countries, as in the coproduction_links mart, restricted to the
-- titles whose year is in [$year_from, $year_to] and whose status is in $statuses (empty: all).
WITH titles AS (
    SELECT production_id, year
    FROM productions
    WHERE is_coproduction AND year BETWEEN $year_from AND $year_to
      AND (len($statuses) = 0 OR list_contains($statuses, status))
), pairs AS (
    SELECT a.country_iso2 AS country_a, b.country_iso2 AS country_b, p.production_id, p.year,
           a.source_id AS source_a, b.source_id AS source_b
    FROM production_countries a
    JOIN production_countries b ON a.production_id = b.production_id AND a.country_iso2 < b.country_iso2
    JOIN titles p ON p.production_id = a.production_id
)
SELECT country_a, country_b,
       ca.name_en AS a_name_en, ca.name_zh_hans AS a_name_zh_hans, ca.name_zh_hant AS a_name_zh_hant,
       cb.name_en AS b_name_en, cb.name_zh_hans AS b_name_zh_hans, cb.name_zh_hant AS b_name_zh_hant,
       count(DISTINCT production_id) AS titles, min(year) AS first_year, max(year) AS last_year,
       string_agg(DISTINCT production_id, ' | ' ORDER BY production_id) AS production_ids,
       list_sort(list_distinct(list(source_a) || list(source_b))) AS source_ids
FROM pairs
JOIN countries ca ON ca.iso2 = country_a
JOIN countries cb ON cb.iso2 = country_b
GROUP BY ALL
ORDER BY titles DESC, country_a, country_b
