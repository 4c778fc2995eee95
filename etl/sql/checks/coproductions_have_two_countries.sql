-- every co-production has at least two countries, a status and a year meaning
-- table: productions
SELECT p.production_id FROM productions p
LEFT JOIN production_countries pc USING (production_id)
WHERE p.is_coproduction
GROUP BY p.production_id, p.status, p.year_meaning
HAVING count(DISTINCT pc.country_iso2) < 2 OR p.status IS NULL OR p.year_meaning IS NULL
