-- Incentive claims that apply to a studio: about the studio itself, its city or its country
-- (subsidy shares, film funds, incentive rates), each with its source and corroboration.
WITH target AS (
    SELECT s.studio_id, s.city_id, d.country_iso2 FROM studios s
    LEFT JOIN dim_cities d ON d.city_id = s.city_id
    WHERE s.studio_id = $studio
)
SELECT c.claim_id, c.entity_type, c.entity_id, c.metric, m.label_en, m.label_zh_hans, m.label_zh_hant,
       c.value, c.value_base, c.value_text, c.unit, c.scale, c.as_of, c.qualifier,
       c.corroborated, c.in_conflict, c.source_id, c.quote, s.publisher, s.title, s.url, s.published, s.kind
FROM fct_claims c
JOIN target t ON (c.entity_type = 'studio' AND c.entity_id = t.studio_id)
              OR (c.entity_type = 'city' AND c.entity_id = t.city_id)
              OR (c.entity_type = 'country' AND c.entity_id = t.country_iso2)
JOIN metrics m USING (metric)
JOIN sources s USING (source_id)
WHERE list_contains($metrics, c.metric)
ORDER BY c.entity_type DESC, c.metric, c.as_of, c.claim_id
