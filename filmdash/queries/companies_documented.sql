-- For one city: the film companies documented here by name (curated rows and registry rows, counted apart, with
-- the latest registry export's date) against the total a source reports (documented_vs_reported), with the
-- reported claim's source and the documented rows' sources.
SELECT d.entity_id AS city_id, d.documented, d.documented_curated, d.documented_registry, d.registry_as_of,
       d.reported, d.qualifier, d.reported_claim_id, d.coverage_share,
       c.source_id AS reported_source_id, c.as_of AS reported_as_of, c.quote AS reported_quote,
       s.publisher AS reported_publisher,
       (SELECT list(DISTINCT source_id ORDER BY source_id) FROM dim_companies WHERE city_id = $city)
           AS documented_source_ids
FROM documented_vs_reported d
LEFT JOIN claims c ON c.claim_id = d.reported_claim_id
LEFT JOIN sources s ON s.source_id = c.source_id
WHERE d.measure = 'film_companies' AND d.entity_id = $city
