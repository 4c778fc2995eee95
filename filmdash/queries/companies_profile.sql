-- One company with its city and the source it traces to.
SELECT c.*, d.name_en AS city_name_en, d.name_zh_hans AS city_name_zh_hans, d.name_zh_hant AS city_name_zh_hant,
       s.publisher, s.title, s.url, s.published
FROM companies c
LEFT JOIN dim_cities d ON d.city_id = c.city_id
JOIN sources s ON s.source_id = c.source_id
WHERE c.company_id = $company
