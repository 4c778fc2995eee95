-- The titles behind documented_vs_reported's sco_coproductions_since_2020: co-productions of
-- 2020 or later with at least two SCO member states among their countries (the mart's rule).
WITH sco_members AS (
    SELECT DISTINCT member_id AS iso2 FROM memberships WHERE organisation = 'sco' AND status = 'member'
      AND end_date IS NULL  -- today's member states: partners never count
)
SELECT p.production_id, p.title_en, p.title_zh_hans, p.title_zh_hant, p.status, p.year, p.year_meaning,
       list(DISTINCT pc.country_iso2 ORDER BY pc.country_iso2) AS countries, p.source_id
FROM productions p
JOIN production_countries pc ON pc.production_id = p.production_id
JOIN sco_members s ON s.iso2 = pc.country_iso2
WHERE p.is_coproduction AND p.year >= 2020
GROUP BY ALL
HAVING count(DISTINCT pc.country_iso2) >= 2
ORDER BY p.year, p.title_en
