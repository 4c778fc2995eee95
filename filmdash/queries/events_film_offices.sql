-- The film offices (Bradford's in Qingdao, the UK China Film Bureau announced for Bradford): status,
-- dates and source, shown whatever the filters.
SELECT p.partnership_id, p.name_en, p.name_zh_hans, p.status, p.announced_date, p.opened_date,
       b.name_en AS city_name_en, b.name_zh_hans AS city_name_zh_hans, b.name_zh_hant AS city_name_zh_hant,
       p.source_id, p.quote, s.publisher, s.title, s.url, s.kind = 'seed' AS from_seed
FROM partnerships p
LEFT JOIN dim_cities b ON p.party_b_type = 'city' AND b.city_id = p.party_b_id
JOIN sources s ON s.source_id = p.source_id
WHERE p.kind = 'film-office'
ORDER BY p.announced_date NULLS LAST, p.partnership_id
