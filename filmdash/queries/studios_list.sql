-- Every studio base with its city, opening, status and what the warehouse documents about it:
-- productions shot there and claims (figures sources report), for the picker and the comparison.
WITH shot AS (
    SELECT studio_id, count(DISTINCT production_id) AS productions,
           string_agg(DISTINCT source_id, ' | ' ORDER BY source_id) AS shot_source_ids
    FROM production_locations WHERE studio_id IS NOT NULL GROUP BY studio_id
),
claimed AS (
    SELECT entity_id AS studio_id, count(*) AS claims, count(DISTINCT metric) AS metrics,
           count(*) FILTER (WHERE NOT corroborated) AS uncorroborated,
           count(DISTINCT metric) FILTER (WHERE in_conflict) AS metrics_in_conflict,
           string_agg(DISTINCT source_id, ' | ' ORDER BY source_id) AS claim_source_ids
    FROM fct_claims WHERE entity_type = 'studio' GROUP BY entity_id
)
SELECT s.studio_id, s.name_en, s.name_zh_hans, s.name_zh_hant, s.city_id,
       d.name_en AS city_name_en, d.name_zh_hans AS city_name_zh_hans, d.name_zh_hant AS city_name_zh_hant,
       d.country_iso2, s.operator_company_id, s.opened_date, s.status,
       coalesce(shot.productions, 0) AS productions, coalesce(claimed.claims, 0) AS claims,
       coalesce(claimed.metrics, 0) AS metrics, coalesce(claimed.uncorroborated, 0) AS uncorroborated,
       coalesce(claimed.metrics_in_conflict, 0) AS metrics_in_conflict,
       s.source_id, s.quote, shot.shot_source_ids, claimed.claim_source_ids
FROM studios s
LEFT JOIN dim_cities d ON d.city_id = s.city_id
LEFT JOIN shot USING (studio_id)
LEFT JOIN claimed USING (studio_id)
ORDER BY s.studio_id = 'oriental-movie-metropolis' DESC, d.country_iso2 = 'CN' DESC, s.name_en
