-- Every city with its country, coordinates (GeoNames) and UNESCO City of Film designation.
-- [zh] 所有城市，附所属国家、坐标（GeoNames）及联合国教科文组织电影之都称号。
-- @grain: city_id
-- city_id: The city (cities.city_id).
-- city_id [zh]: 城市（cities.city_id）。
-- name_zh_hans: Simplified Chinese name: the city row's own; else a chinese_name_hans claim's (its own source); for a city no curated source names in Chinese, the one GeoNames lists.
-- name_zh_hans [zh]: 简体中文名称：优先取城市记录本身的名称；其次取 chinese_name_hans 说法中的名称（附其来源）；若无人工整理的来源给出中文名，则取 GeoNames 所列名称。
-- name_zh_hant: Traditional Chinese name: the city row's own; else a chinese_name_hant claim's (its own source); for a city no curated source names in Chinese, the one GeoNames lists.
-- name_zh_hant [zh]: 繁体中文名称：优先取城市记录本身的名称；其次取 chinese_name_hant 说法中的名称（附其来源）；若无人工整理的来源给出中文名，则取 GeoNames 所列名称。
-- name_zh_source_id: The source of the city row's Chinese names (the city's own source); when the row gives none, the source of a claim that does, or ref-geonames; NULL when none names it in Chinese.
-- name_zh_source_id [zh]: 城市记录中文名称的来源（即城市本身的来源）；记录未给出中文名时，为给出中文名的说法的来源，或 ref-geonames；无任何来源给出中文名时为 NULL。
-- name_zh_hans_source_id: The source that gives name_zh_hans.
-- name_zh_hans_source_id [zh]: 给出 name_zh_hans 的来源。
-- name_zh_hant_source_id: The source that gives name_zh_hant.
-- name_zh_hant_source_id [zh]: 给出 name_zh_hant 的来源。
-- country_name_en: The country's English name (ISO 3166).
-- country_name_en [zh]: 国家的英文名称（ISO 3166）。
-- country_name_zh_hans: The country's name in Simplified Chinese (ISO 3166 zh_CN catalogue).
-- country_name_zh_hans [zh]: 国家的简体中文名称（ISO 3166 zh_CN 译名表）。
-- country_name_zh_hant: The country's name in Traditional Chinese (ISO 3166 zh_HK catalogue).
-- country_name_zh_hant [zh]: 国家的繁体中文名称（ISO 3166 zh_HK 译名表）。
-- lat: Latitude from GeoNames; NULL when the city has no GeoNames match.
-- lat [zh]: GeoNames 纬度；城市在 GeoNames 中无匹配时为 NULL。
-- lon: Longitude from GeoNames; NULL when the city has no GeoNames match.
-- lon [zh]: GeoNames 经度；城市在 GeoNames 中无匹配时为 NULL。
-- geonames_id: GeoNames feature id of the match.
-- geonames_id [zh]: 所匹配地物的 GeoNames 标识。
-- population: Population as recorded by GeoNames (a gazetteer figure, not a census claim).
-- population [zh]: GeoNames 记录的人口（地名辞典数字，并非人口普查说法）。
-- is_city_of_film: True when the city is a UNESCO Creative City of Film.
-- is_city_of_film [zh]: 城市为联合国教科文组织创意城市网络“电影之都”时为 True。
-- film_designation_date: Date (or year) of the UNESCO Film designation.
-- film_designation_date [zh]: 获评联合国教科文组织电影之都的日期（或年份）。
-- film_designation_year: Year of the UNESCO Film designation.
-- film_designation_year [zh]: 获评联合国教科文组织电影之都的年份。
-- film_designation_source_id: Source of the designation.
-- film_designation_source_id [zh]: 获评称号的来源。
WITH zh_claims AS (
    -- one Chinese-name claim per city and script: the one the city row's own source makes, else the first by id
    SELECT k.entity_id AS city_id, k.metric,
           arg_min(k.value_text, (k.source_id <> c.source_id, k.claim_id)) AS name,
           arg_min(k.source_id, (k.source_id <> c.source_id, k.claim_id)) AS source_id
    FROM claims k JOIN cities c ON c.city_id = k.entity_id
    WHERE k.entity_type = 'city' AND k.metric IN ('chinese_name_hans', 'chinese_name_hant')
      AND nullif(k.value_text, '') IS NOT NULL
    GROUP BY k.entity_id, k.metric
), zh AS (
    SELECT c.city_id,
           coalesce(c.name_zh_hans, s.name) AS hans,
           CASE WHEN c.name_zh_hans IS NOT NULL THEN c.source_id ELSE s.source_id END AS hans_source,
           coalesce(c.name_zh_hant, t.name) AS hant,
           CASE WHEN c.name_zh_hant IS NOT NULL THEN c.source_id ELSE t.source_id END AS hant_source
    FROM cities c
    LEFT JOIN zh_claims s ON s.city_id = c.city_id AND s.metric = 'chinese_name_hans'
    LEFT JOIN zh_claims t ON t.city_id = c.city_id AND t.metric = 'chinese_name_hant'
)
SELECT
    c.city_id, c.name_en,
    CASE WHEN curated_zh THEN z.hans ELSE nullif(g.geonames_name_zh_hans, '') END AS name_zh_hans,
    CASE WHEN curated_zh THEN z.hant ELSE nullif(g.geonames_name_zh_hant, '') END AS name_zh_hant,
    CASE WHEN c.name_zh_hans IS NOT NULL OR c.name_zh_hant IS NOT NULL THEN c.source_id
         WHEN curated_zh THEN coalesce(z.hans_source, z.hant_source)
         WHEN coalesce(g.geonames_name_zh_hans, g.geonames_name_zh_hant, '') <> '' THEN g.source_id END
        AS name_zh_source_id,
    CASE WHEN curated_zh THEN z.hans_source
         WHEN coalesce(g.geonames_name_zh_hans, '') <> '' THEN g.source_id END AS name_zh_hans_source_id,
    CASE WHEN curated_zh THEN z.hant_source
         WHEN coalesce(g.geonames_name_zh_hant, '') <> '' THEN g.source_id END AS name_zh_hant_source_id,
    c.country_iso2,
    k.name_en AS country_name_en, k.name_zh_hans AS country_name_zh_hans, k.name_zh_hant AS country_name_zh_hant,
    g.lat, g.lon, g.geonames_id, g.population,
    m.membership_id IS NOT NULL AS is_city_of_film,
    m.start_date AS film_designation_date,
    CAST(left(m.start_date, 4) AS INTEGER) AS film_designation_year,
    m.source_id AS film_designation_source_id,
    c.aliases, c.source_id
FROM cities c
JOIN (SELECT *, hans IS NOT NULL OR hant IS NOT NULL AS curated_zh FROM zh) z USING (city_id)
LEFT JOIN countries k ON k.iso2 = c.country_iso2
LEFT JOIN city_coordinates g USING (city_id)
LEFT JOIN memberships m
    ON m.member_type = 'city' AND m.member_id = c.city_id
   AND m.organisation = 'unesco-creative-cities-film' AND m.status = 'city-of-film'
ORDER BY c.city_id
