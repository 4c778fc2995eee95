-- Claims with their value in base units, corroboration and disagreement worked out.
-- [zh] 说法及其换算为基本单位的数值，并已算出是否佐证、是否存在分歧。
-- @grain: claim_id
-- value_base: The value times its scale (8.2 billion USD becomes 8200000000); NULL for words-only claims.
-- value_base [zh]: 数值乘以倍数（82 亿美元即 8200000000）；仅有文字的说法为 NULL。
-- as_of_year: The year of as_of.
-- as_of_year [zh]: as_of 的年份。
-- period_key: The year for annual metrics (metrics.per_year), else NULL: claims are compared within it.
-- period_key [zh]: 年度指标（metrics.per_year）的年份，其他为 NULL：说法在同一年份内比较。
-- n_sources_same_value: How many distinct sources state the same value for the same entity, metric and unit (and year, for annual metrics).
-- n_sources_same_value [zh]: 就同一实体、指标和单位（年度指标还须同一年份）给出相同数值的不同来源数量。
-- corroborated: True when at least two distinct sources state the same value; a claim found in one source only is uncorroborated.
-- corroborated [zh]: 至少两个不同来源给出相同数值时为 True；仅见于一个来源的说法未经佐证。
-- n_values_reported: How many distinct values sources give for the same entity, metric and unit (and year, for annual metrics): above 1 means they disagree.
-- n_values_reported [zh]: 不同来源就同一实体、指标和单位（年度指标还须同一年份）给出的不同数值个数：大于 1 即存在分歧。
-- in_conflict: True when sources give different values for the same entity, metric and unit (and year, for annual metrics).
-- in_conflict [zh]: 不同来源就同一实体、指标和单位（年度指标还须同一年份）给出不同数值时为 True。
WITH base AS (
    SELECT *,
        CAST(CAST(value AS DECIMAL(38, 9)) * CASE scale WHEN 'thousand' THEN 1000 WHEN 'million' THEN 1000000
              WHEN 'billion' THEN 1000000000 ELSE 1 END AS DOUBLE) AS value_base,
        CAST(left(as_of, 4) AS INTEGER) AS as_of_year,
        CASE WHEN (SELECT per_year FROM metrics m WHERE m.metric = claims.metric)
             THEN CAST(left(as_of, 4) AS INTEGER) END AS period_key,
        coalesce(CAST(CAST(value AS DECIMAL(38, 9)) * CASE scale WHEN 'thousand' THEN 1000 WHEN 'million'
                 THEN 1000000 WHEN 'billion' THEN 1000000000 ELSE 1 END AS VARCHAR),
                 lower(trim(value_text))) AS value_key
    FROM claims
)
SELECT
    b.* EXCLUDE (value_key),
    count(DISTINCT source_id) OVER same_value AS n_sources_same_value,
    count(DISTINCT source_id) OVER same_value >= 2 AS corroborated,
    count(DISTINCT value_key) OVER same_metric AS n_values_reported,
    count(DISTINCT value_key) OVER same_metric > 1 AS in_conflict
FROM base b
WINDOW
    same_value AS (PARTITION BY entity_type, entity_id, metric, unit, period_key, value_key),
    same_metric AS (PARTITION BY entity_type, entity_id, metric, unit, period_key)
ORDER BY claim_id
