"""The world map as a figure: pure builders (DataFrames in, a plotly geo Figure out), shared by the
Overview, Co-productions and Map views.

Layers (each switchable): UNESCO Cities of Film, SCO statuses, co-production links, studios,
events; the seeds' cities are always highlighted and labelled, every other name is on hover only.
Boundaries are Natural Earth's (data/geo, built by etl/geo.py); "points only" draws no border at
all. The base map comes from static/topojson through the app's plotly config, never a CDN.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go

from etl.schema import MEMBER_STATUSES
from filmdash.core.charts import plain, plain_inputs
from filmdash.core.document import font_family
from filmdash.core.i18n import date_text, language, name, number, t
from filmdash.core.paths import ROOT
from filmdash.core.seeds import SEED_CITIES
from filmdash.core.style import OKABE_ITO, STATUS_COLOURS, base_layout

GEO_DIR = ROOT / "data" / "geo"
LAYERS = ("cities", "sco", "links", "studios", "events")
LAYER_KINDS = {"cities": "city-of-film", "sco": "sco", "links": "coproduction", "studios": "studio",
               "events": "event"}
# "partner" replaced "observer" and "dialogue-partner" at the Tianjin summit (2025-09-01); the older
# two stay for the history rows and for any data that still has one open.
SCO_STATUSES = tuple(s for s in MEMBER_STATUSES if s != "city-of-film")
MODES = ("borders", "points")
# Zoom presets: the window of longitude and latitude shown (world: the whole globe).
ZOOMS = {
    "world": {"lon": (-180, 180), "lat": (-58, 84), "rotation": 0, "resolution": 110},
    "east_asia": {"lon": (92, 150), "lat": (14, 52), "rotation": 121, "resolution": 50},
    "europe": {"lon": (-13, 45), "lat": (34, 66), "rotation": 16, "resolution": 50},
    "central_asia": {"lon": (44, 92), "lat": (28, 58), "rotation": 68, "resolution": 50},
}
# Where each seed city's label sits, so the four labels never overlap at world zoom.
LABEL_POSITIONS = {"qingdao": "top right", "hangzhou": "middle right", "hong-kong": "bottom left",
                   "bradford": "top left"}
LABEL_SIZE = 19  # projector-friendly
CITY_COLOURSCALE = "Cividis"  # ordered, readable with colour-blindness
LINK_COLOUR = "#3F3F46"  # dark grey: apart from every status colour
STUDIO_COLOUR = OKABE_ITO[2]
EVENT_COLOUR = OKABE_ITO[4]
SEED_COLOUR = "#111827"
MAX_HOVER_NAMES = 6


# --- reference geography (committed files; read once) ----------------------------------------

@lru_cache(maxsize=1)
def boundaries() -> dict:
    """Natural Earth 1:50m countries as GeoJSON, feature id = ISO alpha-2 (data/geo/countries.geojson)."""
    return json.loads((GEO_DIR / "countries.geojson").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def country_points() -> pd.DataFrame:
    """A representative point per country (data/geo/country_points.csv), indexed by ISO alpha-2."""
    return pd.read_csv(GEO_DIR / "country_points.csv", keep_default_na=False).set_index("iso2")


# At world zoom one degree is a few pixels: a simplified copy of the same boundaries looks the
# same and keeps the page light (the figure carries the polygons of every coloured country).
WORLD_TOLERANCE = 0.2  # degrees: about a pixel on a 1600-pixel world map


def _signed_area(ring) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2


def simplify_ring(ring: list, tolerance: float) -> list:
    """Douglas-Peucker on a closed ring, rounded to 0.01 degree. A ring that would collapse or turn
    the other way (plotly fills by winding) is kept as it was."""
    if len(ring) <= 5:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    far = max(range(1, len(ring) - 1), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)
    keep[far] = True
    stack = [(0, far), (far, len(ring) - 1)]
    while stack:
        lo, hi = stack.pop()
        (x1, y1), (x2, y2) = ring[lo], ring[hi]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        best, best_i = 0.0, None
        for i in range(lo + 1, hi):
            x, y = ring[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if norm else math.hypot(x - x1, y - y1)
            if d > best:
                best, best_i = d, i
        if best_i is not None and best > tolerance:
            keep[best_i] = True
            stack += [(lo, best_i), (best_i, hi)]
    out = [[round(x, 2), round(y, 2)] for (x, y), k in zip(ring, keep) if k]
    if len(out) < 4 or _signed_area(out) * _signed_area(ring) <= 0:
        return ring
    return out


def simplify_boundaries(geojson: dict, tolerance: float = WORLD_TOLERANCE) -> dict:
    """The same features, ids and winding, with fewer points (see simplify_ring)."""
    features = []
    for feature in geojson["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        simplified = [[simplify_ring(ring, tolerance) for ring in polygon] for polygon in polygons]
        features.append({**feature, "geometry": {
            "type": geometry["type"], "coordinates": simplified if geometry["type"] == "MultiPolygon" else simplified[0]}})
    return {**geojson, "features": features}


@lru_cache(maxsize=1)
def world_boundaries() -> dict:
    """The boundaries simplified for world zoom (computed once)."""
    return simplify_boundaries(boundaries())


def boundaries_for(codes, geojson: dict | None = None) -> dict:
    """Only the features a figure needs: the page stays light."""
    wanted = set(codes)
    features = (geojson or boundaries())["features"]
    return {"type": "FeatureCollection", "features": [f for f in features if f["id"] in wanted]}


# --- small pure helpers --------------------------------------------------------------------

def esc(text) -> str:
    """Data in plotly hover labels (which render a little HTML) is escaped (charts.plain: idempotent,
    so a value that arrived plain is not escaped twice)."""
    return plain("" if text is None or (isinstance(text, float) and math.isnan(text)) else str(text))


def great_circle_midpoint(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    """Midpoint of the great circle plotly draws between two points (where a link's hover sits)."""
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    bx = math.cos(p2) * math.cos(l2 - l1)
    by = math.cos(p2) * math.sin(l2 - l1)
    lat = math.atan2(math.sin(p1) + math.sin(p2), math.sqrt((math.cos(p1) + bx) ** 2 + by ** 2))
    lon = l1 + math.atan2(by, math.cos(p1) + bx)
    return round(math.degrees(lat), 4), round((math.degrees(lon) + 540) % 360 - 180, 4)


def link_width(titles: int) -> float:
    """Line width grows with the number of titles, capped so one pair cannot hide the map."""
    return round(min(2.0 + 1.5 * (int(titles) - 1), 14.0), 1)


def status_label(status, lang: str) -> str:
    return t(f"map_status_{status}", lang) if isinstance(status, str) and status else t("no_data", lang)


def _source_line(publishers, lang: str) -> str:
    names = sorted({p for p in publishers if isinstance(p, str) and p})
    if not names:
        return t("map_hover_no_source", lang)
    return t("map_hover_source", lang, publisher=esc(t("list_separator", lang).join(names)))


# --- traces ---------------------------------------------------------------------------------

def _cities_trace(cities: pd.DataFrame, lang: str) -> go.Scattergeo | None:
    cof = cities[cities["is_city_of_film"].fillna(False).astype(bool) & cities["lat"].notna()]
    if cof.empty:
        return None
    hover = [
        f"<b>{esc(name(r, lang=lang))}</b> · {esc(name(r, 'country_name', lang))}<br>"
        + t("map_hover_city_of_film", lang, year=int(r["film_designation_year"]))
        + "<br>" + _source_line([r["publisher"]], lang)
        for r in cof.to_dict("records")]
    return go.Scattergeo(
        lat=cof["lat"], lon=cof["lon"], mode="markers", name=t("map_layer_cities", lang),
        marker={"size": 13, "color": cof["film_designation_year"], "colorscale": CITY_COLOURSCALE,
                "line": {"width": 1, "color": "white"}, "showscale": True,
                "colorbar": {"title": {"text": t("map_colorbar_year", lang)}, "len": 0.45, "thickness": 14,
                             "x": 1.0, "y": 0.72, "tickformat": "d"}},
        customdata=[["city", c] for c in cof["city_id"]], hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>", legendgroup="cities", legendrank=1)


def _previous_status_line(row: dict, lang: str) -> str:
    """'before that: observer since 17 Jun 2004' when the warehouse holds the status this one replaced."""
    previous = row.get("previous_status")
    if not isinstance(previous, str) or not previous:
        return ""
    return "<br>" + t("map_hover_sco_before", lang, status=status_label(previous, lang),
                      date=date_text(row.get("previous_start_date"), lang))


def _sco_traces(sco: pd.DataFrame, points_only: bool, lang: str, geojson: dict | None) -> list:
    traces = []
    points = country_points()
    for rank, status in enumerate(SCO_STATUSES):
        part = sco[sco["status"] == status]
        if part.empty:
            continue
        hover = [
            f"<b>{esc(name(r, lang=lang))}</b><br>"
            + t("map_hover_sco", lang, status=status_label(status, lang), date=date_text(r["start_date"], lang))
            + _previous_status_line(r, lang)
            + "<br>" + _source_line([r["publisher"]], lang)
            for r in part.to_dict("records")]
        label = t("map_sco_legend", lang, status=status_label(status, lang))
        colour = STATUS_COLOURS[status]
        custom = [["country", c] for c in part["iso2"]]
        if points_only:
            placed = part["iso2"].isin(points.index)
            codes = part["iso2"][placed]
            traces.append(go.Scattergeo(
                lat=points.loc[codes, "lat"], lon=points.loc[codes, "lon"], mode="markers", name=label,
                marker={"size": 15, "symbol": "hexagon", "color": colour, "line": {"width": 1, "color": "white"},
                        "opacity": 0.85},
                customdata=[c for c, ok in zip(custom, placed) if ok],
                hovertext=[h for h, ok in zip(hover, placed) if ok],
                hovertemplate="%{hovertext}<extra></extra>", legendrank=10 + rank))
        else:
            traces.append(go.Choropleth(
                geojson=boundaries_for(part["iso2"], geojson), featureidkey="id", locations=part["iso2"],
                z=[1] * len(part), colorscale=[[0, colour], [1, colour]], showscale=False, showlegend=True,
                name=label, marker={"line": {"color": "white", "width": 0.6}, "opacity": 0.78},
                customdata=custom, text=hover, hovertemplate="%{text}<extra></extra>", legendrank=10 + rank))
    return traces


def _link_traces(links: pd.DataFrame, lang: str) -> list:
    points = country_points()
    mids, mid_hover, ends = [], [], {}
    by_width: dict[float, tuple[list, list]] = {}  # one lines trace per width: fewer traces to redraw
    for r in links.to_dict("records"):
        a, b = r["country_a"], r["country_b"]
        if a not in points.index or b not in points.index:
            continue
        pa, pb = points.loc[a], points.loc[b]
        lat, lon = by_width.setdefault(link_width(r["titles"]), ([], []))
        lat += [pa["lat"], pb["lat"], None]  # None ends one link's great circle
        lon += [pa["lon"], pb["lon"], None]
        mids.append(great_circle_midpoint(pa["lat"], pa["lon"], pb["lat"], pb["lon"]))
        years = (str(r["first_year"]) if r["first_year"] == r["last_year"]
                 else t("range", lang, lo=r["first_year"], hi=r["last_year"]))
        mid_hover.append(
            f"<b>{esc(name(r, 'a_name', lang))} – {esc(name(r, 'b_name', lang))}</b><br>"
            + t("map_hover_link", lang, n=number(r["titles"], lang), years=years) + "<br>"
            + t("map_hover_link_sources", lang, n=len(r["source_ids"])))
        for code, prefix in ((a, "a_name"), (b, "b_name")):
            entry = ends.setdefault(code, {"name": name(r, prefix, lang), "titles": 0, "partners": 0})
            entry["titles"] += int(r["titles"])
            entry["partners"] += 1
    traces = [go.Scattergeo(
        lat=lat, lon=lon, mode="lines", line={"width": width, "color": LINK_COLOUR}, opacity=0.55,
        hoverinfo="skip", name=t("map_layer_links", lang), legendgroup="links", showlegend=i == 0, legendrank=20)
        for i, (width, (lat, lon)) in enumerate(sorted(by_width.items()))]
    if not traces:
        return []
    traces.append(go.Scattergeo(
        lat=[m[0] for m in mids], lon=[m[1] for m in mids], mode="markers", showlegend=False,
        marker={"size": 9, "color": LINK_COLOUR, "line": {"width": 1, "color": "white"}},
        hovertext=mid_hover, hovertemplate="%{hovertext}<extra></extra>", legendgroup="links"))
    codes = sorted(ends)
    traces.append(go.Scattergeo(
        lat=points.loc[codes, "lat"], lon=points.loc[codes, "lon"], mode="markers", showlegend=False,
        marker={"size": 8, "color": "white", "line": {"width": 2, "color": LINK_COLOUR}},
        customdata=[["country", c] for c in codes], legendgroup="links",
        hovertext=[f"<b>{esc(ends[c]['name'])}</b><br>"
                   + t("map_hover_link_country", lang, titles=ends[c]["titles"], partners=ends[c]["partners"])
                   for c in codes],
        hovertemplate="%{hovertext}<extra></extra>"))
    return traces


def _place_trace(places: pd.DataFrame, kind: str, lang: str) -> go.Scattergeo | None:
    part = places[(places["kind"] == kind) & places["lat"].notna()]
    if part.empty:
        return None
    rows, hover, custom = [], [], []
    for city_id, group in part.groupby("city_id", sort=True):
        records = group.to_dict("records")
        first = records[0]
        names = [esc(name(r, lang=lang)) for r in records]
        shown = names[:MAX_HOVER_NAMES] + ([t("map_hover_more", lang, n=len(names) - MAX_HOVER_NAMES)]
                                           if len(names) > MAX_HOVER_NAMES else [])
        hover.append(f"<b>{esc(name(first, 'city_name', lang))}</b><br>"
                     + t(f"map_hover_{kind}s", lang, n=len(records)) + "<br>" + "<br>".join(shown)
                     + "<br>" + _source_line(group["publisher"], lang))
        rows.append((first["lat"], first["lon"]))
        custom.append(["city", city_id])
    studio = kind == "studio"
    return go.Scattergeo(
        lat=[r[0] for r in rows], lon=[r[1] for r in rows], mode="markers",
        name=t(f"map_layer_{kind}s", lang),
        marker={"size": 18 if studio else 25, "symbol": "square-open" if studio else "diamond-open",
                "color": STUDIO_COLOUR if studio else EVENT_COLOUR, "line": {"width": 2.5}},
        customdata=custom, hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
        legendrank=30 if studio else 40)


def _seed_trace(cities: pd.DataFrame, lang: str) -> go.Scattergeo | None:
    seeds = cities[cities["city_id"].isin(SEED_CITIES) & cities["lat"].notna()]
    if seeds.empty:
        return None
    records = seeds.to_dict("records")
    hover = []
    for r in records:
        line = (t("map_hover_city_of_film", lang, year=int(r["film_designation_year"]))
                if pd.notna(r["film_designation_year"]) else t("map_hover_not_city_of_film", lang))
        hover.append(f"<b>{esc(name(r, lang=lang))}</b> · {esc(name(r, 'country_name', lang))}<br>{line}")
    return go.Scattergeo(
        lat=seeds["lat"], lon=seeds["lon"], mode="markers+text", name=t("map_layer_seeds", lang),
        text=[name(r, lang=lang) for r in records],
        textposition=[LABEL_POSITIONS.get(c, "top center") for c in seeds["city_id"]],
        textfont={"size": LABEL_SIZE, "color": SEED_COLOUR, "family": font_family(lang)},
        marker={"size": 17, "symbol": "circle-open", "color": SEED_COLOUR, "line": {"width": 3}},
        customdata=[["city", c] for c in seeds["city_id"]], hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>", legendrank=0)


def _selection_trace(selected: tuple[str, str] | None, cities: pd.DataFrame) -> go.Scattergeo | None:
    if not selected:
        return None
    kind, value = selected
    if kind == "city":
        row = cities[(cities["city_id"] == value) & cities["lat"].notna()]
        if row.empty:
            return None
        lat, lon = float(row["lat"].iloc[0]), float(row["lon"].iloc[0])
    else:
        points = country_points()
        if value not in points.index:
            return None
        lat, lon = float(points.at[value, "lat"]), float(points.at[value, "lon"])
    return go.Scattergeo(lat=[lat], lon=[lon], mode="markers", showlegend=False, hoverinfo="skip",
                         marker={"size": 40, "symbol": "circle-open", "color": OKABE_ITO[7], "line": {"width": 4}})


# --- the figure -----------------------------------------------------------------------------

def geo_layout(zoom: str, points_only: bool) -> dict:
    """The geo subplot: a zoom preset; with points_only no border of any kind is drawn."""
    preset = ZOOMS.get(zoom, ZOOMS["world"])
    return {
        "projection": {"type": "natural earth", "rotation": {"lon": preset["rotation"]}},
        "lonaxis": {"range": list(preset["lon"])}, "lataxis": {"range": list(preset["lat"])},
        "resolution": preset["resolution"],
        "showland": True, "landcolor": "#ECEEF1", "showocean": True, "oceancolor": "#F7FAFD",
        "showlakes": False, "showrivers": False, "showframe": False, "showsubunits": False,
        "showcountries": not points_only, "countrycolor": "#A3AAB4", "countrywidth": 0.6,
        "showcoastlines": not points_only, "coastlinecolor": "#A3AAB4", "coastlinewidth": 0.6,
        "bgcolor": "white",
    }


@plain_inputs
def map_figure(cities: pd.DataFrame, sco: pd.DataFrame, links: pd.DataFrame, places: pd.DataFrame,
               layers=LAYERS, zoom: str = "world", points_only: bool = False,
               selected: tuple[str, str] | None = None, lang: str | None = None,
               geojson: dict | None = None, height: int = 620) -> go.Figure:
    """The map with the layers asked for. Every country colour is a choropleth on Natural Earth's
    boundaries, unless points_only: then countries are markers and no border is drawn."""
    lang = lang or language()
    layers = set(layers)
    geojson = geojson or (world_boundaries() if zoom not in ZOOMS or zoom == "world" else None)
    traces: list = []
    if "sco" in layers:
        traces += _sco_traces(sco, points_only, lang, geojson)
    if "links" in layers:
        traces += _link_traces(links, lang)
    if "cities" in layers:
        traces.append(_cities_trace(cities, lang))
    if "studios" in layers:
        traces.append(_place_trace(places, "studio", lang))
    if "events" in layers:
        traces.append(_place_trace(places, "event", lang))
    traces.append(_seed_trace(cities, lang))
    traces.append(_selection_trace(selected, cities))
    fig = go.Figure([tr for tr in traces if tr is not None])
    layout = base_layout(lang=lang, height=height)
    layout["font"] = {"family": font_family(lang), "size": 16}
    layout["hoverlabel"] = {"font": {"family": font_family(lang), "size": 16}}
    fig.update_layout(**layout, geo=geo_layout(zoom, points_only), clickmode="event+select",
                      legend={"orientation": "h", "y": -0.02, "x": 0, "font": {"size": 16},
                              "itemsizing": "constant"})
    return fig
