-- Claims with their value in base units, corroboration and disagreement worked out.
-- @grain: claim_id
-- value_base: The value times its scale (8.2 billion USD becomes 8200000000); NULL for words-only claims.
-- as_of_year: The year of as_of.
-- period_key: The year for annual metrics (metrics.per_year), else NULL: claims are compared within it.
-- n_sources_same_value: How many distinct sources state the same value for the same entity, metric and unit (and year, for annual metrics).
-- corroborated: True when at least two distinct sources state the same value; a claim found in one source only is uncorroborated.
-- n_values_reported: How many distinct values sources give for the same entity, metric and unit (and year, for annual metrics): above 1 means they disagree.
-- in_conflict: True when sources give different values for the same entity, metric and unit (and year, for annual metrics).
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
