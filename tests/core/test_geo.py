"""The committed geography: every country the data mentions can be drawn, no ring crosses the
antimeridian, exterior rings wind the way plotly fills, and the files stay small."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from etl import geo
from filmdash.core import db
from filmdash.core import geo as mapgeo
from tests.shipped import rows as sql

ROOT = Path(__file__).resolve().parents[2]
GEO = ROOT / "data" / "geo"
TOPOJSON = ROOT / "static" / "topojson"
BOUNDARY_LIMIT = 600_000  # bytes: the boundary file is read by every map page
GEO_DIR_LIMIT = 1_500_000



def mentioned_countries() -> set[str]:
    rows = sql("""
        SELECT country_iso2 FROM production_countries
        UNION SELECT member_id FROM memberships WHERE member_type = 'country'
        UNION SELECT country_iso2 FROM cities""")
    return {r[0] for r in rows}


def rings(feature):
    for polygon in feature["geometry"]["coordinates"]:
        yield from polygon


def test_every_country_the_data_mentions_has_a_polygon_or_a_documented_point():
    codes = {f["id"] for f in mapgeo.boundaries()["features"]}
    points = set(mapgeo.country_points().index)
    mentioned = mentioned_countries()
    assert len(mentioned) >= 40
    assert mentioned - codes - set(geo.DOCUMENTED_POINTS) == set()
    assert mentioned - points == set()  # every one also has a point (arcs, points-only mode)
    assert {"HK", "MV", "BH", "RU", "FJ", "CN"} <= codes  # Hong Kong exists only from 1:50m up


def test_no_ring_crosses_the_antimeridian():
    worst = {f["id"]: max(abs(b[0] - a[0]) for ring in rings(f) for a, b in zip(ring, ring[1:]))
             for f in mapgeo.boundaries()["features"]}
    assert max(worst.values()) <= 180, {k: v for k, v in worst.items() if v > 180}
    # Russia and Fiji were split: they now have parts on both sides of 180°
    for code in ("RU", "FJ"):
        feature = next(f for f in mapgeo.boundaries()["features"] if f["id"] == code)
        lons = [p[0] for ring in rings(feature) for p in ring]
        assert min(lons) < -170 and max(lons) > 170, code


def test_exterior_rings_are_clockwise_and_holes_counter_clockwise():
    for feature in mapgeo.boundaries()["features"]:
        for polygon in feature["geometry"]["coordinates"]:
            assert geo.is_clockwise(polygon[0]), feature["id"]
            assert all(not geo.is_clockwise(hole) for hole in polygon[1:]), feature["id"]


def test_coordinates_are_rounded_and_ids_are_iso_alpha2():
    features = mapgeo.boundaries()["features"]
    assert len(features) == 235
    for feature in features:
        assert len(feature["id"]) == 2 and feature["id"].isupper() and feature["id"] == feature["properties"]["iso2"]
        for ring in rings(feature):
            assert all(round(x, 2) == x and round(y, 2) == y for x, y in ring), feature["id"]
            assert ring[0] == ring[-1] and len(ring) >= 4


def test_files_stay_small():
    assert (GEO / "countries.geojson").stat().st_size < BOUNDARY_LIMIT
    assert sum(p.stat().st_size for p in GEO.iterdir()) < GEO_DIR_LIMIT
    assert (GEO / "PROVENANCE.md").exists() and (TOPOJSON / "PROVENANCE.md").exists()


def test_country_points_are_representative_points_inside_the_country():
    from shapely.geometry import Point, shape

    points = mapgeo.country_points()
    features = {f["id"]: f for f in mapgeo.boundaries()["features"]}
    assert set(points["method"]) == {"representative_point"}
    for code in ("CN", "RU", "FR", "US", "HK", "KZ", "GB", "IN"):
        polygon = shape(features[code]["geometry"]).buffer(0.1)  # simplified outline, a little slack
        assert polygon.contains(Point(points.at[code, "lon"], points.at[code, "lat"])), code
    assert -10 < points.at["FR", "lon"] < 10  # metropolitan France, not French Guiana


def test_split_antimeridian_on_a_polygon_crossing_180():
    from shapely.geometry import Polygon

    crossing = Polygon([(170, 0), (-170, 0), (-170, 10), (170, 10), (170, 0)])  # 20° wide, over 180°
    parts = geo.split_antimeridian(crossing)
    assert len(parts) == 2
    bounds = sorted(p.bounds for p in parts)
    assert bounds == [(-180.0, 0.0, -170.0, 10.0), (170.0, 0.0, 180.0, 10.0)]
    assert all(geo.max_lon_jump(p) <= 180 for p in parts)
    plain = Polygon([(0, 0), (10, 0), (10, 10), (0, 0)])
    assert geo.split_antimeridian(plain) == [plain]


def test_polygon_rings_wind_for_plotly():
    from shapely.geometry import Polygon

    counter_clockwise = Polygon([(0, 0), (1, 0), (1, 1), (0, 1)], [[(0.2, 0.2), (0.2, 0.4), (0.4, 0.4)]])
    exterior, hole = geo.polygon_rings(counter_clockwise)
    assert geo.is_clockwise(exterior) and not geo.is_clockwise(hole)
    assert exterior == [[0.0, 0.0], [0.0, 1.0], [1.0, 1.0], [1.0, 0.0], [0.0, 0.0]]


@pytest.mark.parametrize("name, size", [("world_110m.json", 136_642), ("world_50m.json", 1_100_027)])
def test_plotly_base_map_is_shipped(name, size):
    path = TOPOJSON / name
    assert path.stat().st_size == size
    topology = json.loads(path.read_text(encoding="utf-8"))
    assert topology["type"] == "Topology"
    assert {"countries", "land", "coastlines", "ocean"} <= set(topology["objects"])


# --- the world-zoom copy: simplified, same countries, same winding ---------------------------------

def test_simplify_ring_drops_points_within_the_tolerance():
    square = [[0, 0], [0, 1], [0, 2], [1, 2], [2, 2], [2, 1], [2, 0], [1, 0], [0, 0]]
    assert mapgeo.simplify_ring(square, 0.2) == [[0, 0], [0, 2], [2, 2], [2, 0], [0, 0]]
    small = [[0, 0], [0, 1], [1, 1], [0, 0]]
    assert mapgeo.simplify_ring(small, 0.2) == small  # too few points to simplify
    sliver = [[0, 0], [0, 0.05], [0.05, 0.1], [0.1, 0.05], [0.1, 0], [0.05, -0.05], [0, 0]]
    assert mapgeo.simplify_ring(sliver, 0.2) == sliver  # would collapse: kept as it was


def test_world_boundaries_keep_every_country_and_its_winding_with_fewer_points():
    full, world = mapgeo.boundaries()["features"], mapgeo.world_boundaries()["features"]
    assert [f["id"] for f in world] == [f["id"] for f in full]
    assert [f["properties"] for f in world] == [f["properties"] for f in full]
    for feature in world:
        for polygon in feature["geometry"]["coordinates"]:
            assert geo.is_clockwise(polygon[0]), feature["id"]
            assert all(not geo.is_clockwise(hole) for hole in polygon[1:]), feature["id"]
            assert all(ring[0] == ring[-1] and len(ring) >= 4 for ring in polygon), feature["id"]
    def n_points(features):
        return sum(len(ring) for feature in features for ring in rings(feature))

    assert n_points(world) < 0.6 * n_points(full)
    sco = sorted(db.query("map_sco")["iso2"])
    size = len(json.dumps(mapgeo.boundaries_for(sco, mapgeo.world_boundaries()), separators=(",", ":")))
    assert size < 45_000  # what the world map carries for the SCO countries


def test_the_world_map_carries_the_simplified_boundaries_a_regional_one_the_full():
    empty = db.query("map_cities").head(0)
    sco = db.query("map_sco")
    links = db.query("map_links", year_from=1900, year_to=2100, statuses=[]).head(0)
    places = db.query("map_places", kinds=[]).head(0)
    world = mapgeo.map_figure(empty, sco, links, places, layers=["sco"], zoom="world", lang="en")
    region = mapgeo.map_figure(empty, sco, links, places, layers=["sco"], zoom="east_asia", lang="en")
    wanted = {f["id"]: f for f in mapgeo.world_boundaries()["features"]}
    exact = {f["id"]: f for f in mapgeo.boundaries()["features"]}
    for tr_world, tr_region in zip(world.data, region.data):
        assert [f["id"] for f in tr_world.geojson["features"]] == list(tr_world.locations)
        assert all(f == wanted[f["id"]] for f in tr_world.geojson["features"])
        assert all(f == exact[f["id"]] for f in tr_region.geojson["features"])
