-- Every city, with the groups the city picker offers as shortcuts: UNESCO City of Film, in a
-- current SCO member state (a country whose 'member' row has not ended), Chinese (CN, HK, MO).
WITH sco AS (
    SELECT DISTINCT member_id AS country_iso2 FROM memberships
    WHERE organisation = 'sco' AND member_type = 'country' AND status = 'member' AND end_date IS NULL
)
SELECT d.city_id, d.name_en, d.name_zh_hans, d.name_zh_hant, d.country_iso2,
       d.country_name_en, d.country_name_zh_hans, d.country_name_zh_hant,
       coalesce(d.is_city_of_film, false) AS is_city_of_film,
       sco.country_iso2 IS NOT NULL AS in_sco_member,
       d.country_iso2 IN ('CN', 'HK', 'MO') AS is_chinese
FROM dim_cities d
LEFT JOIN sco USING (country_iso2)
ORDER BY d.name_en
