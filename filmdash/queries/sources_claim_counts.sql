-- How many claims there are, how many are uncorroborated and in conflict, and how many of those rest on
-- the seed articles.
SELECT count(*) AS claims,
       count(*) FILTER (WHERE NOT c.corroborated) AS uncorroborated,
       count(*) FILTER (WHERE NOT c.corroborated AND s.kind = 'seed') AS uncorroborated_seed,
       count(*) FILTER (WHERE c.in_conflict) AS in_conflict,
       count(DISTINCT c.entity_type || '/' || c.entity_id || '/' || c.metric || '/' || c.unit
                      || coalesce('/' || c.period_key, '')) FILTER (WHERE c.in_conflict) AS conflict_groups
FROM fct_claims c JOIN sources s ON s.source_id = c.source_id
