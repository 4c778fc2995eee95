-- Every value of each facet (city, type, founded decade, listed) with how many companies match
-- it under the text search and the *other* facets' filters (a facet never narrows its own counts).
WITH base AS (
    SELECT c.*,
           CASE WHEN c.founded_year IS NULL THEN 'none' ELSE CAST(c.founded_year // 10 * 10 AS VARCHAR) || 's' END AS decade,
           CASE WHEN coalesce(c.listing, '') = '' THEN 'not-listed' ELSE 'listed' END AS listed,
           ($q = '' OR contains(lower(c.name_en), lower($q)) OR contains(lower(coalesce(c.name_zh_hans, '')), lower($q))
            OR contains(lower(coalesce(c.name_zh_hant, '')), lower($q)) OR contains(lower(coalesce(c.aliases, '')), lower($q))
            OR contains(lower(coalesce(c.known_for, '')), lower($q))
            OR contains(lower(coalesce(c.known_for_zh_hans, '')), lower($q))
            OR contains(lower(coalesce(c.known_for_zh_hant, '')), lower($q))) AS hit
    FROM companies c
),
f AS (
    SELECT *,
           len($cities) = 0 OR list_contains($cities, city_id) AS ok_city,
           len($types) = 0 OR list_contains($types, type) AS ok_type,
           len($decades) = 0 OR list_contains($decades, decade) AS ok_decade,
           len($listed) = 0 OR list_contains($listed, listed) AS ok_listed
    FROM base
)
SELECT 'city' AS facet, city_id AS value, count(*) FILTER (WHERE hit AND ok_type AND ok_decade AND ok_listed) AS n
FROM f GROUP BY ALL
UNION ALL
SELECT 'type', type, count(*) FILTER (WHERE hit AND ok_city AND ok_decade AND ok_listed) FROM f GROUP BY ALL
UNION ALL
SELECT 'decade', decade, count(*) FILTER (WHERE hit AND ok_city AND ok_type AND ok_listed) FROM f GROUP BY ALL
UNION ALL
SELECT 'listed', listed, count(*) FILTER (WHERE hit AND ok_city AND ok_type AND ok_decade) FROM f GROUP BY ALL
ORDER BY facet, n DESC, value
