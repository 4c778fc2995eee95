-- Every place with each place it lies in, itself included (hops 0): the one walk up the places' parents that
-- dim_places (its path) and place_cities (the cities a region or province contains) both read.
-- [zh] 每个地方及其所在的各级地方（包括自身，hops 为 0）：沿上级逐级上溯的唯一一次遍历，dim_places（其路径）和 place_cities（地区或省所含的城市）都读取它。
-- @grain: place_id, ancestor_id
-- place_id: The place (places.place_id).
-- place_id [zh]: 地方（places.place_id）。
-- ancestor_id: The place itself (hops 0), its parent (1), the parent's parent (2) ...
-- ancestor_id [zh]: 地方自身（hops 0）、其上级（1）、上级的上级（2）……
-- hops: How many steps up from place_id to ancestor_id.
-- hops [zh]: 从 place_id 到 ancestor_id 上溯的级数。
WITH RECURSIVE up(place_id, ancestor_id, hops) AS (
    SELECT place_id, place_id, 0 FROM places
    UNION ALL
    SELECT up.place_id, p.parent_id, up.hops + 1
    FROM up JOIN places p ON p.place_id = up.ancestor_id
    WHERE p.parent_id IS NOT NULL AND up.hops < 20
)
SELECT place_id, ancestor_id, hops FROM up ORDER BY place_id, hops
