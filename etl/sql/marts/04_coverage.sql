-- Coverage is data too: per table, how many rows, how many distinct sources, how many uncorroborated claims.
-- [zh] 覆盖情况本身也是数据：每个表有多少行、引用多少个不同来源、有多少未经佐证的说法。
-- @grain: table_name
-- table_name: The warehouse table.
-- table_name [zh]: 本数据库中的表。
-- rows: Number of rows.
-- rows [zh]: 行数。
-- sources: Number of distinct sources its rows cite.
-- sources [zh]: 其各行引用的不同来源数量。
-- uncorroborated: For claims: how many rest on one source only; NULL for other tables.
-- uncorroborated [zh]: 仅适用于 claims 表：仅依据单一来源的说法数量；其他表为 NULL。
SELECT 'sources' AS table_name, count(*) AS rows, count(*) AS sources, NULL::BIGINT AS uncorroborated FROM sources
UNION ALL SELECT 'cities', count(*), count(DISTINCT source_id), NULL FROM cities
UNION ALL SELECT 'places', count(*), count(DISTINCT source_id), NULL FROM places
UNION ALL SELECT 'memberships', count(*), count(DISTINCT source_id), NULL FROM memberships
UNION ALL SELECT 'claims', count(*), count(DISTINCT source_id), count(*) FILTER (WHERE NOT corroborated) FROM fct_claims
UNION ALL SELECT 'companies', count(*), count(DISTINCT source_id), NULL FROM companies
UNION ALL SELECT 'studios', count(*), count(DISTINCT source_id), NULL FROM studios
UNION ALL SELECT 'productions', count(*), count(DISTINCT source_id), NULL FROM productions
UNION ALL SELECT 'production_countries', count(*), count(DISTINCT source_id), NULL FROM production_countries
UNION ALL SELECT 'production_locations', count(*), count(DISTINCT source_id), NULL FROM production_locations
UNION ALL SELECT 'events', count(*), count(DISTINCT source_id), NULL FROM events
UNION ALL SELECT 'partnerships', count(*), count(DISTINCT source_id), NULL FROM partnerships
