-- Figures the sources disagree on: every claim of an entity and metric with more than one value.
SELECT entity_type, entity_id, metric, value, unit, qualifier, as_of, n_values_reported, source_id, quote
FROM fct_claims
WHERE in_conflict
ORDER BY entity_type, entity_id, metric, value
