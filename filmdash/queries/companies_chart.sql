-- Companies matching the explorer's filters, counted by type or by founded decade ($by).
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
SELECT * FROM (
    SELECT CASE WHEN $by = 'decade' THEN decade ELSE type END AS value, count(*) AS n,
           string_agg(DISTINCT source_id, ' | ' ORDER BY source_id) AS source_ids
    FROM base
    WHERE hit
      AND (len($cities) = 0 OR list_contains($cities, city_id))
      AND (len($types) = 0 OR list_contains($types, type))
      AND (len($decades) = 0 OR list_contains($decades, decade))
      AND (len($listed) = 0 OR list_contains($listed, listed))
    GROUP BY 1
)
-- decades in time order with 'none' (no founding year given) last; types by size
ORDER BY CASE WHEN $by = 'decade' THEN (value = 'none')::INTEGER ELSE 0 END,
         CASE WHEN $by = 'decade' THEN value END, n DESC, value
