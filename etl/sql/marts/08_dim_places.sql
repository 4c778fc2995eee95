-- Every place a figure can measure, with its names in three scripts, its parent and the city it is or lies in.
-- [zh] 数据可统计的所有地方，附三种文字的名称、其上级及其本身所是或所在的城市。
-- @grain: place_id
-- place_id: The place (places.place_id).
-- place_id [zh]: 地方（places.place_id）。
-- place_type: province, region, city, district (a district, new area, town or industry zone) or site (a studio base, a creative park).
-- place_type [zh]: province（省）、region（地区）、city（城市）、district（区，含新区、镇或产业园区）或 site（场所：影视基地、文创园区）。
-- name_zh_hans: Simplified Chinese name: the place row's own; else a chinese_name_hans claim's (its own source); for a city, the city's (dim_cities).
-- name_zh_hans [zh]: 简体中文名称：优先取地方记录本身的名称；其次取 chinese_name_hans 说法中的名称（附其来源）；城市则取该城市的名称（dim_cities）。
-- name_zh_hant: Traditional Chinese name: the place row's own; else a chinese_name_hant claim's (its own source); for a city, the city's (dim_cities).
-- name_zh_hant [zh]: 繁体中文名称：优先取地方记录本身的名称；其次取 chinese_name_hant 说法中的名称（附其来源）；城市则取该城市的名称（dim_cities）。
-- name_zh_hans_source_id: The source that gives name_zh_hans.
-- name_zh_hans_source_id [zh]: 给出 name_zh_hans 的来源。
-- name_zh_hant_source_id: The source that gives name_zh_hant.
-- name_zh_hant_source_id [zh]: 给出 name_zh_hant 的来源。
-- parent_id: The place it lies in; NULL for a province (its parent is its country).
-- parent_id [zh]: 其所在的地方；省为 NULL（省的上级为其所属国家）。
-- parent_type: The parent's place_type.
-- parent_type [zh]: 上级的 place_type。
-- parent_name_en: The parent's English name.
-- parent_name_en [zh]: 上级的英文名称。
-- city_id: The city it is or lies in; NULL for a province or region.
-- city_id [zh]: 其本身所是或所在的城市；省或地区为 NULL。
-- path_en: The chain from the largest place down to this one, in English (Shandong Province > Qingdao > Qingdao West Coast New Area).
-- path_en [zh]: 从最大的地方到该地方的层级链，英文（Shandong Province > Qingdao > Qingdao West Coast New Area）。
WITH zh_claims AS (
    SELECT k.entity_id AS place_id, k.metric,
           arg_min(k.value_text, (k.source_id <> p.source_id, k.claim_id)) AS name,
           arg_min(k.source_id, (k.source_id <> p.source_id, k.claim_id)) AS source_id
    FROM claims k JOIN places p ON p.place_id = k.entity_id
    WHERE k.entity_type = 'place' AND k.metric IN ('chinese_name_hans', 'chinese_name_hant')
      AND nullif(k.value_text, '') IS NOT NULL
    GROUP BY k.entity_id, k.metric
),
chain AS (
    SELECT up.place_id, string_agg(a.name_en, ' > ' ORDER BY up.hops DESC) AS path_en
    FROM place_ancestors up JOIN places a ON a.place_id = up.ancestor_id
    GROUP BY up.place_id
)
SELECT
    p.place_id, p.place_type, p.name_en,
    coalesce(p.name_zh_hans, s.name, CASE WHEN p.place_type = 'city' THEN c.name_zh_hans END) AS name_zh_hans,
    coalesce(p.name_zh_hant, t.name, CASE WHEN p.place_type = 'city' THEN c.name_zh_hant END) AS name_zh_hant,
    CASE WHEN p.name_zh_hans IS NOT NULL THEN p.source_id WHEN s.name IS NOT NULL THEN s.source_id
         WHEN p.place_type = 'city' THEN c.name_zh_hans_source_id END AS name_zh_hans_source_id,
    CASE WHEN p.name_zh_hant IS NOT NULL THEN p.source_id WHEN t.name IS NOT NULL THEN t.source_id
         WHEN p.place_type = 'city' THEN c.name_zh_hant_source_id END AS name_zh_hant_source_id,
    p.parent_id, q.place_type AS parent_type, q.name_en AS parent_name_en,
    p.city_id, p.country_iso2, h.path_en, p.aliases, p.source_id, p.quote
FROM places p
LEFT JOIN zh_claims s ON s.place_id = p.place_id AND s.metric = 'chinese_name_hans'
LEFT JOIN zh_claims t ON t.place_id = p.place_id AND t.metric = 'chinese_name_hant'
LEFT JOIN dim_cities c ON c.city_id = p.city_id
LEFT JOIN places q ON q.place_id = p.parent_id
LEFT JOIN chain h ON h.place_id = p.place_id
ORDER BY p.place_id
