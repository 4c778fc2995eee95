-- Every curated city for the map, with its GeoNames coordinates (NULL when unmatched) and, for
-- UNESCO Cities of Film, the year of designation and the source that gives it.
SELECT c.city_id, c.name_en, c.name_zh_hans, c.name_zh_hant, c.country_iso2,
       c.country_name_en, c.country_name_zh_hans, c.country_name_zh_hant,
       c.lat, c.lon, c.is_city_of_film, c.film_designation_date, c.film_designation_year,
       c.film_designation_source_id AS source_id, s.publisher
FROM dim_cities c
LEFT JOIN sources s ON s.source_id = c.film_designation_source_id
ORDER BY c.city_id
