-- "SCO co-productions since 2020" counted by each rule of sco_coproduction_rules, side by side: the strict count
-- (documented_vs_reported's) and the looser ones, each with the titles it adds to the strict count.
-- @grain: rule
-- rule: strict (members in the year the title was initiated), members_today (members today), any_status (any SCO status in the year the title was initiated).
-- rule_order: 1 for the strictest rule, then looser.
-- since_year: The first year of initiation counted (2020, as the reported figure).
-- titles: How many documented co-productions the rule counts.
-- added_to_strict: How many of them the strict rule does not count.
-- production_ids: The titles counted, comma-separated (productions.production_id).
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
