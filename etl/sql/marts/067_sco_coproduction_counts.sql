-- "SCO co-productions since 2020" counted by each rule of sco_coproduction_rules, side by side: the strict count
-- (documented_vs_reported's) and the looser ones, each with the titles it adds to the strict count.
-- [zh] 按 sco_coproduction_rules 的每种规则统计的“2020年以来上合组织合拍片”，并列呈现：严格计数（即 documented_vs_reported 的计数）与较宽松的计数，各附其比严格计数多出的作品。
-- @grain: rule
-- rule: strict (members in the year the title was initiated), members_today (members today), any_status (any SCO status in the year the title was initiated).
-- rule [zh]: strict（该片启动之年的成员国）、members_today（目前的成员国）、any_status（该片启动之年的任何上合组织身份）。
-- rule_order: 1 for the strictest rule, then looser.
-- rule_order [zh]: 最严格的规则为 1，依次放宽。
-- since_year: The first year of initiation counted (2020, as the reported figure).
-- since_year [zh]: 计入的最早启动年份（2020，与所报数字一致）。
-- titles: How many documented co-productions the rule counts.
-- titles [zh]: 该规则计入的已记录合拍片数量。
-- added_to_strict: How many of them the strict rule does not count.
-- added_to_strict [zh]: 其中严格规则不计入的数量。
-- production_ids: The titles counted, comma-separated (productions.production_id).
-- production_ids [zh]: 计入的作品，以逗号分隔（productions.production_id）。
WITH rules(rule, rule_order) AS (VALUES ('strict', 1), ('members_today', 2), ('any_status', 3)),
flags AS (
    SELECT production_id, counts_strict, 'strict' AS rule, counts_strict AS counted FROM sco_coproduction_rules
    UNION ALL
    SELECT production_id, counts_strict, 'members_today', counts_members_today FROM sco_coproduction_rules
    UNION ALL
    SELECT production_id, counts_strict, 'any_status', counts_any_status FROM sco_coproduction_rules
)
SELECT r.rule, r.rule_order, 2020 AS since_year,
       count(f.production_id) AS titles,
       count(f.production_id) FILTER (WHERE NOT f.counts_strict) AS added_to_strict,
       string_agg(f.production_id, ',' ORDER BY f.production_id) AS production_ids
FROM rules r
LEFT JOIN flags f ON f.rule = r.rule AND f.counted
GROUP BY r.rule, r.rule_order
ORDER BY r.rule_order
