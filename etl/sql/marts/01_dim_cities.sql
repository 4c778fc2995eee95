-- Every city with its country, coordinates (GeoNames) and UNESCO City of Film designation.
-- city_id: The city (cities.city_id).
-- country_name_en: The country's English name (ISO 3166).
-- country_name_zh_hans: The country's name in Simplified Chinese (ISO 3166 zh_CN catalogue).
-- country_name_zh_hant: The country's name in Traditional Chinese (ISO 3166 zh_HK catalogue).
-- lat: Latitude from GeoNames; NULL when the city has no GeoNames match.
-- lon: Longitude from GeoNames; NULL when the city has no GeoNames match.
-- geonames_id: GeoNames feature id of the match.
-- population: Population as recorded by GeoNames (a gazetteer figure, not a census claim).
-- is_city_of_film: True when the city is a UNESCO Creative City of Film.
-- film_designation_date: Date (or year) of the UNESCO Film designation.
-- film_designation_year: Year of the UNESCO Film designation.
-- film_designation_source_id: Source of the designation.
SELECT
    c.city_id, c.name_en, c.name_zh_hans, c.name_zh_hant, c.country_iso2,
    k.name_en AS country_name_en, k.name_zh_hans AS country_name_zh_hans, k.name_zh_hant AS country_name_zh_hant,
    g.lat, g.lon, g.geonames_id, g.population,
    m.membership_id IS NOT NULL AS is_city_of_film,
    m.start_date AS film_designation_date,
    CAST(left(m.start_date, 4) AS INTEGER) AS film_designation_year,
    m.source_id AS film_designation_source_id,
    c.aliases, c.source_id
FROM cities c
LEFT JOIN countries k ON k.iso2 = c.country_iso2
LEFT JOIN city_coordinates g USING (city_id)
LEFT JOIN memberships m
    ON m.member_type = 'city' AND m.member_id = c.city_id
   AND m.organisation = 'unesco-creative-cities-film' AND m.status = 'city-of-film'
ORDER BY c.city_id
