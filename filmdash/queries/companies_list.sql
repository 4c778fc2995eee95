-- One page of the companies matching the explorer's filters (companies_matching, a macro of the warehouse):
-- curated companies first, then by name (companies_explorer.list_order); at most $limit rows (companies_count
-- gives how many match). decade is '1990s' ... or 'none' when no source gives the founding year; origin is
-- 'curated' or the registry import's source_id, as_of that import's date.
SELECT b.company_id, b.name_en, b.name_zh_hans, b.name_zh_hant, b.city_id,
       d.name_en AS city_name_en, d.name_zh_hans AS city_name_zh_hans, d.name_zh_hant AS city_name_zh_hant,
       b.type, b.founded_year, b.decade, b.listing, b.listed, b.known_for,
       b.known_for_zh_hans, b.known_for_zh_hant, b.aliases, b.provenance, b.origin, b.as_of, b.credit_code,
       b.source_id, b.quote, s.publisher, s.url
FROM (
    SELECT * FROM companies_matching($q, $cities, $types, $decades, $listed, $origins)
    WHERE matches
    ORDER BY list_order
    LIMIT $limit
) b
LEFT JOIN dim_cities d ON d.city_id = b.city_id
JOIN sources s ON s.source_id = b.source_id
ORDER BY b.list_order
