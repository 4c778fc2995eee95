-- Every claim about one entity for a list of metrics, with its source, agreement and conflict.
SELECT c.claim_id, c.entity_type, c.entity_id, c.metric, m.label_en, m.label_zh_hans, m.label_zh_hant,
       c.value, c.value_base, c.value_text, c.unit, c.scale, c.as_of, c.as_of_year, c.qualifier,
       c.corroborated, c.in_conflict, c.n_values_reported, c.source_id, c.quote,
       s.publisher, s.title, s.url, s.published
FROM fct_claims c
JOIN metrics m USING (metric)
JOIN sources s USING (source_id)
WHERE c.entity_type = $entity_type AND c.entity_id = $entity_id
  AND (len($metrics) = 0 OR list_contains($metrics, c.metric))
ORDER BY c.metric, c.as_of, c.value_base NULLS LAST, c.claim_id
