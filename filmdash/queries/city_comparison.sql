-- What each city does to build a film industry: documented companies, studios, productions shot,
-- events, partnerships and incentive claims, for a list of cities. Companies are dim_companies' companies (is_company:
-- not the agencies and schools): curated and registry rows counted apart too, with the latest registry export's date.
WITH picked AS (SELECT unnest($cities) AS city_id),
companies AS (
    SELECT city_id, count(*) AS n, count(*) FILTER (WHERE provenance = 'curated') AS curated,
           count(*) FILTER (WHERE provenance = 'registry') AS registry, max(as_of) AS registry_as_of
    FROM dim_companies WHERE list_contains($cities, city_id) AND is_company GROUP BY ALL),
studios AS (SELECT city_id, count(*) AS n FROM studios GROUP BY ALL),
shot AS (SELECT city_id, count(DISTINCT production_id) AS n FROM production_locations GROUP BY ALL),
events AS (SELECT city_id, count(*) AS n FROM events GROUP BY ALL),
partnerships AS (
    SELECT city_id, count(DISTINCT partnership_id) AS n FROM (
        SELECT party_a_id AS city_id, partnership_id FROM partnerships WHERE party_a_type = 'city'
        UNION ALL SELECT party_b_id, partnership_id FROM partnerships WHERE party_b_type = 'city') GROUP BY ALL),
claims AS (SELECT entity_id AS city_id, count(*) AS n FROM claims WHERE entity_type = 'city' GROUP BY ALL)
SELECT d.city_id, d.name_en, d.name_zh_hans, d.name_zh_hant, d.country_iso2,
       d.is_city_of_film, d.film_designation_year,
       coalesce(companies.n, 0) AS companies, coalesce(companies.curated, 0) AS companies_curated,
       coalesce(companies.registry, 0) AS companies_registry, companies.registry_as_of,
       coalesce(studios.n, 0) AS studios,
       coalesce(shot.n, 0) AS productions_shot, coalesce(events.n, 0) AS events,
       coalesce(partnerships.n, 0) AS partnerships, coalesce(claims.n, 0) AS city_claims
FROM picked p
JOIN dim_cities d USING (city_id)
LEFT JOIN companies USING (city_id)
LEFT JOIN studios USING (city_id)
LEFT JOIN shot USING (city_id)
LEFT JOIN events USING (city_id)
LEFT JOIN partnerships USING (city_id)
LEFT JOIN claims USING (city_id)
ORDER BY list_position($cities, d.city_id)
