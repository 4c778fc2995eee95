-- For one city: the company counts sources give for places inside or around it (a new area, an
-- industry zone, a studio base, a province), each under the place's own name. They are never the
-- city's count and never compared with the companies documented for the city.
SELECT c.claim_id, p.place_id, p.place_type, p.name_en AS place_name_en, p.name_zh_hans AS place_name_zh_hans,
       p.name_zh_hant AS place_name_zh_hant, c.metric, c.value, c.qualifier, c.as_of, c.source_id, c.quote,
       s.publisher
FROM claims c
JOIN place_cities pc ON pc.place_id = c.entity_id AND pc.city_id = $city AND pc.relation <> 'is'
JOIN dim_places p ON p.place_id = c.entity_id
JOIN sources s ON s.source_id = c.source_id
WHERE c.entity_type = 'place' AND c.metric IN ('film_companies', 'resident_companies') AND c.value IS NOT NULL
ORDER BY c.as_of DESC, c.claim_id
