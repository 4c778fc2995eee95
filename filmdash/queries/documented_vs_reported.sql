-- Documented counts against the aggregates sources report.
SELECT d.*, c.source_id, c.as_of, c.quote
FROM documented_vs_reported d
LEFT JOIN claims c ON c.claim_id = d.reported_claim_id
ORDER BY measure, entity_id NULLS FIRST
