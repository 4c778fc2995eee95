-- What the map shows, one row per thing, for the table under it: Cities of Film, SCO statuses,
-- co-productions (filtered like the links), studios and events, each with its source.
-- $kinds: the layers on; $city / $country: the clicked city or country ('' for none).
WITH titles AS (
    SELECT production_id, title_en, title_zh_hans, title_zh_hant, status, year
    FROM productions
    WHERE is_coproduction AND year BETWEEN $year_from AND $year_to
      AND (len($statuses) = 0 OR list_contains($statuses, status))
), coproductions AS (
    SELECT 'coproduction' AS kind, p.production_id AS id, p.title_en AS name_en, p.title_zh_hans AS name_zh_hans,
           p.title_zh_hant AS name_zh_hant, NULL::VARCHAR AS city_id,
           string_agg(DISTINCT pc.country_iso2, ' | ' ORDER BY pc.country_iso2) AS countries,
           p.status, p.year::VARCHAR AS date, min(pc.source_id) AS source_id
    FROM titles p JOIN production_countries pc USING (production_id)
    GROUP BY ALL
), items AS (
    SELECT 'city-of-film' AS kind, city_id AS id, name_en, name_zh_hans, name_zh_hant, city_id,
           country_iso2 AS countries, 'city-of-film' AS status, film_designation_date AS date,
           film_designation_source_id AS source_id
    FROM dim_cities WHERE is_city_of_film
    UNION ALL
    SELECT 'sco', m.membership_id, co.name_en, co.name_zh_hans, co.name_zh_hant, NULL, m.member_id, m.status,
           m.start_date, m.source_id
    FROM memberships m JOIN countries co ON co.iso2 = m.member_id
    WHERE m.organisation = 'sco' AND m.member_type = 'country' AND m.end_date IS NULL
    UNION ALL
    SELECT * FROM coproductions
    UNION ALL
    SELECT 'studio', studio_id, s.name_en, s.name_zh_hans, s.name_zh_hant, city_id, c.country_iso2, status,
           opened_date, s.source_id
    FROM studios s JOIN cities c USING (city_id)
    UNION ALL
    SELECT 'event', event_id, e.name_en, e.name_zh_hans, e.name_zh_hant, city_id, c.country_iso2, status,
           start_date, e.source_id
    FROM events e JOIN cities c USING (city_id)
)
SELECT i.kind, i.id, i.name_en, i.name_zh_hans, i.name_zh_hant, i.city_id,
       c.name_en AS city_name_en, c.name_zh_hans AS city_name_zh_hans, c.name_zh_hant AS city_name_zh_hant,
       i.countries, i.status, i.date, i.source_id, s.publisher
FROM items i
LEFT JOIN dim_cities c ON c.city_id = i.city_id
LEFT JOIN sources s ON s.source_id = i.source_id
WHERE list_contains($kinds, i.kind)
  AND ($city = '' OR i.city_id = $city)
  AND ($country = '' OR list_contains(string_split(i.countries, ' | '), $country))
ORDER BY i.kind, i.date, i.id
