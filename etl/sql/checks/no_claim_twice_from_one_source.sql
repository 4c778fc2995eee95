-- no source is counted twice for the same claim (same entity, metric, value, unit and date)
-- table: claims
SELECT claim_id FROM claims
QUALIFY count(*) OVER (PARTITION BY entity_type, entity_id, metric, value, value_text, unit, as_of, source_id) > 1
