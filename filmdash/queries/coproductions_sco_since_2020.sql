-- The titles behind documented_vs_reported's sco_coproductions_since_2020: co-productions initiated in
-- 2020 or later with at least two countries that were SCO member states in that year
-- (sco_coproduction_countries.counts_as_member: the mart's rule), with the year each was initiated.
WITH counted AS (
    SELECT production_id FROM sco_coproduction_countries
    WHERE initiated_year >= 2020 AND counts_as_member
    GROUP BY production_id HAVING count(DISTINCT country_iso2) >= 2
)
SELECT p.production_id, p.title_en, p.title_zh_hans, p.title_zh_hant, p.status, p.year, p.year_meaning,
       pc.initiated_year,
       list(DISTINCT pc.country_iso2 ORDER BY pc.country_iso2) AS countries, p.source_id
FROM productions p
JOIN counted USING (production_id)
JOIN sco_coproduction_countries pc ON pc.production_id = p.production_id AND pc.counts_as_member
GROUP BY ALL
ORDER BY pc.initiated_year, p.title_en
