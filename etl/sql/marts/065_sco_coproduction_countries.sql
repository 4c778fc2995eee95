-- Every co-production's countries with the SCO status each held in the year the title was initiated
-- (coproduction_dates.initiated_year) and holds today: the documented SCO count (documented_vs_reported) counts a
-- country as a member state only for a title initiated in a year it was one (sql/checks refuses a build that
-- counts it under any other status).
-- [zh] 每部合拍片的参与国家，附各国在该片启动年份（coproduction_dates.initiated_year）及目前的上合组织身份：本库记录的上合组织合拍片数（documented_vs_reported）仅在某国于该片启动之年已是成员国时才将其计为成员国（若按其他身份计入，sql/checks 会拒绝构建）。
-- @grain: production_id, country_iso2
-- production_id: The co-production (productions.production_id, is_coproduction).
-- production_id [zh]: 合拍片（productions.production_id，is_coproduction）。
-- country_iso2: A country taking part (production_countries).
-- country_iso2 [zh]: 参与国家（production_countries）。
-- initiated_year: The year the title was initiated (coproduction_dates.initiated_year: its earliest dated announcement, agreement or shooting start; else its year of record).
-- initiated_year [zh]: 该片的启动年份（coproduction_dates.initiated_year：来源所载最早的宣布、协议或开机日期之年；否则为其记录年份）。
-- sco_status_in_year: The SCO status the country held on 31 December of the year the title was initiated (member, observer, dialogue-partner, partner), from the membership history; NULL when it held none.
-- sco_status_in_year [zh]: 该国在该片启动之年 12 月 31 日所具有的上合组织身份（member 成员国、observer 观察员国、dialogue-partner 对话伙伴、partner 伙伴），依成员资格历史得出；当时无任何身份则为 NULL。
-- sco_status_today: The SCO status the country holds now (its open membership row); NULL when none.
-- sco_status_today [zh]: 该国目前的上合组织身份（其仍有效的成员资格记录）；无则为 NULL。
-- counts_as_member: True when the country counts towards the title's SCO member states: it was a member state in the year the title was initiated.
-- counts_as_member [zh]: 该国计入该片上合组织成员国时为 True：即该国在该片启动之年已是成员国。
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
