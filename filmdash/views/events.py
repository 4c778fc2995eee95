"""The Events page's content: a timeline of events and partnerships, and the tables under it.

Pure builders (DataFrames in, figures, sentences and tables out), plus one cached figure keyed by
the warehouse and the filters. Partial dates ("2019-03", "2014") are drawn at the start of their
period and the hover says how much of the date is known: no day or month is ever invented.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from etl.schema import EVENT_KINDS, EVENT_STATUSES, PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES
from filmdash.core import db
from filmdash.core.cache import ChartView, shared
from filmdash.core.charts import plain, plain_inputs
from filmdash.core.i18n import claim_value, date_label, language, name, period_start, precision, t
from filmdash.core.i18n import text_or_no_data as _text
from filmdash.core.style import MUTED, STATUS_COLOURS, base_layout

# events' kinds and statuses, then partnerships' (the ETL schema's enumerations, in that order)
KINDS = (*EVENT_KINDS, *PARTNERSHIP_KINDS)
STATUSES = tuple(dict.fromkeys((*EVENT_STATUSES, *PARTNERSHIP_STATUSES)))
RECORDS = ("event", "partnership")
ROWS_BY = ("kind", "city")
# The tables under the timeline, one shown at a time (?events_list=...); the first is the default.
LISTS = ("events", "partnerships", "attendance")
SYMBOLS = {"event": "circle", "partnership": "diamond"}


# --- dates -----------------------------------------------------------------------------------

# --- labels ----------------------------------------------------------------------------------

def kind_label(kind: str, lang: str | None = None) -> str:
    return t(f"events_kind_{kind}", lang) if kind in KINDS else str(kind)


def status_label(status: str, lang: str | None = None) -> str:
    return t(f"events_status_{status}", lang) if status in STATUSES else str(status)


def city_label(row, lang: str | None = None, prefix: str = "city_name") -> str:
    return name(row, prefix, lang) or t("events_no_city", lang)


def city_options(options: pd.DataFrame, lang: str | None = None) -> dict[str, str]:
    """city_id -> its name in the chosen script, sorted by that name."""
    cities = options[options["facet"] == "city"]
    labels = {r["value"]: name(r, "name", lang) or r["value"] for r in cities.to_dict("records")}
    return dict(sorted(labels.items(), key=lambda kv: kv[1]))


def facet_values(options: pd.DataFrame, facet: str) -> list[str]:
    order = {"kind": KINDS, "status": STATUSES}[facet]
    values = options.loc[options["facet"] == facet, "value"].tolist()
    return sorted(values, key=lambda v: (order.index(v) if v in order else len(order), v))


# --- the timeline ----------------------------------------------------------------------------

def row_label(row: dict, by: str, lang: str | None = None) -> str:
    return city_label(row, lang) if by == "city" else kind_label(row["kind"], lang)


def _hover(row: dict, lang: str) -> str:
    lines = [f"<b>{plain(name(row, 'name', lang) or row['id'])}</b>",
             f"{plain(city_label(row, lang))} · {kind_label(row['kind'], lang)} · {status_label(row['status'], lang)}",
             t("events_hover_date", lang, date=date_label(row["key_date"], lang))]
    if precision(row.get("end_date")):
        lines.append(t("events_hover_end", lang, date=date_label(row["end_date"], lang)))
    lines.append(t("events_hover_source", lang, publisher=plain(str(row["publisher"]))))
    return "<br>".join(lines)


@plain_inputs
def timeline_figure(rows: pd.DataFrame, by: str = "kind", lang: str | None = None) -> go.Figure:
    """One marker per event or partnership at its (start) date, one row per kind or city, coloured
    by status; events with a known first and last day also get a bar spanning those days."""
    lang = lang or language()
    records = [r for r in rows.to_dict("records") if period_start(r["key_date"])]
    labels = sorted({row_label(r, by, lang) for r in records})
    fig = go.Figure()
    for record in RECORDS:
        for status in STATUSES:
            part = [r for r in records if r["record"] == record and r["status"] == status]
            if not part:
                continue
            colour = STATUS_COLOURS.get(status, MUTED)
            spans_x, spans_y = [], []
            for r in part:
                if record == "event" and precision(r["key_date"]) == "day" and precision(r.get("end_date")) == "day":
                    spans_x += [r["key_date"], r["end_date"], None]
                    spans_y += [row_label(r, by, lang)] * 2 + [None]
            if spans_x:
                fig.add_trace(go.Scatter(x=spans_x, y=spans_y, mode="lines", line={"color": colour, "width": 10},
                                         hoverinfo="skip", showlegend=False, legendgroup=f"{record}-{status}"))
            fig.add_trace(go.Scatter(
                x=[period_start(r["key_date"]) for r in part], y=[row_label(r, by, lang) for r in part],
                mode="markers", name=f"{t(f'events_record_{record}', lang)}: {status_label(status, lang)}",
                legendgroup=f"{record}-{status}",
                marker={"symbol": SYMBOLS[record], "size": 15, "color": colour, "line": {"color": "white", "width": 1}},
                customdata=[[r["row_city_id"] if isinstance(r["row_city_id"], str) else "", r["id"]] for r in part],
                text=[_hover(r, lang) for r in part], hovertemplate="%{text}<extra></extra>",
            ))
    layout = base_layout(lang=lang, height=max(300, 170 + 44 * len(labels)))
    layout["margin"] = {"l": 10, "r": 10, "t": 10, "b": 40}
    fig.update_layout(**layout,
                      legend={"orientation": "h", "y": -0.22, "yanchor": "top", "title": {"text": t("events_legend_title", lang)}})
    fig.update_xaxes(type="date", gridcolor="#E5E7EB", title_text=t("events_axis_date", lang))
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=labels[::-1], title_text="")
    return fig


def undated(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[[period_start(v) is None for v in rows["key_date"]]]


def takeaway(rows: pd.DataFrame, lang: str | None = None) -> str:
    """'24 events and 5 partnerships, 2011–2025; most in Busan (6). 1 undated, listed below, not drawn.'"""
    lang = lang or language()
    if rows.empty:
        return t("takeaway_no_data", lang)
    dated = rows[[period_start(v) is not None for v in rows["key_date"]]]
    years = [int(str(v)[:4]) for v in dated["key_date"]]
    named = rows.assign(city=[city_label(r, lang) for r in rows.to_dict("records")])
    named = named[named["row_city_id"].map(lambda v: isinstance(v, str))]
    counts = named.groupby("city").size().reset_index(name="n").sort_values(["n", "city"], ascending=[False, True])
    text = t("events_takeaway", lang, events=int((rows["record"] == "event").sum()),
             partnerships=int((rows["record"] == "partnership").sum()),
             first=min(years) if years else t("no_data", lang), last=max(years) if years else t("no_data", lang))
    if not counts.empty:
        text += t("events_takeaway_top", lang, city=counts.iloc[0]["city"], n=int(counts.iloc[0]["n"]))
    n_undated = len(rows) - len(dated)
    if n_undated:
        text += t("events_takeaway_undated", lang, n=n_undated)
    return text


def timeline_table(rows: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """The timeline's rows as a reader sees them (the chart's Table view and download)."""
    lang = lang or language()
    records = rows.to_dict("records")
    return pd.DataFrame({
        t("events_col_type", lang): [t(f"events_record_{r['record']}", lang) for r in records],
        t("events_col_name", lang): [name(r, "name", lang) or r["id"] for r in records],
        t("events_col_city", lang): [city_label(r, lang) for r in records],
        t("events_col_kind", lang): [kind_label(r["kind"], lang) for r in records],
        t("events_col_status", lang): [status_label(r["status"], lang) for r in records],
        t("events_col_date", lang): [date_label(r["key_date"], lang) for r in records],
        t("events_col_end", lang): [date_label(r["end_date"], lang) for r in records],
        t("col_publisher", lang): [r["publisher"] for r in records],
        t("col_url", lang): [r["url"] for r in records],
    })


def picked_city(points: list[dict]) -> str | None:
    """The city of the first clicked marker (customdata[0]); None for a bar or a city-less row."""
    for point in points or []:
        data = point.get("customdata")
        if isinstance(data, (list, tuple)) and data and isinstance(data[0], str) and data[0]:
            return data[0]
    return None


# --- the tables under it ---------------------------------------------------------------------

def events_table(frame: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """Every field of each event, as a reader sees it."""
    lang = lang or language()
    records = frame.to_dict("records")
    return pd.DataFrame({
        t("events_col_name", lang): [name(r, "name", lang) or r["event_id"] for r in records],
        t("events_col_city", lang): [city_label(r, lang) for r in records],
        t("events_col_kind", lang): [kind_label(r["kind"], lang) for r in records],
        t("events_col_status", lang): [status_label(r["status"], lang) for r in records],
        t("events_col_start", lang): [date_label(r["start_date"], lang) for r in records],
        t("events_col_end", lang): [date_label(r["end_date"], lang) for r in records],
        t("events_col_edition", lang): [_text(r["edition"], lang) for r in records],
        t("events_col_organisers", lang): [_text(r["organisers"], lang) for r in records],
        t("events_col_attendance", lang): [_text(r["attendance_text"], lang) for r in records],
        t("col_publisher", lang): [r["publisher"] + (f" ({t('events_seed', lang)})" if r["from_seed"] else "")
                                   for r in records],
        t("col_url", lang): [r["url"] for r in records],
        t("col_quote", lang): [r["quote"] for r in records],
        t("events_col_id", lang): [r["event_id"] for r in records],
    })


def _party(row: dict, side: str, lang: str) -> str:
    kind, ident = row[f"party_{side}_type"], row[f"party_{side}_id"]
    if kind == "city":
        return name(row, f"party_{side}_name", lang) or ident
    if kind in ("country", "company", "organisation", "university"):
        return f"{name(row, f'party_{side}_name', lang) or ident} ({t(f'events_party_{kind}', lang)})"
    return ident


def partnerships_table(frame: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """Every field of each partnership, parties named in the chosen script where the data has it."""
    lang = lang or language()
    records = frame.to_dict("records")
    return pd.DataFrame({
        t("events_col_name", lang): [name(r, "name", lang) or r["partnership_id"] for r in records],
        t("events_col_kind", lang): [kind_label(r["kind"], lang) for r in records],
        t("events_col_status", lang): [status_label(r["status"], lang) for r in records],
        t("events_col_party_a", lang): [_party(r, "a", lang) for r in records],
        t("events_col_party_b", lang): [_party(r, "b", lang) for r in records],
        t("events_col_announced", lang): [date_label(r["announced_date"], lang) for r in records],
        t("events_col_opened", lang): [date_label(r["opened_date"], lang) for r in records],
        t("col_publisher", lang): [r["publisher"] + (f" ({t('events_seed', lang)})" if r["from_seed"] else "")
                                   for r in records],
        t("col_url", lang): [r["url"] for r in records],
        t("col_quote", lang): [r["quote"] for r in records],
        t("events_col_id", lang): [r["partnership_id"] for r in records],
    })


def attendance_table(frame: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """Figures claimed for events (attendance, films screened ...), each with its source."""
    lang = lang or language()
    records = frame.to_dict("records")
    return pd.DataFrame({
        t("events_col_name", lang): [name(r, "name", lang) or r["event_id"] for r in records],
        t("events_col_metric", lang): [name(r, "label", lang) or r["metric"] for r in records],
        t("col_value", lang): [claim_value(r, lang) for r in records],
        t("col_as_of", lang): [date_label(r["as_of"], lang) for r in records],
        t("col_corroborated", lang): [t("yes", lang) if r["corroborated"] else t("uncorroborated", lang)
                                      for r in records],
        t("col_publisher", lang): [r["publisher"] + (f" ({t('events_seed', lang)})" if r["from_seed"] else "")
                                   for r in records],
        t("col_url", lang): [r["url"] for r in records],
        t("col_quote", lang): [r["quote"] for r in records],
    })


def film_office_lines(frame: pd.DataFrame, lang: str | None = None) -> list[dict]:
    """Each film office as a card: name, host city, status, dates, source and quote."""
    lang = lang or language()
    out = []
    for r in frame.to_dict("records"):
        out.append({
            "id": r["partnership_id"],
            "name": name(r, "name", lang) or r["partnership_id"],
            "city": city_label(r, lang),
            "status": status_label(r["status"], lang),
            "status_key": r["status"],
            "announced": t("events_office_announced", lang, date=date_label(r["announced_date"], lang))
            if precision(r["announced_date"]) else t("events_announcement_undated", lang),
            "opened": t("events_office_opened", lang, date=date_label(r["opened_date"], lang)) if precision(r["opened_date"])
            else t("events_never_opened", lang),
            "source_id": r["source_id"],
            "quote": r["quote"],
            "seed": bool(r["from_seed"]),
        })
    return out


# --- cached figure -----------------------------------------------------------------------------

@shared(maxsize=128)
def cached_timeline(warehouse: str, cities: tuple, kinds: tuple, statuses: tuple, by: str, lang: str) -> go.Figure:
    """The timeline for these filters, built once per warehouse, filters and language."""
    del warehouse  # part of the cache key: a new build gives a new figure
    rows = db.query("events_rows", cities=list(cities), kinds=list(kinds), statuses=list(statuses))
    return timeline_figure(rows, by, lang)


@shared(maxsize=128)
def timeline_view(warehouse: str, cities: tuple, kinds: tuple, statuses: tuple, lang: str) -> ChartView:
    """The timeline box but its figure (cached_timeline, which depends on 'one row per' too)."""
    del warehouse  # part of the cache key
    rows = db.query("events_rows", cities=list(cities), kinds=list(kinds), statuses=list(statuses))
    return ChartView(None, takeaway(rows, lang), timeline_table(rows, lang), tuple(rows["source_id"]))


@dataclass(frozen=True)
class EventList:
    """One of the tables under the timeline: its key, rows and sources (its CSV is built when its
    download is clicked, not for every filter a viewer tries)."""
    key: str
    n: int
    table: pd.DataFrame
    source_ids: tuple[str, ...]
    quotes: Mapping[str, str]


@shared(maxsize=128)
def lists_view(warehouse: str, cities: tuple, kinds: tuple, statuses: tuple, focus: str,
               lang: str) -> tuple[EventList, ...]:
    """The three tables under the timeline, each with its sources, built once per warehouse, filters,
    picked city and language."""
    del warehouse  # part of the cache key
    filters = {"cities": list(cities), "kinds": list(kinds), "statuses": list(statuses), "focus": focus}
    out = []
    for key, query, build in (("events_events", "events_list", events_table),
                              ("events_partnerships", "events_partnerships", partnerships_table),
                              ("events_attendance", "events_attendance", attendance_table)):
        frame = db.query(query, **filters)
        table = build(frame, lang)
        out.append(EventList(key, len(frame), table, tuple(frame["source_id"]),
                             dict(zip(frame["source_id"], frame["quote"]))))
    return tuple(out)


@shared(maxsize=16)
def offices_view(warehouse: str, lang: str) -> list[dict]:
    del warehouse  # part of the cache key
    return film_office_lines(db.query("events_film_offices"), lang)
