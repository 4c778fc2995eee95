-- Documented counts against the totals sources report, with the city's names and the claim's source.
SELECT d.measure, d.entity_id, c.name_en, c.name_zh_hans, c.name_zh_hant, d.documented, d.reported,
       d.qualifier, d.coverage_share, d.reported_claim_id, cl.source_id, cl.as_of, cl.quote, s.publisher, s.url
FROM documented_vs_reported d
LEFT JOIN dim_cities c ON c.city_id = d.entity_id
LEFT JOIN claims cl ON cl.claim_id = d.reported_claim_id
LEFT JOIN sources s ON s.source_id = cl.source_id
ORDER BY d.measure, d.entity_id NULLS FIRST
