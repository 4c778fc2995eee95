-- Studios and events of the kinds in $kinds ('studio', 'event'), placed at their city's coordinates.
SELECT 'studio' AS kind, s.studio_id AS id, s.name_en, s.name_zh_hans, s.name_zh_hant, s.status,
       s.opened_date AS date, s.city_id, c.name_en AS city_name_en, c.name_zh_hans AS city_name_zh_hans,
       c.name_zh_hant AS city_name_zh_hant, c.country_iso2, c.lat, c.lon, s.source_id, src.publisher
FROM studios s
JOIN dim_cities c USING (city_id)
LEFT JOIN sources src ON src.source_id = s.source_id
WHERE list_contains($kinds, 'studio')
UNION ALL
SELECT 'event', e.event_id, e.name_en, e.name_zh_hans, e.name_zh_hant, e.status, e.start_date, e.city_id,
       c.name_en, c.name_zh_hans, c.name_zh_hant, c.country_iso2, c.lat, c.lon, e.source_id, src.publisher
FROM events e
JOIN dim_cities c USING (city_id)
LEFT JOIN sources src ON src.source_id = e.source_id
WHERE list_contains($kinds, 'event')
ORDER BY kind, city_id, date, id
