-- Every co-production's countries with the SCO status each held in the title's year and holds today: the
-- documented SCO count (documented_vs_reported) counts a country as a member state only for a title of a
-- year it was one (sql/checks refuses a build that counts it under any other status).
-- @grain: production_id, country_iso2
-- production_id: The co-production (productions.production_id, is_coproduction).
-- country_iso2: A country taking part (production_countries).
-- year: The title's year (productions.year; its year_meaning says whether it was announced, shot or released).
-- sco_status_in_year: The SCO status the country held on 31 December of the title's year (member, observer, dialogue-partner, partner), from the membership history; NULL when it held none.
-- sco_status_today: The SCO status the country holds now (its open membership row); NULL when none.
-- counts_as_member: True when the country counts towards the title's SCO member states: it was a member state in the title's year.
WITH countries AS (
    SELECT DISTINCT production_id, country_iso2 FROM production_countries
),
sco AS (
    SELECT member_id AS iso2, status, start_date, end_date FROM memberships
    WHERE organisation = 'sco' AND member_type = 'country'
)
SELECT *, coalesce(sco_status_in_year = 'member', false) AS counts_as_member FROM (
SELECT c.production_id, c.country_iso2, p.year,
       (SELECT arg_max(s.status, s.start_date) FROM sco s
        WHERE s.iso2 = c.country_iso2 AND s.start_date <= CAST(p.year AS VARCHAR) || '-12-31'
          AND (s.end_date IS NULL OR s.end_date > CAST(p.year AS VARCHAR) || '-12-31')) AS sco_status_in_year,
       (SELECT arg_max(s.status, s.start_date) FROM sco s
        WHERE s.iso2 = c.country_iso2 AND s.end_date IS NULL) AS sco_status_today
FROM countries c
JOIN productions p USING (production_id)
WHERE p.is_coproduction
)
ORDER BY production_id, country_iso2
