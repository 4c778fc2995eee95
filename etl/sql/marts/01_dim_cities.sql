-- Every city with its country, coordinates (GeoNames) and UNESCO City of Film designation.
-- @grain: city_id
-- city_id: The city (cities.city_id).
-- name_zh_hans: Simplified Chinese name: the curated one; for a city no curated source names in Chinese, the one GeoNames lists.
-- name_zh_hant: Traditional Chinese name: the curated one; for a city no curated source names in Chinese, the one GeoNames lists.
-- name_zh_source_id: The source of the Chinese names: the city's own source, or ref-geonames; NULL when none names it in Chinese.
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
    c.city_id, c.name_en,
    CASE WHEN curated_zh THEN c.name_zh_hans ELSE nullif(g.geonames_name_zh_hans, '') END AS name_zh_hans,
    CASE WHEN curated_zh THEN c.name_zh_hant ELSE nullif(g.geonames_name_zh_hant, '') END AS name_zh_hant,
    CASE WHEN curated_zh THEN c.source_id
         WHEN coalesce(g.geonames_name_zh_hans, g.geonames_name_zh_hant, '') <> '' THEN g.source_id END
        AS name_zh_source_id,
    c.country_iso2,
    k.name_en AS country_name_en, k.name_zh_hans AS country_name_zh_hans, k.name_zh_hant AS country_name_zh_hant,
    g.lat, g.lon, g.geonames_id, g.population,
    m.membership_id IS NOT NULL AS is_city_of_film,
    m.start_date AS film_designation_date,
    CAST(left(m.start_date, 4) AS INTEGER) AS film_designation_year,
    m.source_id AS film_designation_source_id,
    c.aliases, c.source_id
FROM (SELECT *, name_zh_hans IS NOT NULL OR name_zh_hant IS NOT NULL AS curated_zh FROM cities) c
LEFT JOIN countries k ON k.iso2 = c.country_iso2
LEFT JOIN city_coordinates g USING (city_id)
LEFT JOIN memberships m
    ON m.member_type = 'city' AND m.member_id = c.city_id
   AND m.organisation = 'unesco-creative-cities-film' AND m.status = 'city-of-film'
ORDER BY c.city_id
