-- One city's profile: names, country, UNESCO Film designation with its source and quote,
-- GeoNames coordinates, and the source that names the city.
SELECT d.city_id, d.name_en, d.name_zh_hans, d.name_zh_hant, d.name_zh_source_id, d.aliases, d.country_iso2,
       d.country_name_en, d.country_name_zh_hans, d.country_name_zh_hant,
       d.lat, d.lon, d.geonames_id, coalesce(d.is_city_of_film, false) AS is_city_of_film,
       d.film_designation_date, d.film_designation_year, d.film_designation_source_id,
       mb.quote AS film_designation_quote, d.source_id, ci.quote
FROM dim_cities d
JOIN cities ci USING (city_id)
LEFT JOIN memberships mb
       ON mb.organisation = 'unesco-creative-cities-film' AND mb.member_type = 'city'
      AND mb.member_id = d.city_id AND mb.source_id = d.film_designation_source_id
WHERE d.city_id = $city
