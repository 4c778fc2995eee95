-- The sources behind the documented counts of a list of cities (companies, studios, productions
-- shot, events, partnerships), with one quote each, for the counts box's Sources view; a registry import
-- (companies from a registry export) is a source without a quote.
WITH rows AS (
    SELECT city_id, source_id, quote FROM companies
    UNION ALL SELECT DISTINCT city_id, source_id, NULL FROM registry_companies
    UNION ALL SELECT city_id, source_id, quote FROM studios
    UNION ALL SELECT city_id, source_id, quote FROM production_locations
    UNION ALL SELECT city_id, source_id, quote FROM events
    UNION ALL SELECT party_a_id, source_id, quote FROM partnerships WHERE party_a_type = 'city'
    UNION ALL SELECT party_b_id, source_id, quote FROM partnerships WHERE party_b_type = 'city'
)
SELECT source_id, min(quote) AS quote
FROM rows
WHERE list_contains($cities, city_id)
GROUP BY source_id
ORDER BY source_id
