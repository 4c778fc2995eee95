-- What the events page can be filtered by: every city, kind and status that events or partnerships use.
WITH used AS (
    SELECT 'city' AS facet, city_id AS value FROM events
    UNION ALL SELECT 'city', party_a_id FROM partnerships WHERE party_a_type = 'city'
    UNION ALL SELECT 'city', party_b_id FROM partnerships WHERE party_b_type = 'city'
    UNION ALL SELECT 'kind', kind FROM events
    UNION ALL SELECT 'kind', kind FROM partnerships
    UNION ALL SELECT 'status', status FROM events
    UNION ALL SELECT 'status', status FROM partnerships
)
SELECT DISTINCT u.facet, u.value, c.name_en, c.name_zh_hans, c.name_zh_hant
FROM used u
LEFT JOIN dim_cities c ON u.facet = 'city' AND c.city_id = u.value
ORDER BY u.facet, coalesce(c.name_en, u.value)
