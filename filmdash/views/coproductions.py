"""The Co-productions page's content: who co-produces with whom, when, and how much is documented.

Pure builders (DataFrames in, figures, sentences and tables out) first; then the figures cached by
their inputs (warehouse, filters, language) and the one URL-synced widget the shared UI lacks
(a year range).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from etl.schema import PRODUCTION_STATUSES
from filmdash.core import db, takeaways
from filmdash.core.cache import ChartView, shared
from filmdash.core.charts import plain_inputs
from filmdash.core.geo import map_figure
from filmdash.core.i18n import NAME_SUFFIX, date_text, language, name, number, qualified, t
from filmdash.core.ids import split_ids
from filmdash.core.params import parse_year
from filmdash.core.selection import clicked_value, points_of
from filmdash.core.style import MUTED, OKABE_ITO, PRIMARY, STATUS_COLOURS, base_layout

STATUSES = PRODUCTION_STATUSES[::-1]  # the ETL schema's statuses, the most advanced first
SCO_MEASURE = "sco_coproductions_since_2020"
# what the SCO titles download holds, in words (its About sheet)
SCO_FILTERS = ("initiated in 2020 or later (the earliest dated announcement, agreement or start of shooting, else the "
               "year of record); at least two countries that were SCO member states in that year (membership history: "
               "a country that joined later does not count)")
# The dated milestones the list shows, each a column (coproduction_dates), in the order they normally come.
MILESTONE_COLUMNS = ("announced", "agreement_signed", "shooting_started", "released")
# The page's sections, one shown at a time (?coproductions_section=...); the first is the default.
SECTIONS = ("network", "by_year", "documented")
PAIR_DASH = "–"


@dataclass(frozen=True)
class Filters:
    """Everything the page's filters decide; hashable, so figures can be cached by it."""
    year_from: int
    year_to: int
    statuses: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()

    def params(self) -> dict:
        return {"year_from": self.year_from, "year_to": self.year_to,
                "statuses": list(self.statuses), "countries": list(self.countries)}


# --- URL values --------------------------------------------------------------------------------

def clicked_country(selection, countries) -> str | None:
    """The ISO code of the country node clicked in the network (None for a pair's label, a line,
    or a point of the map view that is not one of `countries`)."""
    code = clicked_value(points_of(selection))
    return code if code in set(countries) else None


def clicked_year(selection) -> int | None:
    """The year of the bar clicked in a plotly selection event (None when nothing is picked)."""
    for point in points_of(selection):
        year = parse_year(point.get("x"))
        if year is not None:
            return year
    return None


# --- labels ------------------------------------------------------------------------------------

def status_label(status: str, lang: str | None = None) -> str:
    return t(f"coproductions_status_{status}", lang)


def year_meaning_label(meaning, released_in: str | None, lang: str | None = None) -> str:
    """'released-RU' -> 'released in Russian Federation'; 'announced' -> 'announced'."""
    if not isinstance(meaning, str) or not meaning:
        return t("no_data", lang)
    if meaning == "released-world":
        return t("coproductions_meaning_released_world", lang)
    if meaning.startswith("released-"):
        where = released_in if isinstance(released_in, str) and released_in else meaning[len("released-"):]
        return t("coproductions_meaning_released_in", lang, country=where)
    return t(f"coproductions_meaning_{meaning}", lang)


def pair_name(row, lang: str | None = None) -> str:
    lang = lang or language()
    a = name(row, "a_name", lang) or row["country_a"]
    b = name(row, "b_name", lang) or row["country_b"]
    return f"{a}{PAIR_DASH}{b}"


def _chinese_title(row, lang: str) -> str | None:
    order = ["title_zh_hant", "title_zh_hans"] if lang == "zh-Hant" else ["title_zh_hans", "title_zh_hant"]
    for col in order:
        value = row.get(col)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _text(value, lang: str) -> str:
    return value if isinstance(value, str) and value.strip() else t("no_data", lang)


def source_ids(frame: pd.DataFrame, *cols: str) -> list[str]:
    ids: set[str] = set()
    for col in cols:
        for value in frame[col].dropna():
            ids.update(split_ids(value))
    return sorted(ids)


def quotes(frame: pd.DataFrame, id_col: str = "source_id", quote_col: str = "quote") -> dict[str, str]:
    out: dict[str, str] = {}
    for sid, quote in zip(frame[id_col], frame[quote_col]):
        if isinstance(sid, str) and isinstance(quote, str):
            out.setdefault(sid, quote)
    return out


# --- the network -------------------------------------------------------------------------------

def country_nodes(titles: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """One row a country: how many of the titles it takes part in, and its name in the script chosen."""
    lang = lang or language()
    rows: dict[str, dict] = {}
    names = titles[f"countries_{NAME_SUFFIX[lang]}"]
    for codes, labels in zip(titles["countries"], names):
        for code, label in zip(list(codes), list(labels)):
            row = rows.setdefault(code, {"iso2": code, "name": label, "titles": 0})
            row["titles"] += 1
    frame = pd.DataFrame(rows.values(), columns=["iso2", "name", "titles"])
    return frame.sort_values(["titles", "iso2"], ascending=[False, True], ignore_index=True)


def circle_layout(codes: list[str]) -> dict[str, tuple[float, float]]:
    """Countries on a circle in the order given, the first at the top, going clockwise."""
    n = len(codes)
    if n == 1:
        return {codes[0]: (0.0, 0.0)}
    return {code: (round(math.sin(2 * math.pi * i / n), 6), round(math.cos(2 * math.pi * i / n), 6))
            for i, code in enumerate(codes)}


def edge_width(titles: int, most: int) -> float:
    return 1.5 + 10.5 * titles / most if most else 1.5


@plain_inputs
def network_figure(links: pd.DataFrame, nodes: pd.DataFrame, lang: str | None = None) -> go.Figure:
    """Countries on a circle (most titles at the top), a line per co-producing pair, wider for more titles."""
    lang = lang or language()
    fig = go.Figure()
    pos = circle_layout(nodes["iso2"].tolist())
    most = int(links["titles"].max()) if not links.empty else 0
    mid_x, mid_y, mid_text, mid_hover = [], [], [], []
    for row in links.to_dict("records"):
        (xa, ya), (xb, yb) = pos[row["country_a"]], pos[row["country_b"]]
        fig.add_trace(go.Scatter(
            x=[xa, xb], y=[ya, yb], mode="lines", hoverinfo="skip", showlegend=False,
            line={"width": edge_width(row["titles"], most), "color": "rgba(0,114,178,0.45)"}))
        mid_x.append((xa + xb) / 2)
        mid_y.append((ya + yb) / 2)
        mid_text.append(str(row["titles"]))
        mid_hover.append(t("coproductions_hover_pair", lang, pair=pair_name(row, lang), n=row["titles"],
                           first=row["first_year"], last=row["last_year"]))
    if mid_x:
        fig.add_trace(go.Scatter(
            x=mid_x, y=mid_y, mode="markers+text", text=mid_text, hovertext=mid_hover, hoverinfo="text",
            showlegend=False, textfont={"size": 12, "color": "#1F2937"},
            marker={"size": 18, "color": "white", "line": {"width": 1, "color": MUTED}}))
    if not nodes.empty:
        top = int(nodes["titles"].max())
        xs = [pos[c][0] for c in nodes["iso2"]]
        ys = [pos[c][1] for c in nodes["iso2"]]
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="markers+text", showlegend=False, customdata=nodes["iso2"].tolist(),
            text=[f"{n} ({k})" for n, k in zip(nodes["name"], nodes["titles"])],
            textposition=["middle right" if x > 0.15 else "middle left" if x < -0.15 else
                          "top center" if y > 0 else "bottom center" for x, y in zip(xs, ys)],
            hovertext=[t("coproductions_hover_country", lang, country=n, n=k)
                       for n, k in zip(nodes["name"], nodes["titles"])], hoverinfo="text",
            marker={"size": [16 + 26 * math.sqrt(k / top) for k in nodes["titles"]], "color": PRIMARY,
                    "line": {"width": 2, "color": "white"}}))
    fig.update_layout(**base_layout(lang=lang, height=520))
    fig.update_xaxes(visible=False, range=[-2.5, 2.5])
    fig.update_yaxes(visible=False, range=[-1.3, 1.3], scaleanchor="x", scaleratio=1)
    return fig


def network_takeaway(links: pd.DataFrame, total_titles: int, lang: str | None = None) -> str:
    """'China–Russian Federation is the most frequent pair: 11 of 35 documented titles.'"""
    lang = lang or language()
    if links.empty:
        return t("takeaway_no_data", lang)
    most = int(links["titles"].max())
    top = links[links["titles"] == most].sort_values(["country_a", "country_b"])
    names = [pair_name(r, lang) for r in top.to_dict("records")]
    if len(names) == 1:
        return t("coproductions_takeaway_pair", lang, pair=names[0], n=most, total=total_titles)
    return t("coproductions_takeaway_pairs_tied", lang, pairs=t("list_separator", lang).join(names), n=most,
             total=total_titles)


def links_table(links: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    lang = lang or language()
    return pd.DataFrame({
        t("coproductions_col_pair", lang): [pair_name(r, lang) for r in links.to_dict("records")],
        t("coproductions_col_titles", lang): links["titles"].astype(int),
        t("coproductions_col_first_year", lang): links["first_year"],
        t("coproductions_col_last_year", lang): links["last_year"],
        t("coproductions_col_production_ids", lang): links["production_ids"],
    })


# --- titles by year and status -----------------------------------------------------------------

@plain_inputs
def by_year_figure(by_year: pd.DataFrame, lang: str | None = None, selected: int | None = None) -> go.Figure:
    """Stacked bars: titles per year, one colour per status; the selected year stays bright."""
    lang = lang or language()
    fig = go.Figure()
    years = sorted(by_year["year"].unique().tolist())
    for status in STATUSES:
        part = by_year[by_year["status"] == status].set_index("year")["titles"]
        if part.empty:
            continue
        values = [int(part.get(y, 0)) for y in years]
        fig.add_trace(go.Bar(
            x=years, y=values, name=status_label(status, lang), marker_color=STATUS_COLOURS.get(status, MUTED),
            marker_opacity=[1.0 if selected in (None, y) else 0.35 for y in years],
            hovertemplate="%{x}: %{y} " + status_label(status, lang) + "<extra></extra>"))
    fig.update_layout(**base_layout(lang=lang, height=380), barmode="stack", clickmode="event+select",
                      legend={"orientation": "h", "y": -0.32})
    fig.update_xaxes(title_text=t("coproductions_axis_year", lang), dtick=1, tickformat="d")
    fig.update_yaxes(title_text=t("coproductions_axis_titles", lang), rangemode="tozero", gridcolor="#E5E7EB")
    return fig


def by_year_takeaway(by_year: pd.DataFrame, lang: str | None = None) -> str:
    """'2016 has the most documented titles: 6 of 35; 21 of the 35 are released.'"""
    lang = lang or language()
    if by_year.empty:
        return t("takeaway_no_data", lang)
    per_year = by_year.groupby("year")["titles"].sum()
    peak = int(per_year.max())
    peak_year = int(per_year[per_year == peak].index.min())
    total = int(per_year.sum())
    released = int(by_year.loc[by_year["status"] == "released", "titles"].sum())
    return t("coproductions_takeaway_by_year", lang, year=peak_year, n=peak, total=total, released=released)


def by_year_table(by_year: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    lang = lang or language()
    return pd.DataFrame({
        t("coproductions_col_year", lang): by_year["year"],
        t("coproductions_col_status", lang): [status_label(s, lang) for s in by_year["status"]],
        t("coproductions_col_titles", lang): by_year["titles"].astype(int),
    })


# --- documented against reported ---------------------------------------------------------------

def reported_text(reported, qualifier, lang: str | None = None) -> str:
    lang = lang or language()
    if reported is None or pd.isna(reported):
        return t("no_data", lang)
    return qualified(number(reported, lang), qualifier, lang)


@plain_inputs
def documented_figure(documented: int, reported, qualifier, lang: str | None = None) -> go.Figure:
    """Two bars: titles documented here, and the aggregate a source reports (hatched: not a list)."""
    lang = lang or language()
    labels = [t("coproductions_bar_documented", lang), t("coproductions_bar_reported", lang)]
    has_reported = reported is not None and not pd.isna(reported)
    fig = go.Figure(go.Bar(
        y=labels, x=[documented, float(reported) if has_reported else 0], orientation="h",
        marker={"color": [PRIMARY, OKABE_ITO[1]], "pattern": {"shape": ["", "/"]}},
        text=[number(documented, lang), reported_text(reported, qualifier, lang)], textposition="outside",
        hovertemplate="%{y}: %{text}<extra></extra>"))
    top = max(documented, float(reported) if has_reported else 0) or 1
    fig.update_layout(**base_layout(lang=lang, height=220))
    fig.update_xaxes(range=[0, top * 1.3], gridcolor="#E5E7EB", title_text=t("coproductions_axis_titles", lang))
    fig.update_yaxes(autorange="reversed")
    return fig


def documented_takeaway(row: pd.Series | None, lang: str | None = None) -> str:
    lang = lang or language()
    if row is None:
        return t("takeaway_no_data", lang)
    reported = row["reported"] if pd.notna(row["reported"]) else None
    return takeaways.documented_vs_reported(int(row["documented"]), reported, row["qualifier"],
                                            t("coproductions_what_sco", lang, n=int(row["documented"])), lang)


def documented_note(row: pd.Series | None, publisher: str | None, lang: str | None = None) -> str:
    """The caveat under the comparison: the reported figure is an aggregate, not a list of titles."""
    lang = lang or language()
    if row is None or pd.isna(row["reported"]):
        return t("coproductions_note_no_reported", lang)
    share = f"{row['coverage_share']:.0%}" if pd.notna(row["coverage_share"]) else t("no_data", lang)
    key = "coproductions_note_reported_lower_bound" if row["qualifier"] in ("more-than", "at-least") \
        else "coproductions_note_reported"
    return t(key, lang, reported=reported_text(row["reported"], row["qualifier"], lang),
             publisher=publisher or t("no_data", lang), date=date_text(row["as_of"], lang), share=share)


def rule_cells(counts: pd.DataFrame, row: pd.Series | None, publisher: str | None,
               lang: str | None = None) -> list[tuple[str, str, str]]:
    """(label, value, the rule or source in one line): each counting rule's count, strictest first, then the
    reported aggregate with its publisher and date (when a source reports one)."""
    lang = lang or language()
    cells = [(label, number(n, lang), rule) for label, n, rule in takeaways.sco_rules(counts, lang)]
    if row is not None and pd.notna(row["reported"]):
        cells.append((t("coproductions_bar_reported", lang), reported_text(row["reported"], row["qualifier"], lang),
                      takeaways.sco_reported_line(row["reported"], row["qualifier"], publisher, row["as_of"], lang)))
    return cells


def sco_titles_table(titles: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    lang = lang or language()
    return pd.DataFrame({
        t("coproductions_col_title_en", lang): titles["title_en"],
        t("coproductions_col_title_zh", lang): [_text(_chinese_title(r, lang), lang) for r in titles.to_dict("records")],
        t("coproductions_col_initiated", lang): titles["initiated_year"],
        t("coproductions_col_status", lang): [status_label(s, lang) for s in titles["status"]],
        t("coproductions_col_countries", lang): [", ".join(list(c)) for c in titles["countries"]],
    })


# --- the list ----------------------------------------------------------------------------------

def milestone_text(row, milestone: str, lang: str | None = None) -> str:
    """A milestone's date at its precision ('18 Feb 2025', '2024年2月', '2016'), the first release with its
    country ('18 Feb 2025, Russia'); 'no data' where no source dates it."""
    lang = lang or language()
    value = row.get(milestone)
    if not isinstance(value, str) or not value:
        return t("no_data", lang)
    when = date_text(value, lang)
    where = name(row, "first_released_in", lang) if milestone == "released" else None
    return t("coproductions_released_where", lang, date=when, country=where) if where else when


def initiated_text(row, lang: str | None = None) -> str:
    """'2024 (shooting started)': the year the SCO rules count the title by, and what dates it."""
    lang = lang or language()
    year = row.get("initiated_year")
    if year is None or pd.isna(year):
        return t("no_data", lang)
    basis = t(f"coproductions_initiated_by_{str(row.get('initiated_by')).replace('-', '_')}", lang)
    return t("coproductions_initiated_value", lang, year=int(year), basis=basis)


def list_sources(titles: pd.DataFrame) -> tuple[list[str], dict[str, str]]:
    """The list's sources (each title's, its countries' and its milestones') and a quote for each."""
    ids = source_ids(titles, "source_id", "country_source_ids", "milestone_source_ids")
    found = quotes(titles)
    for items in titles["milestone_quotes"].dropna():
        for item in list(items):
            if isinstance(item.get("quote"), str):
                found.setdefault(item["source_id"], item["quote"])
    return ids, found


def titles_table(titles: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """The list with every field, as the reader sees it (names in the script chosen)."""
    lang = lang or language()
    suffix = NAME_SUFFIX[lang]
    records = titles.to_dict("records")
    sep = t("enumeration_separator", lang)
    return pd.DataFrame({
        t("coproductions_col_title_en", lang): titles["title_en"],
        t("coproductions_col_title_zh", lang): [_text(_chinese_title(r, lang), lang) for r in records],
        t("coproductions_col_title_original", lang): [_text(v, lang) for v in titles["title_original"]],
        t("coproductions_col_countries", lang): [sep.join(list(c)) for c in titles[f"countries_{suffix}"]],
        t("coproductions_col_status", lang): [status_label(s, lang) for s in titles["status"]],
        t("coproductions_col_year", lang): titles["year"],
        t("coproductions_col_year_meaning", lang): [
            year_meaning_label(r["year_meaning"], name(r, "released_in", lang) or None, lang) for r in records],
        **{t(f"coproductions_col_{m}", lang): [milestone_text(r, m, lang) for r in records] for m in MILESTONE_COLUMNS},
        t("coproductions_col_initiated", lang): [initiated_text(r, lang) for r in records],
        t("coproductions_col_format", lang): [t(f"coproductions_format_{f}", lang) for f in titles["format"]],
        t("coproductions_col_companies", lang): [_text(v, lang) for v in titles["companies"]],
        t("coproductions_col_key_people", lang): [_text(v, lang) for v in titles["key_people"]],
        t("coproductions_col_publisher", lang): [_text(v, lang) for v in titles["publisher"]],
        t("coproductions_col_source", lang): titles["url"],
    })


def titles_takeaway(titles: pd.DataFrame, year: int | None, lang: str | None = None) -> str:
    lang = lang or language()
    if titles.empty:
        return t("takeaway_no_data", lang)
    countries = len({c for codes in titles["countries"] for c in list(codes)})
    if year is not None:
        return t("coproductions_takeaway_list_year", lang, n=len(titles), year=year, countries=countries)
    return t("coproductions_takeaway_list", lang, n=len(titles), countries=countries,
             first=int(titles["year"].min()), last=int(titles["year"].max()))


# --- cached by their inputs --------------------------------------------------------------------

@shared(maxsize=256)
def network_view(warehouse: str, filters: Filters, lang: str) -> ChartView:
    titles = db.query("coproductions_titles", year=None, **filters.params())
    links = db.query("coproductions_links", **filters.params())
    nodes = country_nodes(titles, lang)
    return ChartView(network_figure(links, nodes, lang), network_takeaway(links, len(titles), lang),
                     links_table(links, lang), tuple(source_ids(links, "source_ids")))


@shared(maxsize=256)
def by_year_view(warehouse: str, filters: Filters, selected: int | None, lang: str) -> ChartView:
    by_year = db.query("coproductions_by_year", **filters.params())
    return ChartView(by_year_figure(by_year, lang, selected), by_year_takeaway(by_year, lang),
                     by_year_table(by_year, lang), tuple(source_ids(by_year, "source_ids")))


@shared(maxsize=64)
def network_map(warehouse: str, filters: Filters, lang: str):
    """The same links on the offline world map (the chart box's Map view): arcs between country
    points, width by titles, for the filtered years and statuses (and countries, when picked)."""
    links = db.query("map_links", year_from=filters.year_from, year_to=filters.year_to,
                     statuses=list(filters.statuses))
    if filters.countries:
        links = links[links["country_a"].isin(filters.countries) | links["country_b"].isin(filters.countries)]
    empty = db.query("map_places", kinds=[])
    return map_figure(db.query("map_cities"), db.query("map_sco"), links, empty, layers=["links"],
                           lang=lang, height=520)
