"""The Companies page's content: facet labels with counts, the table, the chart, a profile, the
documented-against-reported comparison, and where each count comes from (curated sources or a registry
import, with the export's date).

Pure builders: DataFrames in, figures, sentences and tables out; `cached_chart` at the end runs the
named query and caches the figure by the warehouse file, the filters and the language.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from filmdash.core import db, provenance
from filmdash.core.cache import ChartView, shared
from filmdash.core.charts import plain_inputs
from filmdash.core.explore import fold
from filmdash.core.i18n import date_text, language, missing, name, number, qualified, t, translated
from filmdash.core.ids import split_ids
from filmdash.core.selection import clicked_value
from filmdash.core.style import PRIMARY, base_layout

FACETS = ("city", "type", "decade", "listed", "origin")
# The URL parameter of each facet and the query parameter it feeds.
FACET_PARAMS = {"city": "cities", "type": "types", "decade": "decades", "listed": "listed", "origin": "origins"}
CHART_BY = ("type", "decade")
DEFAULT_CITY = "hangzhou"
# The table shows at most this many rows (a registry import can bring a million): the count, the facets and
# the chart cover every match, computed in DuckDB; the list is one page of them.
LIST_LIMIT = 500


def filters(selected: dict[str, list[str]], q: str) -> dict:
    """The query parameters for a set of facet selections and a search text, the text folded as
    companies_explorer.search_text is (lower case, Traditional characters as Simplified): 青島 finds 青岛."""
    params = {FACET_PARAMS[f]: list(selected.get(f) or []) for f in FACETS}
    params["q"] = fold((q or "").strip())
    return params


def filters_text(params: dict) -> str:
    """The filters in words for a download's About sheet: 'cities = hangzhou; types = animation'."""
    return "; ".join(f"{k} = {' | '.join(v) if isinstance(v, list) else v}" for k, v in params.items() if v)


# --- labels --------------------------------------------------------------------------------------

def type_label(value: str, lang: str | None = None) -> str:
    return t(f"companies_type_{value}", lang or language())


def decade_label(value: str, lang: str | None = None) -> str:
    lang = lang or language()
    if value == "none" or missing(value):
        return t("companies_decade_none", lang)
    return t("companies_decade", lang, decade=value.rstrip("s"))


def listed_label(value: str, lang: str | None = None) -> str:
    return t(f"companies_listed_{value}", lang or language())


def value_label(facet: str, value: str, names: dict[str, str], lang: str | None = None) -> str:
    """A facet value as the reader sees it; `names` holds the city names (city facet) or the origin
    labels (origin facet)."""
    lang = lang or language()
    if facet in ("city", "origin"):
        return names.get(value, value)
    if facet == "type":
        return type_label(value, lang)
    if facet == "decade":
        return decade_label(value, lang)
    return listed_label(value, lang)


def city_names(frame: pd.DataFrame, lang: str | None = None, prefix: str = "city_name") -> dict[str, str]:
    """city_id -> name in the reader's script, from rows with city_id and city_name_* columns (or name_*
    with prefix="name", as dim_cities has them)."""
    lang = lang or language()
    return {r["city_id"]: name(r, prefix, lang) or r["city_id"]
            for r in frame.drop_duplicates("city_id").to_dict("records")}


# --- provenance: curated sources or a registry import --------------------------------------------

def origin_labels(origins: pd.DataFrame, lang: str | None = None) -> dict[str, str]:
    """origin -> label, from companies_origins: 'Curated sources', 'Registry import: <publisher>, <date>'."""
    lang = lang or language()
    return {r["origin"]: t("companies_origin_curated", lang) if r["provenance"] == "curated" else
            t("companies_origin_registry", lang, publisher=r["publisher"], as_of=r["as_of"])
            for r in origins.to_dict("records")}


def facet_values(facets: pd.DataFrame, facet: str) -> tuple[list[str], dict[str, int]]:
    """A facet's values in the query's order (most companies first) and each value's count."""
    part = facets[facets["facet"] == facet]
    if facet == "decade":  # time order, 'none' last
        part = part.assign(_none=part["value"] == "none").sort_values(["_none", "value"])
    return part["value"].tolist(), dict(zip(part["value"], part["n"].astype(int)))


def facet_format(facet: str, counts: dict[str, int], names: dict[str, str], lang: str | None = None):
    """format_func for a facet's multiselect: 'Hangzhou (35)', the count under the other filters."""
    lang = lang or language()
    return lambda v: f"{value_label(facet, v, names, lang)} ({counts.get(v, 0):,})"


# --- the table -----------------------------------------------------------------------------------

def companies_table(rows: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """The filtered companies as a reader sees them; company_id kept for selection (hidden)."""
    lang = lang or language()
    records = rows.to_dict("records")
    return pd.DataFrame({
        "company_id": rows["company_id"],
        t("companies_col_name", lang): [name(r, lang=lang) for r in records],
        t("col_city", lang): [name(r, "city_name", lang) for r in records],
        t("companies_col_type", lang): [type_label(v, lang) for v in rows["type"]],
        t("companies_col_founded", lang): rows["founded_year"].astype("Int64"),
        t("companies_col_listing", lang): [v if isinstance(v, str) and v else t("companies_listed_not-listed", lang)
                                           for v in rows["listing"]],
        t("companies_col_known_for", lang): [translated(r, "known_for", lang) or None for r in records],
        t("companies_col_provenance", lang): [provenance.cell(p, a, lang) for p, a in zip(rows["provenance"], rows["as_of"])],
        t("col_publisher", lang): rows["publisher"],
        t("col_url", lang): rows["url"],
    })


def table_title_note(total: int, shown: int, lang: str | None = None) -> str:
    """'' when the table shows every match; else that it shows the first rows of how many."""
    lang = lang or language()
    return "" if shown >= total else t("companies_table_first", lang, shown=f"{shown:,}", total=f"{total:,}")


# --- the chart -----------------------------------------------------------------------------------

def chart_labels(chart: pd.DataFrame, by: str, lang: str | None = None) -> list[str]:
    lang = lang or language()
    return [type_label(v, lang) if by == "type" else decade_label(v, lang) for v in chart["value"]]


@plain_inputs
def chart_figure(chart: pd.DataFrame, by: str, lang: str | None = None) -> go.Figure:
    """Bars: companies by type (largest first) or founded decade (in time order, 'not given' last).
    customdata[0] is the facet value, so a click can filter the page."""
    lang = lang or language()
    labels = chart_labels(chart, by, lang)
    fig = go.Figure(go.Bar(
        x=labels, y=chart["n"], marker_color=PRIMARY, text=chart["n"], textposition="outside",
        cliponaxis=False, customdata=[[v] for v in chart["value"]],
        hovertemplate="%{x}: %{y}<extra></extra>",
    ))
    fig.update_layout(**base_layout(lang=lang, height=380))
    fig.update_xaxes(type="category", title_text=t(f"companies_axis_{by}", lang))
    fig.update_yaxes(title_text=t("companies_axis_companies", lang), rangemode="tozero", gridcolor="#E5E7EB")
    return fig


def chart_takeaway(chart: pd.DataFrame, by: str, lang: str | None = None) -> str:
    """'44 companies match; the largest group is Production (13).' Decades: how many have a year."""
    lang = lang or language()
    if chart.empty:
        return t("companies_takeaway_none", lang)
    total = int(chart["n"].sum())
    if by == "decade":
        known = int(chart.loc[chart["value"] != "none", "n"].sum())
        dated = chart[chart["value"] != "none"]
        if dated.empty:
            return t("companies_takeaway_no_years", lang, total=total)
        top = dated.sort_values(["n", "value"], ascending=[False, True]).iloc[0]
        return t("companies_takeaway_decade", lang, total=total, known=known,
                 top=decade_label(top["value"], lang), n=int(top["n"]))
    top = chart.sort_values(["n", "value"], ascending=[False, True]).iloc[0]
    return t("companies_takeaway_type", lang, total=total, top=type_label(top["value"], lang), n=int(top["n"]))


def chart_table(chart: pd.DataFrame, by: str, lang: str | None = None) -> pd.DataFrame:
    lang = lang or language()
    return pd.DataFrame({t(f"companies_axis_{by}", lang): chart_labels(chart, by, lang),
                         t("companies_axis_companies", lang): chart["n"].astype(int)})


def value_from_points(points: list) -> str | None:
    return clicked_value(points)


# --- profile and documented vs reported ----------------------------------------------------------

def profile_fields(profile: dict, lang: str | None = None) -> list[tuple[str, str]]:
    """(label, value) lines of a company's profile; 'no data' where no source gives a value."""
    lang = lang or language()

    def text(value):
        return value if isinstance(value, str) and value.strip() else t("no_data", lang)

    founded = profile.get("founded_year")
    listing = profile.get("listing")
    if profile.get("provenance") == "registry":
        capital = profile.get("capital_amount")
        return [
            (t("companies_col_provenance", lang), provenance.cell("registry", profile.get("as_of"), lang)),
            (t("companies_name_registry", lang), text(profile.get("name_registry"))),
            (t("companies_credit_code", lang), text(profile.get("credit_code"))),
            (t("col_city", lang), text(name(profile, "city_name", lang))),
            (t("companies_registry_place", lang), text(" ".join(v for v in (profile.get("province"),
                                                                          profile.get("city_registry"),
                                                                          profile.get("district"))
                                                              if isinstance(v, str) and v))),
            (t("companies_col_type", lang), type_label(profile["type"], lang)),
            (t("companies_col_founded", lang), text(profile.get("founded"))),
            (t("companies_capital", lang), t("no_data", lang) if missing(capital) else
             f"{number(capital, lang)} {profile.get('capital_unit') or ''}".strip()),
            (t("companies_registration_status", lang), text(profile.get("registration_status"))),
            (t("companies_company_type", lang), text(profile.get("company_type_registry"))),
            (t("companies_business_scope", lang), text(profile.get("business_scope"))),
        ]
    return [
        (t("companies_col_provenance", lang), provenance.cell("curated", None, lang)),
        (t("companies_name_en", lang), text(profile.get("name_en"))),
        (t("companies_name_zh_hans", lang), text(profile.get("name_zh_hans"))),
        (t("companies_name_zh_hant", lang), text(profile.get("name_zh_hant"))),
        (t("col_city", lang), text(name(profile, "city_name", lang))),
        (t("companies_place", lang), text(name(profile, "place_name", lang))),
        (t("companies_col_type", lang), type_label(profile["type"], lang)),
        (t("companies_col_founded", lang), t("no_data", lang) if missing(founded) else str(int(founded))),
        (t("companies_col_listing", lang),
         listing if isinstance(listing, str) and listing else t("companies_listed_not-listed", lang)),
        (t("companies_col_known_for", lang), text(translated(profile, "known_for", lang))),
        (t("companies_aliases", lang), text(profile.get("aliases"))),
    ]


def reported_text(row: dict, lang: str | None = None) -> str:
    """'more than 700', or 'no data' when no source reports a total."""
    lang = lang or language()
    if missing(row.get("reported")):
        return t("no_data", lang)
    return qualified(number(row["reported"], lang), row.get("qualifier"), lang)


def documented_sentence(row: dict, city: str, lang: str | None = None) -> str:
    """'35 companies in Hangzhou are documented here by name; a source reports more than 700 (5%).'"""
    lang = lang or language()
    documented = int(row["documented"])
    if missing(row.get("reported")):
        return t("companies_documented_only", lang, documented=documented, city=city)
    return t("companies_documented_vs_reported", lang, documented=documented, city=city,
             reported=reported_text(row, lang), share=f"{documented / row['reported']:.0%}",
             publisher=row.get("reported_publisher") or "", as_of=date_text(row.get("reported_as_of"), lang))


def place_counts_sentence(counts: pd.DataFrame, city: str, lang: str | None = None) -> str:
    """'Sources also count companies for places in Qingdao, which are not the city's count: Qingdao West
    Coast New Area: more than 4,000 (2021-09) ...'; '' when none do (companies_place_counts)."""
    lang = lang or language()
    if counts.empty:
        return ""
    colon, opening, comma, closing = (": ", " (", ", ", ")") if lang == "en" else ("：", "（", "，", "）")
    parts = [f"{name(r, 'place_name', lang)}{colon}{qualified(number(r['value'], lang), r['qualifier'], lang)}"
             f"{opening}{date_text(r['as_of'], lang)}{comma}{r['publisher']}{closing}" for r in counts.to_dict("records")]
    return t("companies_place_counts", lang, city=city, counts=t("list_separator", lang).join(parts))


# --- cached figure -------------------------------------------------------------------------------

def _key(params: dict) -> tuple:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


@shared(maxsize=256)
def _chart_view(warehouse: str, key: tuple, by: str, lang: str) -> ChartView:
    params = {k: list(v) if isinstance(v, tuple) else v for k, v in key}
    chart = db.query("companies_chart", by=by, **params)
    return ChartView(chart_figure(chart, by, lang), chart_takeaway(chart, by, lang), chart_table(chart, by, lang),
                     tuple(split_ids(chart["source_ids"].tolist())), data=chart)


def chart_view(warehouse: str, params: dict, by: str, lang: str) -> ChartView:
    """The chart box for these filters (data: the counts drawn), built once per warehouse, filters and
    language."""
    return _chart_view(warehouse, _key(params), by, lang)
