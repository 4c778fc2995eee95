-- no source is counted twice for the same claim (same entity, metric, value, unit and date)
SELECT entity_type, entity_id, metric, value, value_text, unit, as_of, source_id
FROM claims
GROUP BY ALL
HAVING count(*) > 1
