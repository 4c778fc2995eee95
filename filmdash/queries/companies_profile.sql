-- One company with its city (and, for a curated row, the district, town or park its source places it in), the source it traces to and where it comes from: a curated row (its names,
-- listing, description and quote) or a registry row (what the registry export says of it, and the export's date).
SELECT c.* REPLACE (dc.company_id AS company_id, coalesce(c.name_zh_hans, dc.name_registry) AS name_zh_hans,
                  dc.city_id AS city_id, coalesce(c.type, dc.activity) AS type, dc.founded_year AS founded_year,
                  dc.source_id AS source_id),
       dc.provenance, dc.name_registry, dc.credit_code, dc.activity, dc.as_of,
       r.registration_status, r.legal_representative, r.founded, r.capital_amount, r.capital_unit,
       r.province, r.city AS city_registry, r.district, r.company_type AS company_type_registry, r.business_scope,
       d.name_en AS city_name_en, d.name_zh_hans AS city_name_zh_hans, d.name_zh_hant AS city_name_zh_hant,
       pl.name_en AS place_name_en, pl.name_zh_hans AS place_name_zh_hans, pl.name_zh_hant AS place_name_zh_hant,
       s.publisher, s.title, s.url, s.published
FROM dim_companies dc
LEFT JOIN companies c ON c.company_id = dc.company_id AND dc.provenance = 'curated'
LEFT JOIN registry_companies r ON r.credit_code = dc.company_id AND dc.provenance = 'registry'
LEFT JOIN dim_cities d ON d.city_id = dc.city_id
LEFT JOIN dim_places pl ON pl.place_id = c.place_id
JOIN sources s ON s.source_id = dc.source_id
WHERE dc.company_id = $company
