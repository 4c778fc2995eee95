-- Every value of each facet (city, type, founded decade, listed, origin: curated or a registry import) with how
-- many companies match it under the text search and the *other* facets' filters (a facet never narrows its own
-- counts), summed over companies_cube: stored counts, or the search's matches counted, in one pass.
WITH f AS (SELECT * FROM companies_cube($q, $cities, $types, $decades, $listed, $origins))
SELECT facet, value, n FROM (
    SELECT 'city' AS facet, city_id AS value, coalesce(sum(n) FILTER (WHERE ok_type AND ok_decade AND ok_listed AND ok_origin), 0)::BIGINT AS n
    FROM f GROUP BY ALL
    UNION ALL
    SELECT 'type', type, coalesce(sum(n) FILTER (WHERE ok_city AND ok_decade AND ok_listed AND ok_origin), 0)::BIGINT FROM f GROUP BY ALL
    UNION ALL
    SELECT 'decade', decade, coalesce(sum(n) FILTER (WHERE ok_city AND ok_type AND ok_listed AND ok_origin), 0)::BIGINT FROM f GROUP BY ALL
    UNION ALL
    SELECT 'listed', listed, coalesce(sum(n) FILTER (WHERE ok_city AND ok_type AND ok_decade AND ok_origin), 0)::BIGINT FROM f GROUP BY ALL
    UNION ALL
    SELECT 'origin', origin, coalesce(sum(n) FILTER (WHERE ok_city AND ok_type AND ok_decade AND ok_listed), 0)::BIGINT FROM f GROUP BY ALL
)
WHERE value IS NOT NULL  -- a registry company in a city the dashboard does not hold has no city to pick
ORDER BY facet, n DESC, value
