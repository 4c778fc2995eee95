-- Every co-production against the three counting rules for "SCO co-productions since 2020": the strict rule
-- (the one documented_vs_reported counts) and two looser ones, so a reader sees what each rule adds. A title
-- dated before 2020 counts under none; a country counts by the status its membership history gives it.
-- @grain: production_id
-- production_id: The co-production (productions.production_id, is_coproduction).
-- year: The title's year (productions.year; its year_meaning says whether it was announced, shot or released).
-- countries: How many countries take part (production_countries).
-- members_in_year: How many of them were SCO member states on 31 December of the title's year (sco_coproduction_countries.sco_status_in_year = 'member').
-- members_today: How many of them are SCO member states today (sco_coproduction_countries.sco_status_today = 'member').
-- sco_in_year: How many of them held any SCO status (member, observer, dialogue partner or partner) on 31 December of the title's year.
-- counts_strict: Strict rule: year 2020 or later, and at least two countries that were SCO member states in the title's year.
-- counts_members_today: Looser rule: year 2020 or later, and at least two countries that are SCO member states today (a country that joined after the title counts).
-- counts_any_status: Loosest rule: year 2020 or later, and at least two countries that held any SCO status in the title's year (observers, dialogue partners and partners count).
WITH per_title AS (
    SELECT production_id, any_value(year) AS year, count(DISTINCT country_iso2) AS countries,
           count(DISTINCT country_iso2) FILTER (WHERE sco_status_in_year = 'member') AS members_in_year,
           count(DISTINCT country_iso2) FILTER (WHERE sco_status_today = 'member') AS members_today,
           count(DISTINCT country_iso2) FILTER (WHERE sco_status_in_year IS NOT NULL) AS sco_in_year
    FROM sco_coproduction_countries
    GROUP BY production_id
)
SELECT production_id, year, countries, members_in_year, members_today, sco_in_year,
       coalesce(year >= 2020, false) AND members_in_year >= 2 AS counts_strict,
       coalesce(year >= 2020, false) AND members_today >= 2 AS counts_members_today,
       coalesce(year >= 2020, false) AND sco_in_year >= 2 AS counts_any_status
FROM per_title
ORDER BY production_id
