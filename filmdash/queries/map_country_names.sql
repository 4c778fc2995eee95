-- Names of the countries in $codes (ISO alpha-2), in the three scripts.
SELECT iso2, name_en, name_zh_hans, name_zh_hant
FROM countries
WHERE list_contains($codes, iso2)
ORDER BY iso2
