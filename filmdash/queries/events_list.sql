-- Every field of the events matching the filters (and the city picked on the timeline), with the source.
SELECT e.event_id, e.name_en, e.name_zh_hans, e.name_zh_hant, e.kind, e.city_id,
       c.name_en AS city_name_en, c.name_zh_hans AS city_name_zh_hans, c.name_zh_hant AS city_name_zh_hant,
       e.start_date, e.end_date, e.edition, e.organisers, e.status, e.attendance_text,
       e.source_id, e.quote, s.publisher, s.title, s.url, s.kind = 'seed' AS from_seed
FROM events e
LEFT JOIN dim_cities c ON c.city_id = e.city_id
JOIN sources s ON s.source_id = e.source_id
WHERE (len($cities) = 0 OR list_contains($cities, e.city_id))
  AND (len($kinds) = 0 OR list_contains($kinds, e.kind))
  AND (len($statuses) = 0 OR list_contains($statuses, e.status))
  AND ($focus = '' OR e.city_id = $focus)
ORDER BY e.start_date, e.event_id
