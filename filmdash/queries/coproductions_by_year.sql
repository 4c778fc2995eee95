-- Documented co-productions per year and status, for the page's filters (coproductions_picked).
SELECT year, status, count(*) AS titles, string_agg(source_id, ' | ' ORDER BY source_id) AS source_ids
FROM coproductions_picked($year_from, $year_to, $statuses, $countries)
GROUP BY year, status
ORDER BY year, status
