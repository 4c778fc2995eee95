-- Every company the warehouse knows: the curated ones and those a registry import added, one row each, with where it comes from.
-- @grain: company_id
-- company_id: The curated company's id, or a registry company's unified social credit code.
-- provenance: curated (a hand-curated row with its source and quote) or registry (a row of a registry export, imported by python -m etl import).
-- name_registry: The registry's name (normalised), for a registry company; NULL for curated rows.
-- place_id: The district, town or park inside its city where the curated row's source places the company (places.place_id); NULL when the source names only the city, and for registry rows (their district is in district, as the registry gives it).
-- type: The curated company type; NULL for registry rows.
-- activity: What the company does: a registry row's activity as classified from its business scope; for a curated row its type mapped to the same list (exhibition is cinema, vfx is post-production, types outside the list are other).
-- founded_year: Year founded (curated), or the year of the registry's date of establishment.
-- credit_code: Unified social credit code (registry rows).
-- province: Province as the registry gives it (registry rows).
-- city_registry: City as the registry gives it (registry rows).
-- district: District or county as the registry gives it (registry rows).
-- as_of: For a registry row, the export's date (its source's accessed date): the registry said this then.
SELECT c.company_id, 'curated' AS provenance, c.name_en, c.name_zh_hans, c.name_zh_hant, NULL::VARCHAR AS name_registry,
       c.city_id, c.place_id, c.type,
       CASE c.type WHEN 'production' THEN 'production' WHEN 'animation' THEN 'animation'
                   WHEN 'post-production' THEN 'post-production' WHEN 'vfx' THEN 'post-production'
                   WHEN 'distribution' THEN 'distribution' WHEN 'exhibition' THEN 'cinema' ELSE 'other' END AS activity,
       c.founded_year, NULL::VARCHAR AS credit_code, NULL::VARCHAR AS registration_status,
       NULL::VARCHAR AS province, NULL::VARCHAR AS city_registry, NULL::VARCHAR AS district,
       NULL::DOUBLE AS capital_base, NULL::VARCHAR AS capital_currency, c.source_id, NULL::VARCHAR AS as_of
FROM companies c
UNION ALL
SELECT r.credit_code, 'registry', NULL, NULL, NULL, r.name, r.city_id, NULL, NULL, r.activity,
       CAST(left(r.founded, 4) AS INTEGER), r.credit_code, r.registration_status, r.province, r.city, r.district,
       r.capital_base, r.capital_currency, r.source_id, s.accessed
FROM registry_companies r
LEFT JOIN sources s USING (source_id)
