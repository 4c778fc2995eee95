-- Every co-production against the three counting rules for "SCO co-productions since 2020" (the reported figure
-- counts productions initiated since 2020): the strict rule (the one documented_vs_reported counts) and two looser
-- ones, so a reader sees what each rule adds. Every rule counts by the year a title was initiated
-- (coproduction_dates.initiated_year: its earliest dated announcement, agreement or shooting start; its year of
-- record where no source dates one): a title initiated before 2020 counts under none, whenever it was released;
-- a country counts by the status its membership history gives it in that year.
-- [zh] 按“2020年以来上合组织合拍片”的三种计数规则（所报数字统计 2020 年以来启动的作品）逐一检验每部合拍片：严格规则（即 documented_vs_reported 所用规则）和两种较宽松的规则，让读者看到每种规则多计入了什么。各规则均按作品启动年份计数（coproduction_dates.initiated_year：来源所载最早的宣布、协议或开机日期之年；无来源给出日期时为其记录年份）：2020 年以前启动的作品不论何时上映均不计入；各国按其成员资格历史所示的当年身份计算。
-- @grain: production_id
-- production_id: The co-production (productions.production_id, is_coproduction).
-- production_id [zh]: 合拍片（productions.production_id，is_coproduction）。
-- initiated_year: The year the title was initiated (coproduction_dates.initiated_year).
-- initiated_year [zh]: 该片的启动年份（coproduction_dates.initiated_year）。
-- initiated_by: What dates it: announced, agreement-signed, shooting-started, or year-of-record when no source dates any of them (coproduction_dates.initiated_by).
-- initiated_by [zh]: 该年份的依据：announced、agreement-signed、shooting-started，或在均无来源给出日期时为 year-of-record（coproduction_dates.initiated_by）。
-- year_of_record: The title's year as its own source gives it (productions.year; its year_meaning says whether it was announced, shot or released).
-- year_of_record [zh]: 作品本身来源所给的年份（productions.year；其 year_meaning 说明该年份是宣布、拍摄还是上映年份）。
-- countries: How many countries take part (production_countries).
-- countries [zh]: 参与国家数量（production_countries）。
-- members_in_year: How many of them were SCO member states on 31 December of the year the title was initiated (sco_coproduction_countries.sco_status_in_year = 'member').
-- members_in_year [zh]: 其中在该片启动之年 12 月 31 日为上合组织成员国的数量（sco_coproduction_countries.sco_status_in_year = 'member'）。
-- members_today: How many of them are SCO member states today (sco_coproduction_countries.sco_status_today = 'member').
-- members_today [zh]: 其中目前为上合组织成员国的数量（sco_coproduction_countries.sco_status_today = 'member'）。
-- sco_in_year: How many of them held any SCO status (member, observer, dialogue partner or partner) on 31 December of the year the title was initiated.
-- sco_in_year [zh]: 其中在该片启动之年 12 月 31 日具有任何上合组织身份（成员国、观察员国、对话伙伴或伙伴）的数量。
-- counts_strict: Strict rule: initiated in 2020 or later, and at least two countries that were SCO member states in that year.
-- counts_strict [zh]: 严格规则：2020 年或以后启动，且至少有两个国家在当年是上合组织成员国。
-- counts_members_today: Looser rule: initiated in 2020 or later, and at least two countries that are SCO member states today (a country that joined after the title counts).
-- counts_members_today [zh]: 较宽松的规则：2020 年或以后启动，且至少有两个国家目前是上合组织成员国（在该片之后加入的国家也计入）。
-- counts_any_status: Loosest rule: initiated in 2020 or later, and at least two countries that held any SCO status in that year (observers, dialogue partners and partners count).
-- counts_any_status [zh]: 最宽松的规则：2020 年或以后启动，且至少有两个国家在当年具有任何上合组织身份（观察员国、对话伙伴和伙伴均计入）。
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
