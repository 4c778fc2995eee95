-- Every claim about a list of cities for a list of metrics (an empty list: all metrics), with
-- the city's names, the metric's labels, agreement, conflict and source; and every claim about a
-- place the city is, lies in or contains (a district, a studio base, a province: place_cities), with the
-- place's own names, so a district's figure is shown as the district's and never as the city's.
-- place_type is 'city' for a claim about the whole city. A place's own names (chinese_name_*) label it instead.
WITH measured AS (
    SELECT c.*, c.entity_id AS city_id, c.entity_id AS place_id, 'city' AS place_type, 'is' AS relation
    FROM fct_claims c WHERE c.entity_type = 'city'
    UNION ALL
    SELECT c.*, pc.city_id, p.place_id, p.place_type, pc.relation
    FROM fct_claims c
    JOIN place_cities pc ON pc.place_id = c.entity_id
    JOIN places p ON p.place_id = c.entity_id
    WHERE c.entity_type = 'place' AND c.metric NOT IN ('chinese_name_hans', 'chinese_name_hant')
)
SELECT c.claim_id, c.city_id, d.name_en, d.name_zh_hans, d.name_zh_hant,
       c.place_id, c.place_type, c.relation,
       coalesce(dp.name_en, d.name_en) AS place_name_en,
       CASE WHEN c.place_type = 'city' THEN d.name_zh_hans ELSE dp.name_zh_hans END AS place_name_zh_hans,
       CASE WHEN c.place_type = 'city' THEN d.name_zh_hant ELSE dp.name_zh_hant END AS place_name_zh_hant,
       c.metric, m.label_en, m.label_zh_hans, m.label_zh_hant,
       c.value, c.value_base, c.value_text, c.unit, c.scale, c.as_of, c.as_of_year, c.qualifier,
       c.corroborated, c.in_conflict, c.n_values_reported, c.source_id, c.quote,
       s.publisher, s.title, s.url, s.published
FROM measured c
JOIN dim_cities d ON d.city_id = c.city_id
LEFT JOIN dim_places dp ON dp.place_id = c.place_id AND c.place_type <> 'city'
JOIN metrics m ON m.metric = c.metric
JOIN sources s ON s.source_id = c.source_id
WHERE list_contains($cities, c.city_id)
  AND (len($metrics) = 0 OR list_contains($metrics, c.metric))
ORDER BY list_position($cities, c.city_id), c.metric, c.place_type <> 'city', c.place_id, c.as_of,
         c.value_base NULLS LAST, c.claim_id
