-- companies_matching(q, cities, types, decades, listed): every company with its founded decade, its
-- listing, and whether it passes the text search and each facet's filter (an empty list is no filter;
-- q searches English and Chinese names, aliases and descriptions in all three scripts, case-insensitively).
-- The Companies page's list, facets and chart are all built on it.
CREATE MACRO companies_matching(q, cities, types, decades, listed) AS TABLE
SELECT f.*, f.hit AND f.ok_city AND f.ok_type AND f.ok_decade AND f.ok_listed AS matches
FROM (
    SELECT b.*,
           q = '' OR contains(b.search_text, lower(q)) AS hit,
           len(cities) = 0 OR list_contains(cities, b.city_id) AS ok_city,
           len(types) = 0 OR list_contains(types, b.type) AS ok_type,
           len(decades) = 0 OR list_contains(decades, b.decade) AS ok_decade,
           len(listed) = 0 OR list_contains(listed, b.listed) AS ok_listed
    FROM (
        SELECT c.*,
               CASE WHEN c.founded_year IS NULL THEN 'none' ELSE CAST(c.founded_year // 10 * 10 AS VARCHAR) || 's' END
                   AS decade,
               CASE WHEN coalesce(c.listing, '') = '' THEN 'not-listed' ELSE 'listed' END AS listed,
               lower(concat_ws(chr(10), c.name_en, c.name_zh_hans, c.name_zh_hant, c.aliases, c.known_for,
                               c.known_for_zh_hans, c.known_for_zh_hant)) AS search_text
        FROM companies c
    ) b
) f
