-- UNESCO Cities of Film by year of designation, with the cities of each round.
SELECT film_designation_year AS year, count(*) AS cities,
       list(city_id ORDER BY name_en) AS city_ids,
       list(name_en ORDER BY name_en) AS names_en,
       list(coalesce(name_zh_hans, name_zh_hant, name_en) ORDER BY name_en) AS names_zh_hans,
       list(coalesce(name_zh_hant, name_zh_hans, name_en) ORDER BY name_en) AS names_zh_hant,
       string_agg(DISTINCT film_designation_source_id, ' | ' ORDER BY film_designation_source_id) AS source_ids
FROM dim_cities
WHERE is_city_of_film
GROUP BY film_designation_year
ORDER BY year
