-- Figures sources report about events (attendance, films screened ...), for the events in view, with
-- their source, corroboration and conflict.
SELECT c.claim_id, c.entity_id AS event_id, e.name_en, e.name_zh_hans, e.name_zh_hant, e.city_id,
       c.metric, m.label_en, m.label_zh_hans, m.label_zh_hant,
       c.value_base, c.value_text, c.unit, c.as_of, c.qualifier, c.corroborated, c.in_conflict,
       c.source_id, c.quote, s.publisher, s.title, s.url, s.kind = 'seed' AS from_seed
FROM fct_claims c
JOIN events e ON e.event_id = c.entity_id
JOIN metrics m USING (metric)
JOIN sources s ON s.source_id = c.source_id
WHERE c.entity_type = 'event'
  AND (len($cities) = 0 OR list_contains($cities, e.city_id))
  AND (len($kinds) = 0 OR list_contains($kinds, e.kind))
  AND (len($statuses) = 0 OR list_contains($statuses, e.status))
  AND ($focus = '' OR e.city_id = $focus)
ORDER BY e.start_date, c.metric, c.claim_id
