-- The metrics the warehouse has claims for about any of a list of cities (or a place the city is, lies in
-- or contains: place_cities; a place's own names are not figures), with their labels and how many of those cities and claims each covers
-- (most covered first).
WITH measured AS (
    SELECT c.metric, c.entity_id AS city_id FROM claims c WHERE c.entity_type = 'city'
    UNION ALL
    SELECT c.metric, pc.city_id FROM claims c JOIN place_cities pc ON pc.place_id = c.entity_id
    WHERE c.entity_type = 'place' AND c.metric NOT IN ('chinese_name_hans', 'chinese_name_hant')
)
SELECT m.metric, m.label_en, m.label_zh_hans, m.label_zh_hant,
       count(DISTINCT c.city_id) AS cities, count(*) AS claims
FROM measured c
JOIN metrics m USING (metric)
WHERE list_contains($cities, c.city_id)
GROUP BY ALL
ORDER BY cities DESC, claims DESC, m.metric
