-- companies_cube(q, cities, types, decades, listed, origins): the companies counted (n) by city, type, founded
-- decade, listed, origin and source, for a text search q -- the stored counts (companies_facet_counts) when q is
-- empty, else the matching rows of companies_explorer counted the same way -- with whether each combination
-- passes each facet's filter (an empty list is no filter) and all of them (matches). The Companies page's facet
-- counts, total and chart sum n over it: at a registry's size they never count a million rows one by one unless
-- a search asks for it.
CREATE MACRO companies_cube(q, cities, types, decades, listed, origins) AS TABLE
SELECT f.*, f.ok_city AND f.ok_type AND f.ok_decade AND f.ok_listed AND f.ok_origin AS matches
FROM (
    SELECT c.*,
           len(cities) = 0 OR list_contains(cities, c.city_id) AS ok_city,
           len(types) = 0 OR list_contains(types, c.type) AS ok_type,
           len(decades) = 0 OR list_contains(decades, c.decade) AS ok_decade,
           len(listed) = 0 OR list_contains(listed, c.listed) AS ok_listed,
           len(origins) = 0 OR list_contains(origins, c.origin) AS ok_origin
    FROM (
        -- columns qualified: a bare `listed` would be the macro's parameter
        SELECT k.city_id, k.type, k.decade, k.listed, k.origin, k.source_id, k.n FROM companies_facet_counts k WHERE q = ''
        UNION ALL
        SELECT e.city_id, e.type, e.decade, e.listed, e.origin, e.source_id, count(*) AS n
        FROM companies_explorer e
        WHERE q <> '' AND contains(e.search_text, lower(q))
        GROUP BY ALL
    ) c
) f
