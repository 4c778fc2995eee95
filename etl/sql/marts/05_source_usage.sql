-- Per source, how many rows of each table cite it.
-- [zh] 每个来源被各表引用的行数。
-- @grain: source_id, table_name
-- source_id: The source.
-- source_id [zh]: 来源。
-- table_name: The table whose rows cite it.
-- table_name [zh]: 引用该来源的表。
-- rows: Number of rows citing it.
-- rows [zh]: 引用该来源的行数。
WITH cites AS (
    SELECT 'cities' AS table_name, source_id FROM cities
    UNION ALL SELECT 'places', source_id FROM places
    UNION ALL SELECT 'memberships', source_id FROM memberships
    UNION ALL SELECT 'claims', source_id FROM claims
    UNION ALL SELECT 'companies', source_id FROM companies
    UNION ALL SELECT 'studios', source_id FROM studios
    UNION ALL SELECT 'productions', source_id FROM productions
    UNION ALL SELECT 'production_countries', source_id FROM production_countries
    UNION ALL SELECT 'production_milestones', source_id FROM production_milestones
    UNION ALL SELECT 'production_locations', source_id FROM production_locations
    UNION ALL SELECT 'events', source_id FROM events
    UNION ALL SELECT 'partnerships', source_id FROM partnerships
)
SELECT source_id, table_name, count(*) AS rows FROM cites GROUP BY ALL ORDER BY source_id, table_name
