-- Every co-production's countries with the SCO status each held in the year the title was initiated
-- (coproduction_dates.initiated_year) and holds today: the documented SCO count (documented_vs_reported) counts a
-- country as a member state only for a title initiated in a year it was one (sql/checks refuses a build that
-- counts it under any other status).
-- @grain: production_id, country_iso2
-- production_id: The co-production (productions.production_id, is_coproduction).
-- country_iso2: A country taking part (production_countries).
-- initiated_year: The year the title was initiated (coproduction_dates.initiated_year: its earliest dated announcement, agreement or shooting start; else its year of record).
-- sco_status_in_year: The SCO status the country held on 31 December of the year the title was initiated (member, observer, dialogue-partner, partner), from the membership history; NULL when it held none.
-- sco_status_today: The SCO status the country holds now (its open membership row); NULL when none.
-- counts_as_member: True when the country counts towards the title's SCO member states: it was a member state in the year the title was initiated.
WITH countries AS (
    SELECT DISTINCT production_id, country_iso2 FROM production_countries
),
sco AS (
    SELECT member_id AS iso2, status, start_date, end_date FROM memberships
    WHERE organisation = 'sco' AND member_type = 'country'
)
SELECT *, coalesce(sco_status_in_year = 'member', false) AS counts_as_member FROM (
SELECT c.production_id, c.country_iso2, p.initiated_year,
       (SELECT arg_max(s.status, s.start_date) FROM sco s
        WHERE s.iso2 = c.country_iso2 AND s.start_date <= CAST(p.initiated_year AS VARCHAR) || '-12-31'
          AND (s.end_date IS NULL OR s.end_date > CAST(p.initiated_year AS VARCHAR) || '-12-31')) AS sco_status_in_year,
       (SELECT arg_max(s.status, s.start_date) FROM sco s
        WHERE s.iso2 = c.country_iso2 AND s.end_date IS NULL) AS sco_status_today
FROM countries c
JOIN coproduction_dates p USING (production_id)
)
ORDER BY production_id, country_iso2
