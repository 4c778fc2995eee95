-- Pairs of co-producing countries weighted by documented titles, for the filters (the filtered
-- version of the coproduction_links mart), with the countries' names in the three scripts.
WITH picked AS (
    SELECT production_id, year FROM coproductions_picked($year_from, $year_to, $statuses, $countries)
),
pairs AS (
    SELECT a.country_iso2 AS country_a, b.country_iso2 AS country_b,
           count(DISTINCT p.production_id) AS titles, min(p.year) AS first_year, max(p.year) AS last_year,
           string_agg(DISTINCT p.production_id, ' | ' ORDER BY p.production_id) AS production_ids,
           string_agg(DISTINCT a.source_id, ' | ' ORDER BY a.source_id) AS source_ids
    FROM production_countries a
    JOIN production_countries b ON a.production_id = b.production_id AND a.country_iso2 < b.country_iso2
    JOIN picked p ON p.production_id = a.production_id
    GROUP BY ALL
)
SELECT pairs.*,
       ca.name_en AS a_name_en, ca.name_zh_hans AS a_name_zh_hans, ca.name_zh_hant AS a_name_zh_hant,
       cb.name_en AS b_name_en, cb.name_zh_hans AS b_name_zh_hans, cb.name_zh_hant AS b_name_zh_hant
FROM pairs
LEFT JOIN countries ca ON ca.iso2 = pairs.country_a
LEFT JOIN countries cb ON cb.iso2 = pairs.country_b
ORDER BY titles DESC, country_a, country_b
