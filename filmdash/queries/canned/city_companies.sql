-- param city: hangzhou
-- param type: animation
-- The companies of one city and type, with founding year and source.
SELECT c.company_id, c.name_en, c.name_zh_hans, c.type, c.founded_year, c.listing,
       c.source_id, s.publisher, s.published, s.url, c.quote
FROM companies c
JOIN sources s ON s.source_id = c.source_id
WHERE c.city_id = $city AND c.type = $type
ORDER BY c.founded_year NULLS LAST, c.name_en
