-- The companies matching the explorer's filters (empty list = no filter; $q searches English and
-- Chinese names, aliases and known_for in all three scripts, case-insensitively), with their city and source.
-- decade is '1990s' ... or 'none' when no source gives the founding year.
WITH base AS (
    SELECT c.*,
           CASE WHEN c.founded_year IS NULL THEN 'none' ELSE CAST(c.founded_year // 10 * 10 AS VARCHAR) || 's' END AS decade,
           CASE WHEN coalesce(c.listing, '') = '' THEN 'not-listed' ELSE 'listed' END AS listed,
           ($q = '' OR contains(lower(c.name_en), lower($q)) OR contains(lower(coalesce(c.name_zh_hans, '')), lower($q))
            OR contains(lower(coalesce(c.name_zh_hant, '')), lower($q)) OR contains(lower(coalesce(c.aliases, '')), lower($q))
            OR contains(lower(coalesce(c.known_for, '')), lower($q))
            OR contains(lower(coalesce(c.known_for_zh_hans, '')), lower($q))
            OR contains(lower(coalesce(c.known_for_zh_hant, '')), lower($q))) AS hit
    FROM companies c
)
SELECT b.company_id, b.name_en, b.name_zh_hans, b.name_zh_hant, b.city_id,
       d.name_en AS city_name_en, d.name_zh_hans AS city_name_zh_hans, d.name_zh_hant AS city_name_zh_hant,
       b.type, b.founded_year, b.decade, b.listing, b.listed, b.known_for,
       b.known_for_zh_hans, b.known_for_zh_hant, b.aliases,
       b.source_id, b.quote, s.publisher, s.url
FROM base b
LEFT JOIN dim_cities d ON d.city_id = b.city_id
JOIN sources s ON s.source_id = b.source_id
WHERE b.hit
  AND (len($cities) = 0 OR list_contains($cities, b.city_id))
  AND (len($types) = 0 OR list_contains($types, b.type))
  AND (len($decades) = 0 OR list_contains($decades, b.decade))
  AND (len($listed) = 0 OR list_contains($listed, b.listed))
ORDER BY b.name_en
