-- param since: 2020
-- Co-productions initiated in a year or later (coproduction_dates.initiated_year: the earliest dated announcement,
-- agreement or shooting start, else the year of record) with at least two countries that were SCO member states in
-- that year (sco_coproduction_countries), with their countries, companies, dates and the source of each title.
WITH members_then AS (
    SELECT production_id FROM sco_coproduction_countries WHERE counts_as_member
    GROUP BY production_id HAVING count(DISTINCT country_iso2) >= 2
)
SELECT p.production_id, p.title_en, p.title_zh_hans, d.initiated_year, d.initiated_by, p.year, p.year_meaning,
       d.announced, d.agreement_signed, d.shooting_started, d.released, p.status,
       string_agg(DISTINCT pc.country_iso2, ' | ' ORDER BY pc.country_iso2) AS countries,
       p.companies, p.source_id, s.publisher, s.published, s.url, p.quote
FROM productions p
JOIN coproduction_dates d ON d.production_id = p.production_id
JOIN production_countries pc ON pc.production_id = p.production_id
JOIN sources s ON s.source_id = p.source_id
WHERE p.is_coproduction AND d.initiated_year >= $since
  AND p.production_id IN (SELECT production_id FROM members_then)
GROUP BY ALL
ORDER BY d.initiated_year, p.title_en
