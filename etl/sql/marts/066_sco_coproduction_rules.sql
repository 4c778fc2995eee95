-- Every co-production against the three counting rules for "SCO co-productions since 2020": the strict rule
-- (the one documented_vs_reported counts) and two looser ones, so a reader sees what each rule adds. A title
-- dated before 2020 counts under none; a country counts by the status its membership history gives it.
-- [zh] 按“2020年以来上合组织合拍片”的三种计数规则逐一检验每部合拍片：严格规则（即 documented_vs_reported 所用规则）和两种较宽松的规则，让读者看到每种规则多计入了什么。2020 年以前的作品不计入任何规则；各国按其成员资格历史所示的身份计算。
-- @grain: production_id
-- production_id: The co-production (productions.production_id, is_coproduction).
-- production_id [zh]: 合拍片（productions.production_id，is_coproduction）。
-- year: The title's year (productions.year; its year_meaning says whether it was announced, shot or released).
-- year [zh]: 作品年份（productions.year；其 year_meaning 说明该年份是宣布、拍摄还是上映年份）。
-- countries: How many countries take part (production_countries).
-- countries [zh]: 参与国家数量（production_countries）。
-- members_in_year: How many of them were SCO member states on 31 December of the title's year (sco_coproduction_countries.sco_status_in_year = 'member').
-- members_in_year [zh]: 其中在作品年份 12 月 31 日为上合组织成员国的数量（sco_coproduction_countries.sco_status_in_year = 'member'）。
-- members_today: How many of them are SCO member states today (sco_coproduction_countries.sco_status_today = 'member').
-- members_today [zh]: 其中目前为上合组织成员国的数量（sco_coproduction_countries.sco_status_today = 'member'）。
-- sco_in_year: How many of them held any SCO status (member, observer, dialogue partner or partner) on 31 December of the title's year.
-- sco_in_year [zh]: 其中在作品年份 12 月 31 日具有任何上合组织身份（成员国、观察员国、对话伙伴或伙伴）的数量。
-- counts_strict: Strict rule: year 2020 or later, and at least two countries that were SCO member states in the title's year.
-- counts_strict [zh]: 严格规则：年份为 2020 年或以后，且至少有两个国家在作品年份是上合组织成员国。
-- counts_members_today: Looser rule: year 2020 or later, and at least two countries that are SCO member states today (a country that joined after the title counts).
-- counts_members_today [zh]: 较宽松规则：年份为 2020 年或以后，且至少有两个国家目前是上合组织成员国（在作品之后才加入的国家也计入）。
-- counts_any_status: Loosest rule: year 2020 or later, and at least two countries that held any SCO status in the title's year (observers, dialogue partners and partners count).
-- counts_any_status [zh]: 最宽松规则：年份为 2020 年或以后，且至少有两个国家在作品年份具有任何上合组织身份（观察员国、对话伙伴和伙伴也计入）。
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
