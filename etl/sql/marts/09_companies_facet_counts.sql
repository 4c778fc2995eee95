-- How many companies share each combination of the Companies page's facets (city, type, founded decade, listed,
-- origin) and source: a registry's million companies in a few hundred rows, from which the page's facet counts,
-- total and chart are summed when no text search is given (companies_cube).
-- [zh] 按“企业”页面各分面（城市、类型、成立年代、是否上市、出处）与来源的每种组合统计的企业数：把工商登记的百万家企业压缩为几百行；未输入搜索文字时，页面的分面计数、总数和图表都由此求和（companies_cube）。
-- @grain: city_id, type, decade, listed, origin, source_id
-- city_id: The dashboard's city (NULL for a registry company in a city the dashboard does not hold).
-- city_id [zh]: 本数据中的城市（登记企业所在城市不在本数据中时为 NULL）。
-- type: The curated company type, or a registry row's activity (companies_explorer.type).
-- type [zh]: 人工整理企业的类型，或登记记录的业务类别（companies_explorer.type）。
-- decade: The founding decade, 'none' when no year is given.
-- decade [zh]: 成立年代，未给出年份时为 'none'。
-- listed: 'listed' or 'not-listed'.
-- listed [zh]: 'listed'（已上市）或 'not-listed'（未上市）。
-- origin: 'curated', or the registry import's source_id.
-- origin [zh]: 'curated'，或工商登记导入的 source_id。
-- source_id: The source of the rows counted.
-- source_id [zh]: 所统计各行的来源。
-- n: How many companies share these values.
-- n [zh]: 具有这些值的企业数量。
SELECT city_id, type, decade, listed, origin, source_id, count(*) AS n
FROM companies_explorer
GROUP BY ALL
ORDER BY ALL
