-- The Overview's headline figures, each with the sources behind it.
SELECT 'cities_of_film' AS figure, count(*)::DOUBLE AS value,
       min(film_designation_year) AS first_year, max(film_designation_year) AS last_year,
       string_agg(DISTINCT film_designation_source_id, ' | ' ORDER BY film_designation_source_id) AS source_ids
FROM dim_cities WHERE is_city_of_film
UNION ALL
SELECT 'sco_members', count(DISTINCT member_id), min(CAST(left(start_date, 4) AS INTEGER)),
       max(CAST(left(start_date, 4) AS INTEGER)),
       string_agg(DISTINCT source_id, ' | ' ORDER BY source_id)
FROM memberships WHERE organisation = 'sco' AND status = 'member' AND end_date IS NULL
UNION ALL
SELECT 'coproductions_documented', count(*), min(year), max(year),
       string_agg(DISTINCT source_id, ' | ' ORDER BY source_id)
FROM productions WHERE is_coproduction
UNION ALL
SELECT 'productions_at_studios', count(DISTINCT production_id), min(year), max(year),
       string_agg(DISTINCT source_id, ' | ' ORDER BY source_id)
FROM production_locations
UNION ALL
SELECT 'companies_documented', count(*), min(founded_year), max(founded_year),
       string_agg(DISTINCT source_id, ' | ' ORDER BY source_id)
FROM dim_companies WHERE provenance = 'curated' AND is_company
UNION ALL
SELECT 'sources', count(*), NULL, NULL, NULL FROM sources
