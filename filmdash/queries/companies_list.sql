-- The companies matching the explorer's filters (companies_matching, a macro of the warehouse), with
-- their city and source. decade is '1990s' ... or 'none' when no source gives the founding year.
SELECT b.company_id, b.name_en, b.name_zh_hans, b.name_zh_hant, b.city_id,
       d.name_en AS city_name_en, d.name_zh_hans AS city_name_zh_hans, d.name_zh_hant AS city_name_zh_hant,
       b.type, b.founded_year, b.decade, b.listing, b.listed, b.known_for,
       b.known_for_zh_hans, b.known_for_zh_hant, b.aliases,
       b.source_id, b.quote, s.publisher, s.url
FROM companies_matching($q, $cities, $types, $decades, $listed) b
LEFT JOIN dim_cities d ON d.city_id = b.city_id
JOIN sources s ON s.source_id = b.source_id
WHERE b.matches
ORDER BY b.name_en
