"""Presenter mode's content: one chart box of a page, for the URL parameters that page keeps, as a
slide (title, takeaway, figure, sources), restyled for a projector.

Every slide reuses a page's own cached view functions: no query of its own but the ones a page
runs to find its defaults (the years a filter spans, the first metric).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import plotly.graph_objects as go

from filmdash.core import db, deck
from filmdash.core.i18n import LANGUAGES, date_text, language, t
from filmdash.core.params import parse_year, parse_years
from filmdash.core.seeds import OMM
from filmdash.views import cities, companies, events, overview, studios
from filmdash.views import coproductions as cp

# the smallest text on a slide, in CSS px: legible from the back of a hall
MIN_TEXT_PX = 24
INK = "#000000"
GRID = "#9CA3AF"


@dataclass(frozen=True)
class SlideView:
    title: str
    takeaway: str
    figure: go.Figure
    source_ids: tuple[str, ...]


def _csv(params: Mapping[str, str], name: str) -> tuple[str, ...]:
    return tuple(v for v in (params.get(name) or "").split(",") if v)


# --- one builder per chart box (its id is the box id the page gives ui.chart_box) ---------------

def _overview(box: str) -> Callable:
    def build(warehouse: str, params: Mapping[str, str], lang: str) -> SlideView:
        view = overview.content(warehouse, lang)
        if box == "cities_of_film":
            return SlideView(t("box_cities_of_film_title", lang), view.by_year_takeaway, view.by_year_figure,
                             tuple(view.by_year_sources))
        if box == "omm_stages":
            return SlideView(view.stages_title, view.stages_takeaway, view.stages_figure,
                             tuple(view.stages["source_id"]))
        return SlideView(t("box_omm_investment_title", lang), view.investment_takeaway, view.investment_figure,
                         tuple(view.investment["source_id"]))
    return build


def _picked_cities(params: Mapping[str, str]) -> tuple[str, ...]:
    """The link's cities that the warehouse holds (as the page's picker keeps them); the default
    cities when none is left."""
    known = cities.city_labels(db.query("cities_picker"))
    return tuple(c for c in _csv(params, "cities") if c in known) or cities.DEFAULT_CITIES


def _cities_claims(warehouse: str, params: Mapping[str, str], lang: str) -> SlideView:
    picked = _picked_cities(params)
    metrics = db.query("cities_metrics", cities=list(picked))
    labels = cities.metric_labels(metrics, lang)
    metric = params.get("metric") if params.get("metric") in labels else cities.default_metric(metrics)
    if metric is None:
        raise LookupError(f"none of the cities {', '.join(picked)} has a claim to chart")
    units = cities.units(db.query("cities_claims", cities=list(picked), metrics=[metric]))
    unit = params.get("unit") if params.get("unit") in units else (units[0] if units else None)
    mode = params.get("mode") if params.get("mode") in cities.MODES and cities.per_capita_possible(unit) else "absolute"
    label = labels[metric]
    view = cities.comparison_view(warehouse, picked, metric, unit, mode, label, lang)
    return SlideView(t("cities_box_claims_title", lang, label=label), view.takeaway, view.figure, tuple(view.source_ids))


def _cities_counts(warehouse: str, params: Mapping[str, str], lang: str) -> SlideView:
    view = cities.counts_view(warehouse, _picked_cities(params), lang)
    return SlideView(t("cities_box_counts_title", lang), view.takeaway, view.figure, tuple(view.source_ids))


def _companies_chart(warehouse: str, params: Mapping[str, str], lang: str) -> SlideView:
    selected = {facet: list(_csv(params, facet)) for facet in companies.FACETS}
    by = params.get("by") if params.get("by") in companies.CHART_BY else "type"
    view = companies.chart_view(warehouse, companies.filters(selected, params.get("q", "")), by, lang)
    return SlideView(t(f"companies_box_chart_title_{by}", lang), view.takeaway, view.figure, tuple(view.source_ids))


def _coproduction_filters(params: Mapping[str, str]) -> cp.Filters:
    options = db.query("coproductions_options")
    span = options[options["kind"] == "years"].iloc[0]
    first, last = int(span["first_year"]), int(span["last_year"])
    years = parse_years(params.get("years"), first, last) or (first, last)
    return cp.Filters(years[0], years[1], tuple(s for s in _csv(params, "status") if s in cp.STATUSES),
                      _csv(params, "country"))


def _coproductions_network(warehouse: str, params: Mapping[str, str], lang: str) -> SlideView:
    view = cp.network_view(warehouse, _coproduction_filters(params), lang)
    return SlideView(t("coproductions_box_network_title", lang), view.takeaway, view.figure, tuple(view.source_ids))


def _coproductions_by_year(warehouse: str, params: Mapping[str, str], lang: str) -> SlideView:
    view = cp.by_year_view(warehouse, _coproduction_filters(params), parse_year(params.get("year")), lang)
    return SlideView(t("coproductions_box_by_year_title", lang), view.takeaway, view.figure, tuple(view.source_ids))


def _coproductions_documented(warehouse: str, params: Mapping[str, str], lang: str) -> SlideView:
    documented = db.query("documented_vs_reported")
    sco = documented[documented["measure"] == cp.SCO_MEASURE]
    row = sco.iloc[0] if not sco.empty else None
    titles = db.query("coproductions_sco_since_2020")
    reported = [row["source_id"]] if row is not None and isinstance(row["source_id"], str) else []
    figure = cp.documented_figure(int(row["documented"]) if row is not None else 0,
                                  row["reported"] if row is not None else None,
                                  row["qualifier"] if row is not None else None, lang)
    return SlideView(t("coproductions_box_documented_title", lang), cp.documented_takeaway(row, lang), figure,
                     tuple(reported + titles["source_id"].tolist()))


def _studio(params: Mapping[str, str]) -> tuple[str, str]:
    listed = db.query("studios_list")
    studio_id = params.get("studio") if params.get("studio") in set(listed["studio_id"]) else OMM
    return studio_id, listed[listed["studio_id"] == studio_id].iloc[0]


def _studio_productions(warehouse: str, params: Mapping[str, str], lang: str) -> SlideView:
    from filmdash.core.i18n import name

    studio_id, row = _studio(params)
    studio_name = name(row, lang=lang)
    view = studios.productions_view(warehouse, studio_id, studio_name, lang)
    return SlideView(t("studios_box_productions_title", lang, studio=studio_name), view.takeaway, view.figure,
                     tuple(view.source_ids))


def _studio_fact(warehouse: str, params: Mapping[str, str], lang: str) -> SlideView:
    studio_id, _ = _studio(params)
    metrics = studios.facts_overview(warehouse, studio_id, lang).metrics
    if not metrics:
        raise LookupError(f"studio {studio_id!r} has no facts to chart")
    metric = params.get("studio_fact") if params.get("studio_fact") in metrics else metrics[0]
    view = studios.fact_view(warehouse, studio_id, metric, lang)
    return SlideView(view.title, view.takeaway, view.figure, tuple(view.source_ids))


def _studios_comparison(warehouse: str, params: Mapping[str, str], lang: str) -> SlideView:
    view = studios.comparison_view(warehouse, lang)
    return SlideView(t("studios_box_comparison_title", lang), view.takeaway, view.figure, tuple(view.source_ids))


def _events_timeline(warehouse: str, params: Mapping[str, str], lang: str) -> SlideView:
    filters = (_csv(params, "events_city"), _csv(params, "events_kind"), _csv(params, "events_status"))
    by = params.get("events_rows") if params.get("events_rows") in events.ROWS_BY else "kind"
    figure = events.cached_timeline(warehouse, *filters, by, lang)
    view = events.timeline_view(warehouse, *filters, lang)
    return SlideView(t("events_box_timeline_title", lang), view.takeaway, figure, tuple(view.source_ids))


@dataclass(frozen=True)
class Box:
    page: str
    build: Callable[[str, Mapping[str, str], str], SlideView]
    # the value of the page's section switch that shows this box, when the page has one
    section: tuple[str, str] | None = None


BOXES: dict[str, Box] = {
    "cities_of_film": Box("overview", _overview("cities_of_film")),
    "omm_stages": Box("overview", _overview("omm_stages")),
    "omm_investment": Box("overview", _overview("omm_investment")),
    "cities_claims": Box("cities", _cities_claims),
    "cities_counts": Box("cities", _cities_counts),
    "companies_chart": Box("companies", _companies_chart),
    "coproductions_network": Box("coproductions", _coproductions_network, ("coproductions_section", "network")),
    "coproductions_by_year": Box("coproductions", _coproductions_by_year, ("coproductions_section", "by_year")),
    "coproductions_documented": Box("coproductions", _coproductions_documented,
                                    ("coproductions_section", "documented")),
    "studio_productions": Box("studios", _studio_productions, ("studios_section", "productions")),
    "studio_fact": Box("studios", _studio_fact, ("studios_section", "facts")),
    "studios_comparison": Box("studios", _studios_comparison, ("studios_section", "comparison")),
    "events_timeline": Box("events", _events_timeline),
}
# The URL parameters each page keeps (what a slide may set), and the URL path of each page.
PAGE_PARAMS: dict[str, tuple[str, ...]] = {
    "overview": (),
    "cities": ("cities", "metric", "unit", "mode", "city"),
    "companies": ("q", "city", "type", "decade", "listed", "origin", "by", "company"),
    "coproductions": ("years", "status", "country", "year", "coproductions_section"),
    "studios": ("studio", "studios_section", "studio_fact"),
    "events": ("events_city", "events_kind", "events_status", "events_rows", "events_focus", "events_list"),
}
PAGE_PATHS = {"overview": ""} | {page: page for page in PAGE_PARAMS if page != "overview"}


def default_box(page: str, params: Mapping[str, str]) -> str:
    """The box a page shows first for these parameters: the one its section switch picks, else its
    first chart box."""
    boxes = [box_id for box_id, box in BOXES.items() if box.page == page]
    if not boxes:
        raise KeyError(page)
    for box_id in boxes:
        section = BOXES[box_id].section
        if section and params.get(section[0]) == section[1]:
            return box_id
    return boxes[0]


@lru_cache(maxsize=512)
def _slide_view(warehouse: str, box: str, params: tuple[tuple[str, str], ...], lang: str) -> SlideView:
    return BOXES[box].build(warehouse, dict(params), lang)


def slide_view(warehouse: str, box: str, params: Mapping[str, str], lang: str | None = None) -> SlideView:
    """The slide for one chart box at these URL parameters, cached per warehouse, inputs and language."""
    return _slide_view(warehouse, box, tuple(sorted(params.items())), lang or language())


@lru_cache(maxsize=512)
def _stage_figure(warehouse: str, box: str, params: tuple[tuple[str, str], ...], lang: str) -> go.Figure:
    return presenter_figure(_slide_view(warehouse, box, params, lang).figure)


def stage_figure(warehouse: str, box: str, params: Mapping[str, str], lang: str | None = None) -> go.Figure:
    """The slide's chart restyled for the screen, made once per warehouse, inputs and language: the
    next slide of a deck already shown is a rerun that builds no figure. Shared, so not to be
    changed (st.plotly_chart serializes a copy)."""
    return _stage_figure(warehouse, box, tuple(sorted(params.items())), lang or language())


# --- for a projector ------------------------------------------------------------------------------

def _big(font, size: int) -> dict:
    current = getattr(font, "size", None) if font is not None else None
    return {"size": max(size, current or 0), "color": INK}


def presenter_figure(figure: go.Figure, height: int | None = None, size: int = MIN_TEXT_PX + 2) -> go.Figure:
    """The figure for a wall screen: every text at least `size` px (ticks, axis titles, legend, text
    labels, annotations, hover), black on white, thicker grid, at `height` px (None: the height of its
    container). A copy: the page's cached figure is untouched."""
    fig = go.Figure(figure)
    fig.update_layout(height=height, autosize=height is None, font=_big(fig.layout.font, size), paper_bgcolor="white", plot_bgcolor="white",
                      hoverlabel={"font": {"size": size}}, legend={"font": {"size": size}, "title": {"font": {"size": size}}},
                      uniformtext={"minsize": size, "mode": "hide"}, title=None)
    fig.update_xaxes(tickfont=_big(None, size), title_font=_big(None, size), gridcolor=GRID, linecolor=INK)
    fig.update_yaxes(tickfont=_big(None, size), title_font=_big(None, size), gridcolor=GRID, linecolor=INK)
    for trace in fig.data:
        if "textfont" in trace:
            trace.textfont = {"size": size, **({"color": INK} if trace.type != "bar" else {})}
        if trace.type in ("scatter", "scattergeo") and trace.marker is not None and trace.marker.size is not None:
            sizes = trace.marker.size
            if isinstance(sizes, (int, float)):
                trace.marker.size = max(sizes, 18)
    if fig.layout.legend.orientation == "h":
        # a legend under the chart meets the axis' labels at this size: above the plot instead; its
        # title (a key to the symbols, which every item's name also gives) would crowd the row
        fig.update_layout(legend={"y": 1.02, "yanchor": "bottom", "x": 0, "xanchor": "left", "title": {"text": ""}})
    for annotation in fig.layout.annotations or ():
        annotation.font = _big(annotation.font, size)
    # labels grow: give the margins room for them
    margin = fig.layout.margin
    fig.update_layout(margin={"l": max(margin.l or 0, 20), "r": max((margin.r or 0) * size // 15, 30),
                              "t": max(margin.t or 0, round(size * 1.8)), "b": max(margin.b or 0, round(size * 1.2))})
    return fig


def titles(title: str | Mapping[str, str] | None, lang: str, bilingual: bool, view_title: Callable[[str], str]
           ) -> list[tuple[str, str]]:
    """[(lang, title)] to show: the override in that language when the deck gives one, else the view's
    own; bilingual: English above, the Chinese of the reader's choice below (Simplified when English
    is chosen)."""
    langs = ["en", lang if lang != "en" else "zh-Hans"] if bilingual else [lang]
    overrides = title or {}
    return [(code, overrides.get(code) or view_title(code)) for code in langs if code in LANGUAGES]


# --- decks ----------------------------------------------------------------------------------------

ALLOWED_VALUES = {
    "studios_section": studios.SECTIONS, "coproductions_section": cp.SECTIONS, "events_rows": events.ROWS_BY,
    "events_list": events.LISTS, "by": companies.CHART_BY, "mode": cities.MODES, "status": cp.STATUSES,
}


def read_deck(path=None) -> deck.Deck:
    """A deck file checked against the pages, boxes and parameters this app has."""
    return deck.read(path or deck.DEFAULT_DECK, boxes={b: box.page for b, box in BOXES.items()},
                     page_params=PAGE_PARAMS, default_box=default_box, allowed_values=ALLOWED_VALUES)


@lru_cache(maxsize=8)
def _deck(path: str, mtime: float) -> deck.Deck:
    return read_deck(path)


def load_deck(path=None) -> deck.Deck:
    """read_deck, read again only when the file changes."""
    from pathlib import Path

    path = Path(path or deck.DEFAULT_DECK)
    return _deck(str(path), path.stat().st_mtime if path.exists() else 0.0)


# --- the slide's frame --------------------------------------------------------------------------------

def data_as_of(warehouse: str, lang: str) -> str:
    """'Data as of 7 Dec 2026': the day the most recently read source was read."""
    del warehouse  # the query reads the current warehouse; the argument keeps callers explicit
    value = db.query("present_data_as_of")["accessed"].iloc[0]
    return t("present_data_as_of", lang, date=date_text(str(value)[:10] if value is not None else None, lang))


def _em(text: str) -> float:
    """Width of text in em: about 0.55 em a Latin character, 1 em a CJK one."""
    return sum(1.0 if ord(c) > 0x2E80 else 0.55 for c in text)


def sources_line(source_ids, lang: str, budget_em: float = 32.0) -> str:
    """The slide's sources in one line that fits budget_em: 'Sources (14): Variety, China Daily …
    and 9 more'. Publishers in the order the sources are listed, each once."""
    ids = sorted(set(source_ids))
    if not ids:
        return t("no_sources", lang)
    publishers = list(dict.fromkeys(db.query("sources_by_id", ids=ids)["publisher"]))
    head = t("present_sources", lang, n=len(ids))
    shown: list[str] = []
    for publisher in publishers:  # each that still fits, with room for the "and N more" after it
        rest = len(publishers) - len(shown) - 1
        tail = t("present_sources_more", lang, n=rest) if rest else ""
        candidate = t("enumeration_separator", lang).join([*shown, publisher])
        if _em(head + candidate + tail) <= budget_em:
            shown.append(publisher)
    if not shown:  # not even one publisher fits: the count alone
        return t("present_sources_count", lang, n=len(ids))
    rest = len(publishers) - len(shown)
    return head + t("enumeration_separator", lang).join(shown) + (t("present_sources_more", lang, n=rest) if rest else "")
