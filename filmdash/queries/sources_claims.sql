-- Claims with their entity's names, metric labels and source: for one source ($source_id, '' for any),
-- only conflicting ones ($conflicts), only uncorroborated ones ($uncorroborated), only seeds' ($seeds),
-- for some entity types. Grouped as fct_claims compares them: entity, metric, unit, year for annual metrics.
WITH names AS (
    SELECT 'city' AS entity_type, city_id AS entity_id, name_en, name_zh_hans, name_zh_hant FROM dim_cities
    UNION ALL SELECT 'country', iso2, name_en, name_zh_hans, name_zh_hant FROM countries
    UNION ALL SELECT 'studio', studio_id, name_en, name_zh_hans, name_zh_hant FROM studios
    UNION ALL SELECT 'company', company_id, name_en, name_zh_hans, name_zh_hant FROM companies
    UNION ALL SELECT 'production', production_id, title_en, title_zh_hans, title_zh_hant FROM productions
    UNION ALL SELECT 'event', event_id, name_en, name_zh_hans, name_zh_hant FROM events
    UNION ALL SELECT 'place', place_id, name_en, name_zh_hans, name_zh_hant FROM dim_places
)
SELECT c.claim_id, c.entity_type, c.entity_id,
       coalesce(n.name_en, c.entity_id) AS name_en, n.name_zh_hans, n.name_zh_hant,
       c.metric, m.label_en, m.label_zh_hans, m.label_zh_hant,
       c.value, c.value_base, c.value_text, c.unit, c.scale, c.as_of, c.qualifier, c.period_key,
       c.corroborated, c.in_conflict, c.n_values_reported, c.n_sources_same_value,
       c.entity_type || '/' || c.entity_id || '/' || c.metric || '/' || c.unit
           || coalesce('/' || c.period_key, '') AS group_key,
       c.source_id, c.quote, s.publisher, s.title, s.url, s.published, s.kind = 'seed' AS from_seed
FROM fct_claims c
JOIN metrics m USING (metric)
JOIN sources s ON s.source_id = c.source_id
LEFT JOIN names n ON n.entity_type = c.entity_type AND n.entity_id = c.entity_id
WHERE ($source_id = '' OR c.source_id = $source_id)
  AND (NOT $conflicts OR c.in_conflict)
  AND (NOT $uncorroborated OR NOT c.corroborated)
  AND (NOT $seeds OR s.kind = 'seed')
  AND (len($entity_types) = 0 OR list_contains($entity_types, c.entity_type))
ORDER BY c.entity_type, c.entity_id, c.metric, c.unit, c.period_key NULLS FIRST, c.value_base NULLS LAST,
         c.as_of, c.claim_id
