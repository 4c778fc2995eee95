-- The metrics the warehouse has claims for about any of a list of cities, with their labels and
-- how many of those cities and claims each covers (most covered first).
SELECT m.metric, m.label_en, m.label_zh_hans, m.label_zh_hant,
       count(DISTINCT c.entity_id) AS cities, count(*) AS claims
FROM claims c
JOIN metrics m USING (metric)
WHERE c.entity_type = 'city' AND list_contains($cities, c.entity_id)
GROUP BY ALL
ORDER BY cities DESC, claims DESC, m.metric
