-- Every claim about a list of cities for a list of metrics (an empty list: all metrics), with
-- the city's names, the metric's labels, agreement, conflict and source.
SELECT c.claim_id, c.entity_id AS city_id, d.name_en, d.name_zh_hans, d.name_zh_hant,
       c.metric, m.label_en, m.label_zh_hans, m.label_zh_hant,
       c.value, c.value_base, c.value_text, c.unit, c.scale, c.as_of, c.as_of_year, c.qualifier,
       c.corroborated, c.in_conflict, c.n_values_reported, c.source_id, c.quote,
       s.publisher, s.title, s.url, s.published
FROM fct_claims c
JOIN dim_cities d ON d.city_id = c.entity_id
JOIN metrics m ON m.metric = c.metric
JOIN sources s ON s.source_id = c.source_id
WHERE c.entity_type = 'city' AND list_contains($cities, c.entity_id)
  AND (len($metrics) = 0 OR list_contains($metrics, c.metric))
ORDER BY list_position($cities, c.entity_id), c.metric, c.as_of, c.value_base NULLS LAST, c.claim_id
