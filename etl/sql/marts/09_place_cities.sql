-- Which dashboard cities each place concerns: the city a city, district or site is or lies in, and every city
-- that lies in a region or province. A city's page lists a place's figures under the place's own name.
-- [zh] 每个地方涉及本数据中的哪些城市：城市、区或场所本身所是或所在的城市，以及地区或省所含的每个城市。城市页面以地方自身的名称列出该地方的数字。
-- @grain: place_id, city_id
-- place_id: The place (places.place_id).
-- place_id [zh]: 地方（places.place_id）。
-- city_id: A city (cities.city_id) the place is, lies in or contains.
-- city_id [zh]: 该地方本身所是、所在或所包含的城市（cities.city_id）。
-- relation: 'is' (the city itself), 'inside' (a district or site in the city) or 'contains' (a region or province around it).
-- relation [zh]: 'is'（城市本身）、'inside'（城市中的区或场所）或 'contains'（包含该城市的地区或省）。
SELECT place_id, city_id,
       CASE WHEN place_type = 'city' THEN 'is' ELSE 'inside' END AS relation
FROM places WHERE city_id IS NOT NULL
UNION
SELECT up.ancestor_id, c.city_id, 'contains'
FROM place_ancestors up
JOIN places c ON c.place_id = up.place_id AND c.place_type = 'city'
JOIN places a ON a.place_id = up.ancestor_id AND a.place_type IN ('region', 'province')
ORDER BY place_id, city_id
