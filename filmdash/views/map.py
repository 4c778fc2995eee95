"""The Map page's content: what the map shows for the page's inputs, the table under it, its
takeaway and the clicked city or country. The figure itself is drawn by filmdash.core.geo."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from filmdash.core import db
from filmdash.core.cache import shared
from filmdash.core.geo import LAYER_KINDS, LAYERS, SCO_STATUSES, map_figure, status_label
from filmdash.core.i18n import date_text, language, name, t
from filmdash.core.ids import split_ids, unique_ids

SELECTION_PARAM = "sel"  # ?sel=city:qingdao or ?sel=country:CN


def parse_selection(raw: str | None) -> tuple[str, str] | None:
    """'city:qingdao' -> ('city', 'qingdao'); 'country:CN' -> ('country', 'CN'); else None."""
    if not raw or ":" not in raw:
        return None
    kind, _, value = raw.partition(":")
    if kind not in ("city", "country") or not value:
        return None
    return kind, value.upper() if kind == "country" else value


def selection_from_points(points) -> str | None:
    """The first clicked city or country in a plotly selection, as it goes in the URL."""
    for point in points or []:
        data = point.get("customdata") if hasattr(point, "get") else None
        if isinstance(data, list | tuple) and len(data) >= 2 and data[0] in ("city", "country") and data[1]:
            return f"{data[0]}:{data[1]}"
        location = point.get("location") if hasattr(point, "get") else None
        if isinstance(location, str) and location:
            return f"country:{location}"
    return None


# --- the table under the map ------------------------------------------------------------------

def country_name_map(names: pd.DataFrame, lang: str | None = None) -> dict[str, str]:
    lang = lang or language()
    return {r["iso2"]: name(r, lang=lang) or r["iso2"] for r in names.to_dict("records")}


def selection_label(selected: tuple[str, str] | None, cities: pd.DataFrame, country_names: dict[str, str],
                    lang: str | None = None) -> str:
    """The clicked place's name, as the table's caption says it."""
    lang = lang or language()
    if not selected:
        return ""
    kind, value = selected
    if kind == "city":
        row = cities[cities["city_id"] == value]
        return name(row.iloc[0], lang=lang) if not row.empty else value
    return country_names.get(value, value)


def unplaced_cities(cities: pd.DataFrame, lang: str | None = None) -> list[str]:
    """Cities of Film the map cannot draw (no GeoNames coordinates), by name."""
    lang = lang or language()
    missing = cities[cities["lat"].isna() & cities["is_city_of_film"].fillna(False).astype(bool)]
    return [name(r, lang=lang) for r in missing.to_dict("records")]


def item_codes(*frames_and_columns) -> list[str]:
    """Every ISO code in the given (frame, column) pairs; ' | ' lists are split."""
    codes = set()
    for frame, column in frames_and_columns:
        for value in frame[column].dropna():
            codes.update(split_ids(value))
    return sorted(codes)


def items_table(items: pd.DataFrame, country_names: dict[str, str], lang: str | None = None) -> pd.DataFrame:
    """What the map shows, one row per thing, in the reader's language."""
    lang = lang or language()

    def countries(value) -> str:
        if not isinstance(value, str) or not value:
            return t("no_data", lang)
        return t("list_separator", lang).join(country_names.get(c, c) for c in value.split(" | "))

    records = items.to_dict("records")
    return pd.DataFrame({
        t("map_col_kind", lang): [t(f"map_kind_{r['kind']}", lang) for r in records],
        t("map_col_name", lang): [name(r, lang=lang) for r in records],
        t("map_col_city", lang): [name(r, "city_name", lang) or t("no_data", lang) for r in records],
        t("map_col_countries", lang): [countries(r["countries"]) for r in records],
        t("map_col_status", lang): [status_label(r["status"], lang) for r in records],
        t("map_col_date", lang): [date_text(r["date"], lang) for r in records],
        t("map_col_source", lang): [r["publisher"] if isinstance(r["publisher"], str) else t("no_data", lang)
                                    for r in records],
    }, dtype=object)


def takeaway(cities: pd.DataFrame, sco: pd.DataFrame, links: pd.DataFrame, places: pd.DataFrame,
             layers=LAYERS, lang: str | None = None) -> str:
    """One sentence on what the map shows, computed from the data drawn."""
    lang = lang or language()
    layers, parts = set(layers), []
    if "cities" in layers:
        n = int(cities["is_city_of_film"].fillna(False).astype(bool).sum())
        parts.append(t("map_takeaway_cities", lang, n=n))
    if "sco" in layers and not sco.empty:
        counts = sco["status"].value_counts()
        statuses = t("map_takeaway_sco_separator", lang).join(
            t(f"map_takeaway_sco_{status}", lang, n=int(counts[status]))
            for status in SCO_STATUSES if counts.get(status, 0))
        parts.append(t("map_takeaway_sco", lang, n=sco["iso2"].nunique(), statuses=statuses))
    if "links" in layers:
        if links.empty:
            parts.append(t("map_takeaway_no_links", lang))
        else:
            top = links.sort_values(["titles", "country_a", "country_b"], ascending=[False, True, True]).iloc[0]
            parts.append(t("map_takeaway_links", lang, n=len(links), a=name(top, "a_name", lang),
                           b=name(top, "b_name", lang), titles=int(top["titles"])))
    for kind, layer in (("studio", "studios"), ("event", "events")):
        part = places[places["kind"] == kind]
        if layer in layers and not part.empty:
            parts.append(t(f"map_takeaway_{layer}", lang, n=len(part), cities=part["city_id"].nunique()))
    if not parts:
        return t("map_takeaway_nothing", lang)
    return t("map_takeaway", lang, parts=t("list_separator", lang).join(parts))


# --- cached views (the one place this module runs queries) -------------------------------------

def _link_params(year_from: int, year_to: int, statuses: tuple) -> dict:
    return {"year_from": year_from, "year_to": year_to, "statuses": list(statuses)}


@shared(maxsize=128)
def figure_view(warehouse: str, layers: tuple, zoom: str, points_only: bool, selected: tuple | None,
                year_from: int, year_to: int, statuses: tuple, lang: str) -> go.Figure:
    """The map for these inputs, built once per warehouse, inputs and language: switching back to
    a view already seen reuses its figure."""
    del warehouse  # part of the cache key
    kinds = [LAYER_KINDS[layer] for layer in layers]
    return map_figure(db.query("map_cities"), db.query("map_sco"),
                      db.query("map_links", **_link_params(year_from, year_to, statuses)),
                      db.query("map_places", kinds=kinds), layers=layers, zoom=zoom, points_only=points_only,
                      selected=selected, lang=lang)


@dataclass(frozen=True)
class MapPage:
    """Everything on the map page but the figure: the box's takeaway, table and sources; the table
    the map filters (listed: the rows of the clicked place, or all) and its sources, its CSV built only
    when its download is clicked; the Cities of Film the map cannot place; the clicked place's name."""
    takeaway: str
    shown_table: pd.DataFrame
    source_ids: tuple[str, ...]
    table: pd.DataFrame
    listed_ids: tuple[str, ...]
    unplaced: tuple[str, ...]
    place: str


@shared(maxsize=128)
def page_view(warehouse: str, layers: tuple, selected: tuple | None, year_from: int, year_to: int, statuses: tuple,
              lang: str) -> MapPage:
    del warehouse  # part of the cache key
    link_params = _link_params(year_from, year_to, statuses)
    kinds = [LAYER_KINDS[layer] for layer in layers]
    cities = db.query("map_cities")
    sco = db.query("map_sco")
    links = db.query("map_links", **link_params)
    places = db.query("map_places", kinds=kinds)
    shown = db.query("map_items", kinds=kinds, city="", country="", **link_params)
    listed = db.query("map_items", kinds=kinds, city=selected[1] if selected and selected[0] == "city" else "",
                      country=selected[1] if selected and selected[0] == "country" else "", **link_params)
    names = db.query("map_country_names", codes=item_codes((shown, "countries"), (cities, "country_iso2"),
                                                           (links, "country_a"), (links, "country_b")))
    country_names = country_name_map(names, lang)
    table = items_table(listed, country_names, lang)
    return MapPage(
        takeaway=takeaway(cities, sco, links, places, layers, lang),
        shown_table=items_table(shown, country_names, lang),
        source_ids=tuple(unique_ids(shown["source_id"].dropna().tolist(), links["source_ids"].explode().tolist())),
        table=table, listed_ids=tuple(listed["source_id"].dropna()),
        unplaced=tuple(unplaced_cities(cities, lang)) if "cities" in layers else (),
        place=selection_label(selected, cities, country_names, lang) if selected else "",
    )
