"""The Cities page's content: city groups, the claims comparison (absolute and per capita), the
documented counts and a city's profile.

Pure builders: DataFrames in, figures, sentences and tables out. The only exceptions are the
`cached_*` functions at the end, which run the named queries and cache the figure by its inputs
(the warehouse file, the parameters, the language): building plotly figures is most of a rerun.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go

from filmdash.core import charts, db, provenance
from filmdash.core.cache import ChartView, shared
from filmdash.core.charts import plain_inputs
from filmdash.core.i18n import (
    NAME_SUFFIX,
    date_text,
    language,
    missing,
    name,
    number,
    qualified,
    t,
    unit_name,
    with_unit,
)
from filmdash.core.selection import clicked_value
from filmdash.core.style import MUTED, OKABE_ITO, base_layout

DEFAULT_CITIES = ("qingdao", "hangzhou", "bradford", "hong-kong")
GROUPS = ("city_of_film", "sco", "chinese")
GROUP_COLUMNS = {"city_of_film": "is_city_of_film", "sco": "in_sco_member", "chinese": "is_chinese"}
MODES = ("absolute", "per_capita")
POPULATION = "population"
# Per capita for money (per person); per 100,000 inhabitants for everything counted.
MONEY_UNITS = ("CNY", "USD", "GBP", "RUB", "INR", "EUR", "KRW")
NO_PER_CAPITA_UNITS = ("percent", "text", "years")
COUNT_COLUMNS = ("companies", "studios", "productions_shot", "events", "partnerships")
STATUS_COLOURS = {"conflict": OKABE_ITO[3], "corroborated": OKABE_ITO[0], "single": OKABE_ITO[5]}


# --- the picker --------------------------------------------------------------------------------

def group_members(picker: pd.DataFrame, group: str) -> list[str]:
    """The city ids of a shortcut group, in the picker's order."""
    return picker.loc[picker[GROUP_COLUMNS[group]].astype(bool), "city_id"].tolist()


def city_labels(picker: pd.DataFrame, lang: str | None = None) -> dict[str, str]:
    """city_id -> 'Qingdao (China)' in the reader's script; searchable in the multiselect."""
    lang = lang or language()
    out = {}
    for row in picker.to_dict("records"):
        city, country = name(row, lang=lang), name(row, "country_name", lang)
        out[row["city_id"]] = f"{city} ({country})" if country and country != city else city
    return out


def metric_labels(metrics: pd.DataFrame, lang: str | None = None) -> dict[str, str]:
    lang = lang or language()
    return {row["metric"]: name(row, "label", lang) for row in metrics.to_dict("records")}


def default_metric(metrics: pd.DataFrame) -> str | None:
    """The metric covering most of the picked cities (the query's order); film companies on a tie."""
    if metrics.empty:
        return None
    top = metrics["cities"].max()
    tied = metrics.loc[metrics["cities"] == top, "metric"].tolist()
    return "film_companies" if "film_companies" in tied else tied[0]


def units(claims: pd.DataFrame) -> list[str]:
    """The units the numeric claims come in, most claims first: currencies never share an axis."""
    numeric = claims.dropna(subset=["value_base"])
    if numeric.empty:
        return []
    counts = numeric.groupby("unit").size().reset_index(name="n")
    return counts.sort_values(["n", "unit"], ascending=[False, True])["unit"].tolist()


def per_capita_possible(unit: str | None) -> bool:
    return unit is not None and unit not in NO_PER_CAPITA_UNITS


def per_capita_factor(unit: str) -> int:
    return 1 if unit in MONEY_UNITS else 100_000


# --- population and the comparison rows ---------------------------------------------------------

def city_level(claims: pd.DataFrame) -> pd.Series:
    """True for a claim about the whole city, False for one about a place inside or around it (a district,
    a studio base, a province: cities_claims.place_type)."""
    if "place_type" not in claims.columns:
        return pd.Series(True, index=claims.index)
    return claims["place_type"].isna() | (claims["place_type"] == "city")


def place_label(row: dict, lang: str | None = None) -> str:
    """The place a claim measures, in the reader's script: the city itself, or the district, base or
    province by its own name ('Qingdao West Coast New Area', '青岛西海岸新区'), with the city in
    brackets where the name does not say it ('Media City (Potsdam)')."""
    lang = lang or language()
    city = name(row, lang=lang)
    kind = row.get("place_type")
    if missing(kind) or kind == "city":
        return city
    place = name(row, "place_name", lang) or str(row.get("place_id"))
    if kind in ("district", "site") and city and city not in place:
        return f"{place} ({city})"
    return place


def population_used(population: pd.DataFrame) -> pd.DataFrame:
    """Per city, the population claim per-capita figures divide by: the latest numeric one
    (a corroborated one first on the same date, then the claim id, so the choice is stable). Only a
    population of the whole city counts: a district's or a province's is not the city's."""
    cols = ["city_id", "population", "population_as_of", "population_claim_id", "population_source_id",
            "population_publisher", "population_qualifier"]
    numeric = population[city_level(population)].dropna(subset=["value_base"])
    numeric = numeric[numeric["value_base"] > 0]
    if numeric.empty:
        return pd.DataFrame(columns=cols)
    ordered = numeric.sort_values(["city_id", "as_of", "corroborated", "claim_id"],
                                  ascending=[True, False, False, True])
    first = ordered.groupby("city_id", sort=False).head(1)
    return pd.DataFrame({
        "city_id": first["city_id"], "population": first["value_base"], "population_as_of": first["as_of"],
        "population_claim_id": first["claim_id"], "population_source_id": first["source_id"],
        "population_publisher": first["publisher"], "population_qualifier": first["qualifier"],
    }).reset_index(drop=True)


def comparison_rows(claims: pd.DataFrame, cities: pd.DataFrame, population: pd.DataFrame,
                    unit: str | None, mode: str = "absolute", lang: str | None = None) -> pd.DataFrame:
    """One row per claim (every claim, not one per city) in `unit`, in the cities' order; a city
    without a claim in that unit gets one row with no value (shown as 'no data', never 0).
    `cities` is the picked cities in order (city_id and names); `population` is population_used().
    A claim about a place inside or around the city keeps that place as its label ('place') and
    `whole_city` False; it is never divided by the city's population."""
    lang = lang or language()
    pop = population.set_index("city_id") if not population.empty else pd.DataFrame()
    in_unit = claims[(claims["unit"] == unit) & claims["value_base"].notna()] if unit else claims.iloc[0:0]
    rows = []
    for city in cities.to_dict("records"):
        city_name = name(city, lang=lang)
        mine = in_unit[in_unit["city_id"] == city["city_id"]]
        has_pop = city["city_id"] in pop.index
        base = {"city_id": city["city_id"], "city": city_name, "place": city_name, "whole_city": True,
                "population": pop.at[city["city_id"], "population"] if has_pop else None,
                "population_as_of": pop.at[city["city_id"], "population_as_of"] if has_pop else None,
                "population_source_id": pop.at[city["city_id"], "population_source_id"] if has_pop else None}
        whole_mask = city_level(mine)
        if not whole_mask.any():  # no figure for the whole city: say so, then any place's own figures
            rows.append({**base, "claim_id": None, "value": None, "shown": None, "qualifier": None,
                         "as_of": None, "publisher": None, "source_id": None, "quote": None, "url": None,
                         "corroborated": None, "in_conflict": None})
        for claim in pd.concat([mine[whole_mask], mine[~whole_mask]]).to_dict("records"):
            whole = missing(claim.get("place_type")) or claim.get("place_type") == "city"
            shown = claim["value_base"]
            if mode == "per_capita":
                shown = (claim["value_base"] / base["population"] * per_capita_factor(unit)
                         if has_pop and whole else None)
            rows.append({**base, "place": place_label({**city, **claim}, lang), "whole_city": whole,
                         "claim_id": claim["claim_id"], "value": claim["value_base"], "shown": shown,
                         "qualifier": claim["qualifier"], "as_of": claim["as_of"],
                         "publisher": claim["publisher"], "source_id": claim["source_id"], "quote": claim["quote"],
                         "url": claim["url"], "corroborated": bool(claim["corroborated"]),
                         "in_conflict": bool(claim["in_conflict"])})
    return pd.DataFrame(rows)


def short_number(value, lang: str | None = None) -> str:
    """number(), but small per-capita values keep three significant digits instead of rounding to 0."""
    lang = lang or language()
    if missing(value):
        return t("no_data", lang)
    if value != 0 and abs(value) < 1:
        return f"{value:.3g}"
    if abs(value) < 100 and value != int(value):
        return f"{value:.3g}"
    return number(value, lang)


def value_text(row: dict, unit: str | None, mode: str = "absolute", lang: str | None = None) -> str:
    """'more than 4,000', '245 m USD', '2.86 per 100,000 people'; 'no data' for a missing value."""
    lang = lang or language()
    if missing(row.get("shown")):
        if mode == "per_capita" and not missing(row.get("value")):
            if row.get("whole_city") is False:
                return t("cities_no_population_place", lang)
            return t("cities_no_population", lang)
        return t("no_data", lang)
    text = qualified(short_number(row["shown"], lang), row.get("qualifier"), lang)
    if mode == "per_capita":
        per = t("cities_per_person", lang) if per_capita_factor(unit) == 1 else t("cities_per_100k", lang)
        return f"{text} {unit} {per}" if unit in MONEY_UNITS else f"{text} {per}"
    return with_unit(text, unit, lang)


def status(row: dict) -> str:
    if row.get("in_conflict"):
        return "conflict"
    return "corroborated" if row.get("corroborated") else "single"


def _row_labels(rows: pd.DataFrame, lang: str) -> list[str]:
    labels, seen = [], {}
    for row in rows.to_dict("records"):
        if missing(row["claim_id"]):
            label = row["city"]
        else:
            publisher = str(row["publisher"])
            publisher = publisher if len(publisher) <= 26 else publisher[:25] + "…"
            label = f"{row.get('place') or row['city']} · {date_text(row['as_of'], lang)} · {publisher}"
        seen[label] = seen.get(label, 0) + 1
        labels.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return labels


@plain_inputs
def comparison_figure(rows: pd.DataFrame, unit: str | None, mode: str = "absolute",
                      lang: str | None = None) -> go.Figure:
    """Horizontal bars, one per claim, grouped by city; colour says whether sources agree.
    A city with no figure gets a 'no data' label and no bar. customdata[0] is the city id."""
    lang = lang or language()
    fig = go.Figure()
    if rows.empty:
        fig.update_layout(**base_layout(lang=lang, height=240))
        return fig
    rows = rows.copy()
    rows["label"] = _row_labels(rows, lang)
    rows["text"] = [value_text(r, unit, mode, lang) for r in rows.to_dict("records")]
    rows["status"] = [status(r) for r in rows.to_dict("records")]
    with_value = rows[rows["shown"].notna()]
    for key in ("conflict", "corroborated", "single"):
        part = with_value[with_value["status"] == key]
        fig.add_trace(go.Bar(
            y=part["label"], x=part["shown"], orientation="h", name=t(f"cities_status_{key}", lang),
            marker_color=STATUS_COLOURS[key], text=part["text"], textposition="outside", cliponaxis=False,
            customdata=list(zip(part["city_id"], part["quote"].fillna(""))),
            hovertemplate="%{y}<br>%{text}<br>“%{customdata[1]}”<extra></extra>",
            visible=True if not part.empty else "legendonly", showlegend=not part.empty,
        ))
    empty = rows[rows["shown"].isna()]
    if not empty.empty:
        fig.add_trace(go.Scatter(
            y=empty["label"], x=[0] * len(empty), mode="text", text=empty["text"], textposition="middle right",
            textfont={"color": MUTED}, customdata=list(zip(empty["city_id"], [""] * len(empty))),
            showlegend=False, hovertemplate="%{y}: %{text}<extra></extra>",
        ))
    top = float(with_value["shown"].max()) if not with_value.empty else 1.0
    fig.update_layout(**{**base_layout(lang=lang, height=max(260, 110 + 34 * len(rows))), "margin": {"l": 10, "r": 10, "t": 40, "b": 10}},
                      barmode="overlay",
                      legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom"}, bargap=0.25)
    fig.update_yaxes(categoryorder="array", categoryarray=rows["label"].tolist(), autorange="reversed")
    title = t("cities_axis_per_capita", lang) if mode == "per_capita" else t("axis_value_reported", lang)
    fig.update_xaxes(range=[0, top * 1.45 or 1], gridcolor="#E5E7EB",
                     **charts.value_axis(top * 1.45 or 1, lang, fmt=short_number),
                     title_text=title + (f" ({unit_name(unit, lang)})" if unit not in (None, "count") else ""))
    return fig


def _join(lang: str) -> str:
    """Sentences are separated by a space in English, by nothing in Chinese."""
    return " " if lang == "en" else ""


def comparison_takeaway(rows: pd.DataFrame, label: str, unit: str | None, mode: str = "absolute",
                        lang: str | None = None) -> str:
    """'2 of 4 cities have a figure for Film and TV companies (5 claims); the highest is Qingdao:
    more than 4,000 (2021-09). No data: Bradford, Hong Kong.'"""
    lang = lang or language()
    places = _places_sentence(rows, lang)
    whole = rows[rows["whole_city"].astype(bool)] if "whole_city" in rows.columns else rows
    if whole.empty or whole["shown"].isna().all():
        return t("cities_takeaway_none", lang, label=label) + places
    cities = rows.drop_duplicates("city_id")
    with_value = whole[whole["shown"].notna()]
    have = with_value["city_id"].nunique()
    top = with_value.sort_values(["shown", "as_of"], ascending=[False, True]).iloc[0]
    text = t("cities_takeaway", lang, n=have, total=len(cities), label=label, claims=len(with_value),
             city=top["city"], value=value_text(top.to_dict(), unit, mode, lang), as_of=date_text(top["as_of"], lang))
    absent = [c for c in cities["city"] if c not in set(with_value["city"])]
    if absent:
        text += _join(lang) + t("cities_takeaway_missing", lang, cities=t("list_separator", lang).join(absent))
    if with_value["in_conflict"].astype(bool).any():
        text += _join(lang) + t("cities_takeaway_conflict", lang)
    return text + places


def _places_sentence(rows: pd.DataFrame, lang: str) -> str:
    """The sentence naming the places (not whole cities) whose figures the comparison shows, or ''."""
    if "whole_city" not in rows.columns:
        return ""
    inside = rows[~rows["whole_city"].astype(bool) & rows["value"].notna()]
    if inside.empty:
        return ""
    names = list(dict.fromkeys(inside["place"]))
    return _join(lang) + t("cities_takeaway_places", lang, places=t("list_separator", lang).join(names))


def comparison_table(rows: pd.DataFrame, unit: str | None, mode: str = "absolute",
                     lang: str | None = None) -> pd.DataFrame:
    """The comparison as a reader sees it, one row a claim, with the population used per capita."""
    lang = lang or language()
    records = rows.to_dict("records")
    out = pd.DataFrame({
        t("col_city", lang): rows["city"],
        t("col_place", lang): rows["place"] if "place" in rows.columns else rows["city"],
        t("col_value", lang): [value_text({**r, "shown": r["value"]}, unit, "absolute", lang) for r in records],
        t("col_as_of", lang): [date_text(v, lang) for v in rows["as_of"]],
        t("col_publisher", lang): rows["publisher"],
        t("col_corroborated", lang): [
            "" if missing(r["claim_id"]) else
            t("cities_status_conflict", lang) if r["in_conflict"] else
            t("yes", lang) if r["corroborated"] else t("uncorroborated", lang) for r in records],
        t("col_quote", lang): rows["quote"],
        t("col_url", lang): rows["url"],
    })
    if mode == "per_capita":
        out.insert(3, t("cities_col_per_capita", lang), [value_text(r, unit, mode, lang) for r in records])
        out.insert(4, t("cities_col_population_used", lang), [population_text(r, lang) for r in records])
    return out


def population_text(row: dict, lang: str | None = None) -> str:
    """'3.5 m (2015, cf-busan-bfc)' or 'no sourced population'."""
    lang = lang or language()
    if missing(row.get("population")):
        return t("cities_no_population", lang)
    return t("cities_population_used", lang, value=number(row["population"], lang),
             as_of=date_text(row["population_as_of"], lang), source=row["population_source_id"])


def population_note(rows: pd.DataFrame, lang: str | None = None) -> str:
    """Which population claim each city's per-capita figure used, in one line."""
    lang = lang or language()
    parts = [f"{r['city']}: {population_text(r, lang)}" for r in rows.drop_duplicates("city_id").to_dict("records")]
    return t("cities_population_note", lang, cities=t("list_separator", lang).join(parts))


# --- documented counts ---------------------------------------------------------------------------

def counts_frame(comparison: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """city_comparison with the city's name in the reader's script, the count columns only."""
    lang = lang or language()
    out = pd.DataFrame({"city_id": comparison["city_id"],
                        "city": [name(r, lang=lang) for r in comparison.to_dict("records")]})
    for col in COUNT_COLUMNS:
        out[col] = comparison[col].astype(int)
    out["companies_provenance"] = [
        provenance.short(r["companies_curated"], r["companies_registry"], r["registry_as_of"], lang)
        for r in comparison.to_dict("records")]
    return out


@plain_inputs
def counts_figure(counts: pd.DataFrame, lang: str | None = None) -> go.Figure:
    lang = lang or language()
    labels = {c: t(f"col_{c}", lang) for c in COUNT_COLUMNS}
    fig = charts.grouped_bars(counts, "city", list(COUNT_COLUMNS), labels, lang)
    for trace in fig.data:
        trace.customdata = [[c] for c in counts["city_id"]]
    return fig


def counts_takeaway(counts: pd.DataFrame, lang: str | None = None) -> str:
    lang = lang or language()
    if counts.empty:
        return t("takeaway_no_data", lang)
    totals = counts[list(COUNT_COLUMNS)].sum(axis=1)
    top = counts.assign(total=totals).sort_values(["total", "city"], ascending=[False, True]).iloc[0]
    return t("cities_counts_takeaway", lang, city=top["city"], total=int(top["total"]),
             companies=int(top["companies"]), studios=int(top["studios"]))


def counts_table(counts: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    lang = lang or language()
    return pd.DataFrame({t("col_city", lang): counts["city"],
                         **{t(f"col_{c}", lang): counts[c] for c in COUNT_COLUMNS},
                         t("col_companies_provenance", lang): counts["companies_provenance"]})


def counts_note(counts: pd.DataFrame, lang: str | None = None) -> str:
    """Where the companies counted come from, per city: 'Companies: Hangzhou 35 curated; Qingdao ...'."""
    lang = lang or language()
    if counts.empty:
        return ""
    return t("cities_companies_provenance_note", lang, cities=t("list_separator", lang).join(
        f"{r['city']} {r['companies_provenance']}" for r in counts.to_dict("records")))


# --- selection and profile -----------------------------------------------------------------------

def city_from_points(points: list, label_to_id: dict[str, str] | None = None) -> str | None:
    """The city id a click on a chart selected: customdata[0], else the point's y label."""
    return clicked_value(points, label_to_id)


def profile_names(profile: dict, lang: str | None = None) -> list[tuple[str, str]]:
    """The city's names in the three scripts, 'no data' where no source gives one."""
    lang = lang or language()
    return [(t(f"cities_script_{suffix}", lang),
             profile.get(f"name_{suffix}") if isinstance(profile.get(f"name_{suffix}"), str) else t("no_data", lang))
            for suffix in NAME_SUFFIX.values()]


def profile_sources(profile: dict, claims: pd.DataFrame) -> tuple[list[str], dict[str, str]]:
    """(source ids, quotes) behind a city's profile: its claims, the source that names it and, when
    GeoNames gives its Chinese names (no curated source does), the gazetteer with those names."""
    ids = claims["source_id"].tolist() + [profile["source_id"]]
    quotes = {**dict(zip(claims["source_id"], claims["quote"])), profile["source_id"]: profile["quote"]}
    zh_source = profile.get("name_zh_source_id")
    if isinstance(zh_source, str) and zh_source != profile["source_id"]:
        ids.append(zh_source)
        quotes[zh_source] = " | ".join(v for v in (profile.get("name_zh_hans"), profile.get("name_zh_hant"))
                                       if isinstance(v, str))
    return ids, quotes


def designation_text(profile: dict, lang: str | None = None) -> str:
    lang = lang or language()
    if not profile.get("is_city_of_film") or missing(profile.get("film_designation_year")):
        return t("cities_not_city_of_film", lang)
    return t("cities_designated", lang, year=int(profile["film_designation_year"]))


def coordinates_text(profile: dict, lang: str | None = None) -> str:
    lang = lang or language()
    if missing(profile.get("lat")) or missing(profile.get("lon")):
        return t("cities_no_coordinates", lang)
    lat, lon = float(profile["lat"]), float(profile["lon"])
    return t("cities_coordinates", lang, lat=f"{abs(lat):.4f}° {'N' if lat >= 0 else 'S'}",
             lon=f"{abs(lon):.4f}° {'E' if lon >= 0 else 'W'}", geonames_id=int(profile["geonames_id"]))


def profile_claims_table(claims: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """All of a city's claims with their sources, one row a claim."""
    lang = lang or language()
    records = claims.to_dict("records")
    values = []
    for r in records:
        if missing(r["value_base"]):
            values.append(r["value_text"] if isinstance(r["value_text"], str) else t("no_data", lang))
        else:
            values.append(value_text({**r, "shown": r["value_base"]}, r["unit"], "absolute", lang))
    return pd.DataFrame({
        t("col_place", lang): [place_label(r, lang) for r in records],
        t("cities_col_metric", lang): [name(r, "label", lang) for r in records],
        t("col_value", lang): values,
        t("col_as_of", lang): [date_text(v, lang) for v in claims["as_of"]],
        t("col_publisher", lang): claims["publisher"],
        t("col_corroborated", lang): [
            t("cities_status_conflict", lang) if r["in_conflict"] else
            t("yes", lang) if r["corroborated"] else t("uncorroborated", lang) for r in records],
        t("col_quote", lang): claims["quote"],
        t("col_url", lang): claims["url"],
    })


# --- cached figures (the one place this module runs queries) -------------------------------------

def _picked(cities: tuple[str, ...]) -> pd.DataFrame:
    picker = db.query("cities_picker")
    return picker.set_index("city_id").loc[[c for c in cities if c in set(picker["city_id"])]].reset_index()


@lru_cache(maxsize=256)
def _comparison(warehouse: str, cities: tuple[str, ...], metric: str, unit: str | None, mode: str,
                      lang: str) -> tuple[pd.DataFrame, go.Figure]:
    """(rows, figure) for the comparison box, keyed by the warehouse file and every input."""
    claims = db.query("cities_claims", cities=list(cities), metrics=[metric])
    population = population_used(db.query("cities_claims", cities=list(cities), metrics=[POPULATION]))
    rows = comparison_rows(claims, _picked(cities), population, unit, mode, lang)
    return rows, comparison_figure(rows, unit, mode, lang)


@lru_cache(maxsize=256)
def _counts(warehouse: str, cities: tuple[str, ...], lang: str) -> tuple[pd.DataFrame, go.Figure]:
    counts = counts_frame(db.query("city_comparison", cities=list(cities)), lang)
    return counts, counts_figure(counts, lang)


@shared(maxsize=256)
def comparison_view(warehouse: str, cities: tuple[str, ...], metric: str, unit: str | None, mode: str, label: str,
                    lang: str) -> ChartView:
    """Everything the comparison box shows, built once per input (data: the rows drawn; note: the
    population note of a per-capita view)."""
    rows, figure = _comparison(warehouse, cities, metric, unit, mode, lang)
    claims = db.query("cities_claims", cities=list(cities), metrics=[metric])
    note = population_note(rows, lang) if mode == "per_capita" else ""
    return ChartView(figure, comparison_takeaway(rows, label, unit, mode, lang), comparison_table(rows, unit, mode, lang),
                     tuple(claims["source_id"]), dict(zip(claims["source_id"], claims["quote"])), note=note, data=rows)


@shared(maxsize=256)
def counts_view(warehouse: str, cities: tuple[str, ...], lang: str) -> ChartView:
    """The documented-counts box (data: the counts drawn)."""
    counts, figure = _counts(warehouse, cities, lang)
    sources = db.query("cities_counts_sources", cities=list(cities))
    return ChartView(figure, counts_takeaway(counts, lang), counts_table(counts, lang), tuple(sources["source_id"]),
                     {s: q for s, q in zip(sources["source_id"], sources["quote"]) if isinstance(q, str)},
                     note=counts_note(counts, lang), data=counts)
