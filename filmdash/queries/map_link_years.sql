-- The span of co-production years and the statuses present: the bounds of the map's link filters.
SELECT min(year) AS first_year, max(year) AS last_year, list_sort(list_distinct(list(status))) AS statuses
FROM productions
WHERE is_coproduction
