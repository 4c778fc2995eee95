"""Country boundaries and points for the map, converted once from Natural Earth and committed.

`python -m etl reference` calls build_boundaries(). It reads world-atlas's countries-50m.json
(Natural Earth 1:50m Admin 0, public domain; 50m because Hong Kong and Macao exist only from 50m
up), then:

1. adds ISO 3166-1 alpha-2 codes: world-atlas ids are ISO numeric codes, mapped with pycountry;
   features without an ISO code (Kosovo, Somaliland, N. Cyprus, Siachen Glacier, Indian Ocean
   Ter.) and Antarctica (a ring around the pole; no data mentions it) are left out;
2. splits every polygon that crosses the antimeridian (Russia's Chukotka, Fiji) into a western
   and an eastern part, so no ring has a segment longer than 180 degrees of longitude (plotly
   would draw such a ring as a band around the world);
3. computes each country's representative point (geopandas representative_point: a point
   guaranteed inside the shape) on its largest polygon, before simplification, so arcs end on the
   mainland (France in Europe, not French Guiana);
4. simplifies (tolerance SIMPLIFY_DEGREES, topology kept per country), drops the slivers that
   simplification leaves (but never a country's largest part), rounds coordinates to DECIMALS
   places and orients exterior rings clockwise: plotly geo (d3-geo, spherical polygons) fills a
   counter-clockwise exterior ring as "everything but the country". GDAL's RFC7946 writer winds
   them the other way, so the GeoJSON is written here, not by GDAL.

Outputs: data/geo/countries.geojson (feature id = ISO alpha-2), data/geo/country_points.csv.
geopandas, shapely and pycountry are build-time dependencies; the app only reads the outputs.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEO_DIR = ROOT / "data" / "geo"
BOUNDARIES = GEO_DIR / "countries.geojson"
POINTS = GEO_DIR / "country_points.csv"
WORLD_ATLAS = "world-atlas@2.0.2"
SIMPLIFY_DEGREES = 0.04
DECIMALS = 2
MIN_PART_AREA = 0.02  # square degrees: slivers below this are dropped (a country's largest part never is)
MAX_BYTES = 1_000_000  # the boundary file must stay small: it is sent to every browser opening the map
LEFT_OUT = {"AQ"}  # Antarctica: a ring around the pole, mentioned by no data
# Countries the data may mention that have no polygon at 1:50m get a documented point here:
# iso2 -> (lat, lon, why). None is needed for the shipped data (Hong Kong, Maldives, Bahrain exist at 50m).
DOCUMENTED_POINTS: dict[str, tuple[float, float, str]] = {}


def world_atlas_file(name: str = "countries-50m.json") -> Path:
    """The world-atlas file: $WORLD_ATLAS_DIR if set, else installed with npm into a temp folder."""
    folder = os.environ.get("WORLD_ATLAS_DIR")
    if folder:
        return Path(folder) / name
    target = Path(tempfile.mkdtemp(prefix="world-atlas-"))
    subprocess.run(["npm", "install", "--silent", "--prefix", str(target), WORLD_ATLAS], check=True)
    return target / "node_modules" / "world-atlas" / name


def iso2_for(numeric) -> str | None:
    import pycountry

    if not isinstance(numeric, str) or not numeric.strip():
        return None
    country = pycountry.countries.get(numeric=numeric.zfill(3))
    return country.alpha_2 if country else None


def max_lon_jump(geometry) -> float:
    """The longest longitude step along any ring (> 180 means the ring crosses the antimeridian)."""
    import numpy as np

    jump = 0.0
    for polygon in getattr(geometry, "geoms", [geometry]):
        for ring in (polygon.exterior, *polygon.interiors):
            lons = np.asarray(ring.coords)[:, 0]
            if len(lons) > 1:
                jump = max(jump, float(np.abs(np.diff(lons)).max()))
    return jump


def split_antimeridian(polygon) -> list:
    """A polygon crossing 180° as its western and eastern parts, each within [-180, 180]."""
    from shapely import affinity
    from shapely.geometry import Polygon, box

    if max_lon_jump(polygon) <= 180:
        return [polygon]

    def shift(ring):
        return [((x + 360) if x < 0 else x, y) for x, y in ring.coords]

    shifted = Polygon(shift(polygon.exterior), [shift(r) for r in polygon.interiors]).buffer(0)
    parts = []
    for window, dx in ((box(-1, -90, 180, 90), 0), (box(180, -90, 361, 90), -360)):
        piece = shifted.intersection(window)
        for part in getattr(piece, "geoms", [piece]):
            if part.geom_type == "Polygon" and not part.is_empty:
                parts.append(affinity.translate(part, xoff=dx))
    return parts


def _ring(coords, clockwise: bool) -> list[list[float]] | None:
    """Rounded ring with repeated points removed, wound as asked; None when it degenerates."""
    out: list[list[float]] = []
    for x, y in coords:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or out[-1] != point:
            out.append(point)
    if len(out) < 4:
        return None
    area = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(out, out[1:]))  # > 0: counter-clockwise
    if area == 0:
        return None
    if (area < 0) != clockwise:
        out.reverse()
    return out


def polygon_rings(polygon) -> list[list[list[float]]] | None:
    """GeoJSON rings for plotly geo: exterior clockwise, holes counter-clockwise."""
    exterior = _ring(polygon.exterior.coords, clockwise=True)
    if exterior is None:
        return None
    holes = [h for h in (_ring(r.coords, clockwise=False) for r in polygon.interiors) if h]
    return [exterior, *holes]


def is_clockwise(ring: list[list[float]]) -> bool:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) < 0


def country_feature(iso2: str, name: str, polygons: list) -> dict | None:
    polygons = sorted(polygons, key=lambda p: p.area, reverse=True)
    kept = [polygons[0]] + [p for p in polygons[1:] if p.area >= MIN_PART_AREA]
    rings = []
    for polygon in kept:
        simple = polygon.simplify(SIMPLIFY_DEGREES, preserve_topology=True)
        for part in getattr(simple, "geoms", [simple]):
            converted = polygon_rings(part) if part.geom_type == "Polygon" else None
            if converted:
                rings.append(converted)
    if not rings:  # a tiny island country: keep its largest part unsimplified
        converted = polygon_rings(polygons[0])
        rings = [converted] if converted else []
    if not rings:
        return None
    return {"type": "Feature", "id": iso2, "properties": {"iso2": iso2, "name": name},
            "geometry": {"type": "MultiPolygon", "coordinates": rings}}


def build_boundaries(source: Path | None = None, out_dir: Path | None = None) -> str:
    import geopandas as gpd

    # 1. load
    source = source or world_atlas_file()
    out_dir = out_dir or GEO_DIR
    frame = gpd.read_file(source, layer="countries")
    assert len(frame) > 200, f"{source}: expected Natural Earth's ~240 countries, read {len(frame)}"

    # 2. process
    frame["iso2"] = frame["id"].map(iso2_for)
    frame = frame[frame["iso2"].notna() & ~frame["iso2"].isin(LEFT_OUT)]
    features, points = [], []
    for row in frame.sort_values("iso2").itertuples():
        polygons = [p for part in getattr(row.geometry, "geoms", [row.geometry]) for p in split_antimeridian(part)]
        assert all(max_lon_jump(p) <= 180 for p in polygons), f"{row.iso2}: a ring still crosses 180°"
        largest = max(polygons, key=lambda p: p.area)
        point = gpd.GeoSeries([largest]).representative_point().iloc[0]
        points.append({"iso2": row.iso2, "name_en": row.name, "lat": f"{point.y:.3f}", "lon": f"{point.x:.3f}",
                       "method": "representative_point"})
        feature = country_feature(row.iso2, row.name, polygons)
        if feature:
            features.append(feature)
    for iso2, (lat, lon, why) in sorted(DOCUMENTED_POINTS.items()):
        points.append({"iso2": iso2, "name_en": "", "lat": f"{lat:.3f}", "lon": f"{lon:.3f}", "method": why})

    # 3. save, after checking what we save
    text = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"),
                      ensure_ascii=False)
    assert len(text.encode()) < MAX_BYTES, f"boundaries are {len(text.encode())} bytes, over {MAX_BYTES}"
    for feature in features:
        for polygon in feature["geometry"]["coordinates"]:
            assert is_clockwise(polygon[0]), f"{feature['id']}: exterior ring not clockwise"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / BOUNDARIES.name).write_text(text + "\n", encoding="utf-8")
    with (out_dir / POINTS.name).open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(points[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(points)
    size = (out_dir / BOUNDARIES.name).stat().st_size
    return f"boundaries: {len(features)} countries, {size / 1024:.0f} KB; country points: {len(points)}"
