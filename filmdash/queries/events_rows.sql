-- Events and partnerships on one timeline: one row each, with the cities it involves, its key date
-- (events: start_date; partnerships: opened_date once opened or signed, else announced_date) kept as
-- written (partial ISO dates stay partial), its end date, and its source. Filtered by city, kind, status.
WITH rows AS (
    SELECT 'event' AS record, e.event_id AS id, e.name_en, e.name_zh_hans, e.name_zh_hant, e.kind, e.status,
           [e.city_id] AS city_ids, e.city_id AS row_city_id, e.start_date AS key_date, e.end_date,
           e.source_id
    FROM events e
    UNION ALL
    SELECT 'partnership', p.partnership_id, p.name_en, p.name_zh_hans, NULL, p.kind, p.status,
           list_filter([CASE WHEN p.party_a_type = 'city' THEN p.party_a_id END,
                        CASE WHEN p.party_b_type = 'city' THEN p.party_b_id END], lambda x: x IS NOT NULL),
           -- the second party is where the office or cooperation is hosted ("Bradford Film Office in Qingdao")
           CASE WHEN p.party_b_type = 'city' THEN p.party_b_id WHEN p.party_a_type = 'city' THEN p.party_a_id END,
           CASE WHEN p.status IN ('opened', 'signed') AND p.opened_date IS NOT NULL THEN p.opened_date
                ELSE p.announced_date END,
           NULL, p.source_id
    FROM partnerships p
)
SELECT r.*, c.name_en AS city_name_en, c.name_zh_hans AS city_name_zh_hans, c.name_zh_hant AS city_name_zh_hant,
       s.publisher, s.url
FROM rows r
LEFT JOIN dim_cities c ON c.city_id = r.row_city_id
JOIN sources s ON s.source_id = r.source_id
WHERE (len($cities) = 0 OR list_has_any(r.city_ids, $cities))
  AND (len($kinds) = 0 OR list_contains($kinds, r.kind))
  AND (len($statuses) = 0 OR list_contains($statuses, r.status))
ORDER BY r.key_date NULLS LAST, r.record, r.id
