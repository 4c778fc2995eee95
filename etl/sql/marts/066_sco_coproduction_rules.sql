-- Every co-production against the three counting rules for "SCO co-productions since 2020" (the reported figure
-- counts productions initiated since 2020): the strict rule (the one documented_vs_reported counts) and two looser
-- ones, so a reader sees what each rule adds. Every rule counts by the year a title was initiated
-- (coproduction_dates.initiated_year: its earliest dated announcement, agreement or shooting start; its year of
-- record where no source dates one): a title initiated before 2020 counts under none, whenever it was released;
-- a country counts by the status its membership history gives it in that year.
-- @grain: production_id
-- production_id: The co-production (productions.production_id, is_coproduction).
-- initiated_year: The year the title was initiated (coproduction_dates.initiated_year).
-- initiated_by: What dates it: announced, agreement-signed, shooting-started, or year-of-record when no source dates any of them (coproduction_dates.initiated_by).
-- year_of_record: The title's year as its own source gives it (productions.year; its year_meaning says whether it was announced, shot or released).
-- countries: How many countries take part (production_countries).
-- members_in_year: How many of them were SCO member states on 31 December of the year the title was initiated (sco_coproduction_countries.sco_status_in_year = 'member').
-- members_today: How many of them are SCO member states today (sco_coproduction_countries.sco_status_today = 'member').
-- sco_in_year: How many of them held any SCO status (member, observer, dialogue partner or partner) on 31 December of the year the title was initiated.
-- counts_strict: Strict rule: initiated in 2020 or later, and at least two countries that were SCO member states in that year.
-- counts_members_today: Looser rule: initiated in 2020 or later, and at least two countries that are SCO member states today (a country that joined after the title counts).
-- counts_any_status: Loosest rule: initiated in 2020 or later, and at least two countries that held any SCO status in that year (observers, dialogue partners and partners count).
WITH per_title AS (
    SELECT production_id, any_value(initiated_year) AS initiated_year, count(DISTINCT country_iso2) AS countries,
           count(DISTINCT country_iso2) FILTER (WHERE sco_status_in_year = 'member') AS members_in_year,
           count(DISTINCT country_iso2) FILTER (WHERE sco_status_today = 'member') AS members_today,
           count(DISTINCT country_iso2) FILTER (WHERE sco_status_in_year IS NOT NULL) AS sco_in_year
    FROM sco_coproduction_countries
    GROUP BY production_id
)
SELECT t.production_id, t.initiated_year, d.initiated_by, d.year_of_record, t.countries, t.members_in_year,
       t.members_today, t.sco_in_year,
       coalesce(t.initiated_year >= 2020, false) AND t.members_in_year >= 2 AS counts_strict,
       coalesce(t.initiated_year >= 2020, false) AND t.members_today >= 2 AS counts_members_today,
       coalesce(t.initiated_year >= 2020, false) AND t.sco_in_year >= 2 AS counts_any_status
FROM per_title t
JOIN coproduction_dates d USING (production_id)
ORDER BY t.production_id
