-- "SCO co-productions since 2020" under each counting rule (strict first), side by side.
SELECT rule, rule_order, since_year, titles, added_to_strict, production_ids
FROM sco_coproduction_counts
ORDER BY rule_order
