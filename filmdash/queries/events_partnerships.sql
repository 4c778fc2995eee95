-- Every field of the partnerships matching the filters (a city matches either party), with party names
-- (a city's from dim_cities; a university's or an organisation's as the source gives it) and the source.
WITH p AS (
    SELECT *, list_filter([CASE WHEN party_a_type = 'city' THEN party_a_id END,
                           CASE WHEN party_b_type = 'city' THEN party_b_id END], lambda x: x IS NOT NULL) AS city_ids
    FROM partnerships
)
SELECT p.partnership_id, p.name_en, p.name_zh_hans, p.kind, p.status,
       p.party_a_type, p.party_a_id, coalesce(a.name_en, p.party_a_name_en) AS party_a_name_en, a.name_zh_hans AS party_a_name_zh_hans,
       a.name_zh_hant AS party_a_name_zh_hant,
       p.party_b_type, p.party_b_id, coalesce(b.name_en, p.party_b_name_en) AS party_b_name_en, b.name_zh_hans AS party_b_name_zh_hans,
       b.name_zh_hant AS party_b_name_zh_hant,
       p.announced_date, p.opened_date, p.source_id, p.quote, s.publisher, s.title, s.url,
       s.kind = 'seed' AS from_seed
FROM p
LEFT JOIN dim_cities a ON p.party_a_type = 'city' AND a.city_id = p.party_a_id
LEFT JOIN dim_cities b ON p.party_b_type = 'city' AND b.city_id = p.party_b_id
JOIN sources s ON s.source_id = p.source_id
WHERE (len($cities) = 0 OR list_has_any(p.city_ids, $cities))
  AND (len($kinds) = 0 OR list_contains($kinds, p.kind))
  AND (len($statuses) = 0 OR list_contains($statuses, p.status))
  AND ($focus = '' OR list_contains(p.city_ids, $focus))
ORDER BY coalesce(p.announced_date, p.opened_date) NULLS LAST, p.partnership_id
