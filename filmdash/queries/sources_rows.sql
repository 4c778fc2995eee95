-- Every row of the curated tables that cites one source: the table, the row's id and its label.
WITH cites AS (
    SELECT 'cities' AS table_name, city_id AS row_id, name_en AS label, source_id FROM cities
    UNION ALL SELECT 'memberships', membership_id, organisation || ': ' || member_id || ' (' || status || ')', source_id
    FROM memberships
    UNION ALL SELECT 'claims', claim_id, entity_id || ' · ' || metric, source_id FROM claims
    UNION ALL SELECT 'companies', company_id, name_en, source_id FROM companies
    UNION ALL SELECT 'studios', studio_id, name_en, source_id FROM studios
    UNION ALL SELECT 'productions', production_id, title_en, source_id FROM productions
    UNION ALL SELECT 'production_countries', production_id || ' · ' || country_iso2, role, source_id
    FROM production_countries
    UNION ALL SELECT 'production_locations', production_id || ' · ' || city_id, activity, source_id
    FROM production_locations
    UNION ALL SELECT 'events', event_id, name_en, source_id FROM events
    UNION ALL SELECT 'partnerships', partnership_id, name_en, source_id FROM partnerships
)
SELECT table_name, row_id, label FROM cites WHERE source_id = $source_id ORDER BY table_name, row_id
