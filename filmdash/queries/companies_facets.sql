-- Every value of each facet (city, type, founded decade, listed) with how many companies match
-- it under the text search and the *other* facets' filters (a facet never narrows its own counts).
WITH f AS (SELECT * FROM companies_matching($q, $cities, $types, $decades, $listed))
SELECT 'city' AS facet, city_id AS value, count(*) FILTER (WHERE hit AND ok_type AND ok_decade AND ok_listed) AS n
FROM f GROUP BY ALL
UNION ALL
SELECT 'type', type, count(*) FILTER (WHERE hit AND ok_city AND ok_decade AND ok_listed) FROM f GROUP BY ALL
UNION ALL
SELECT 'decade', decade, count(*) FILTER (WHERE hit AND ok_city AND ok_type AND ok_listed) FROM f GROUP BY ALL
UNION ALL
SELECT 'listed', listed, count(*) FILTER (WHERE hit AND ok_city AND ok_type AND ok_decade) FROM f GROUP BY ALL
ORDER BY facet, n DESC, value
