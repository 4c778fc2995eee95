-- Which dashboard cities each place concerns: the city a city, district or site is or lies in, and every city
-- that lies in a region or province. A city's page lists a place's figures under the place's own name.
-- @grain: place_id, city_id
-- place_id: The place (places.place_id).
-- city_id: A city (cities.city_id) the place is, lies in or contains.
-- relation: 'is' (the city itself), 'inside' (a district or site in the city) or 'contains' (a region or province around it).
SELECT place_id, city_id,
       CASE WHEN place_type = 'city' THEN 'is' ELSE 'inside' END AS relation
FROM places WHERE city_id IS NOT NULL
UNION
SELECT up.ancestor_id, c.city_id, 'contains'
FROM place_ancestors up
JOIN places c ON c.place_id = up.place_id AND c.place_type = 'city'
JOIN places a ON a.place_id = up.ancestor_id AND a.place_type IN ('region', 'province')
ORDER BY place_id, city_id
