-- Every UNESCO City of Film with its country and designation.
SELECT city_id, name_en, name_zh_hans, name_zh_hant, country_iso2,
       country_name_en, country_name_zh_hans, country_name_zh_hant,
       film_designation_date, film_designation_year, film_designation_source_id AS source_id, lat, lon
FROM dim_cities WHERE is_city_of_film
ORDER BY film_designation_date, name_en
