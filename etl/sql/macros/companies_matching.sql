-- companies_matching(q, cities, types, decades, listed, origins): every company of companies_explorer (curated and
-- registry rows) with whether it passes the text search and each facet's filter (an empty list is no filter; q
-- searches English and Chinese names, aliases and descriptions in all three scripts, and a registry row's name
-- and credit code, case-insensitively; origin is 'curated' or a registry import's source_id). The Companies
-- page's list, count, facets and chart are all built on it, in DuckDB: at a registry's size (a million rows)
-- only counts and one page of rows leave the warehouse.
CREATE MACRO companies_matching(q, cities, types, decades, listed, origins) AS TABLE
SELECT f.*, f.hit AND f.ok_city AND f.ok_type AND f.ok_decade AND f.ok_listed AND f.ok_origin AS matches
FROM (
    SELECT b.* EXCLUDE (search_text),
           q = '' OR contains(b.search_text, lower(q)) AS hit,
           len(cities) = 0 OR list_contains(cities, b.city_id) AS ok_city,
           len(types) = 0 OR list_contains(types, b.type) AS ok_type,
           len(decades) = 0 OR list_contains(decades, b.decade) AS ok_decade,
           len(listed) = 0 OR list_contains(listed, b.listed) AS ok_listed,
           len(origins) = 0 OR list_contains(origins, b.origin) AS ok_origin
    FROM companies_explorer b
) f
