-- Pairs of countries that co-produce, weighted by the number of documented titles.
-- [zh] 合拍国家对，按已记录的作品数加权。
-- @grain: country_a, country_b
-- country_a: The first country of the pair (ISO alpha-2, alphabetically first).
-- country_a [zh]: 国家对中的第一个国家（ISO 二位字母代码，按字母顺序在前）。
-- country_b: The second country of the pair.
-- country_b [zh]: 国家对中的第二个国家。
-- titles: Number of documented co-productions the two countries share.
-- titles [zh]: 两国共同参与的已记录合拍片数量。
-- first_year: Earliest year among those titles.
-- first_year [zh]: 这些作品中最早的年份。
-- last_year: Latest year among those titles.
-- last_year [zh]: 这些作品中最晚的年份。
-- production_ids: The titles, ' | ' separated.
-- production_ids [zh]: 作品名称，以“ | ”分隔。
SELECT a.country_iso2 AS country_a, b.country_iso2 AS country_b,
       count(DISTINCT p.production_id) AS titles,
       min(p.year) AS first_year, max(p.year) AS last_year,
       string_agg(DISTINCT p.production_id, ' | ' ORDER BY p.production_id) AS production_ids
FROM production_countries a
JOIN production_countries b ON a.production_id = b.production_id AND a.country_iso2 < b.country_iso2
JOIN productions p ON p.production_id = a.production_id
WHERE p.is_coproduction
GROUP BY ALL
ORDER BY titles DESC, country_a, country_b
