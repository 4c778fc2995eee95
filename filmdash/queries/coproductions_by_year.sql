-- Documented co-productions per year and status, for the filters (year range, statuses, countries).
SELECT p.year, p.status, count(*) AS titles,
       string_agg(p.source_id, ' | ' ORDER BY p.source_id) AS source_ids
FROM productions p
WHERE p.is_coproduction
  AND p.year BETWEEN $year_from AND $year_to
  AND (len($statuses) = 0 OR list_contains($statuses, p.status))
  AND (len($countries) = 0 OR EXISTS (
        SELECT 1 FROM production_countries pc
        WHERE pc.production_id = p.production_id AND list_contains($countries, pc.country_iso2)))
GROUP BY p.year, p.status
ORDER BY p.year, p.status
