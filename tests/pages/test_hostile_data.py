"""Data is never markup: every page of the app's navigation, every section, drawn from a warehouse
whose every free-text column (names, titles, publishers, quotes, labels, descriptions, qualifiers
...) carries planted HTML, markdown links, bare URLs and an e-mail address. Plotly draws a few HTML
tags in any text it shows (a live <a href>, <b>), Streamlit's markdown links bare URLs, and st.html
shows HTML as it is: none of them may reach the reader.

Two plantings: the warehouse's answers are changed on their way out of db.query (the real query
runs first), so every builder and page script is exercised exactly as it runs; and the app reads a
planted copy of the warehouse (tests/hostile.py), for /data, whose explorer and SQL box read the
tables themselves. Ids, codes, units, kinds and URLs are left alone, so the pages still find what
they look up."""

from __future__ import annotations

import itertools
import json
import re

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from filmdash.core import db, routes
from filmdash.presenter import slides
from tests import hostile
from tests.pages.apptest import open_app

HOSTILE = hostile.MARKUP
TEXT_COLUMN, NOT_TEXT = hostile.TEXT_COLUMN, hostile.NOT_TEXT

# the markup as it would be live: in a figure (plotly's HTML subset), in markdown, in HTML
LIVE_IN_FIGURE = ('<a href="https://evil', "<b>BOLD")
LIVE_IN_MARKDOWN = re.compile(r"evil\.example|bare\.example|md\.example|mail\.example|(?<!\\)<a href|(?<!\\)<b>BOLD")
LIVE_IN_HTML = ('<a href="https://evil', "<b>BOLD")
FAIR = "https://fair.example/dash"
DECK = slides.read_deck()
# slides that show no free text (numbers by kind or by code), with publishers too long (planted) for
# the sources line
NO_FREE_TEXT = {"coproductions_documented", "companies_chart"}


def slide_box(path: str, query: dict) -> str | None:
    """The chart box a URL shows as a slide, or None for a page."""
    if path == "/present":
        return DECK.slide(int(query["slide"])).box
    if query.get("present") == "1":
        page = next(p for p, url in slides.PAGE_PATHS.items() if "/" + url == path)
        return slides.default_box(page, query)
    return None

PAGES = [
    ("/", {}),
    ("/cities", {"city": "qingdao"}),
    ("/cities", {"cities": "qingdao,busan", "cities_claims_view": "table"}),
    ("/companies", {"company": "huace"}),
    *[("/coproductions", {"coproductions_section": s}) for s in ("network", "by_year", "documented")],
    ("/coproductions", {"coproductions_network_view": "map"}),
    *[("/studios", {"studios_section": s}) for s in ("productions", "facts", "incentives", "comparison")],
    ("/events", {}),
    ("/events", {"events_rows": "city"}),
    ("/map", {}),
    ("/map", {"mode": "points", "sel": "city:qingdao"}),
    *[("/sources", {"sources_section": s}) for s in ("bibliography", "conflicts", "uncorroborated", "coverage",
                                                      "dictionary", "inputs")],
    ("/sources", {"sources_section": "bibliography", "sources_source": "seed-000"}),
    ("/sources", {"sources_section": "conflicts", "sources_conflict": "__first__"}),
    *[("/data", {"table": table}) for table in ("companies", "productions", "sources", "claims", "events")],
    ("/data", {"table": "companies", "q": "film"}),
    ("/data", {"tab": "sql", "sql": "SELECT company_id, name_en, known_for, quote FROM companies"}),
    *[("/present", {"slide": str(n), "public_url": FAIR}) for n in range(1, len(DECK) + 1)],
    ("/present", {"slide": "1", "bilingual": "1"}),
    *[("/" + path, {"present": "1", "public_url": FAIR}) for path in slides.PAGE_PATHS.values()],
]
_runs = itertools.count()


def plant(value):
    if isinstance(value, str):
        return value + HOSTILE
    if isinstance(value, (list, tuple, np.ndarray)):
        return [plant(v) for v in value]
    return value


def hostile_query(real):
    def query(name, build_dir=None, **params):
        frame = real(name, build_dir, **params)
        for col in frame.columns:
            if TEXT_COLUMN.match(col) and col not in NOT_TEXT:
                frame[col] = frame[col].map(plant, na_action="ignore").astype(object)
        return frame
    return query


@pytest.fixture(scope="module")
def planted_build(tmp_path_factory):
    build_dir = tmp_path_factory.mktemp("hostile-build")
    hostile.plant(build_dir)
    return build_dir


@pytest.fixture
def hostile_warehouse(monkeypatch, planted_build):
    """Every free-text answer planted; a warehouse id of its own, so no cached view of the real one
    (figures, tables, cached by warehouse) is reused; the planted copy published for what reads
    the tables itself (/data)."""
    real_id = db.warehouse_id()
    hostile.use_warehouse(monkeypatch, planted_build)
    monkeypatch.setattr(db, "query", hostile_query(db.query))
    run = next(_runs)
    monkeypatch.setattr(db, "warehouse_id", lambda build_dir=None: f"{real_id}-hostile-{run}")


def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def text_elements(at: AppTest) -> list[str]:
    texts = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error", "success"):
        texts += [e.value for e in at.get(kind)]
    texts += [e.label for e in at.get("metric")] + [e.label for e in at.get("button")]
    texts += [e.label for e in at.get("expander")] + [e.label for e in at.get("tab")]
    return texts


def first_conflict_key() -> str:
    from filmdash.views import sources

    return next(iter(sources.conflicts_view(db.warehouse_id(), (), "en").labels))


@pytest.mark.parametrize(("path", "query"), PAGES, ids=[f"{p}?{'&'.join(f'{k}={v}' for k, v in q.items())}"
                                                       for p, q in PAGES])
def test_data_reaches_figures_and_markdown_as_text(path, query, hostile_warehouse):
    if query.get("sources_conflict") == "__first__":
        query = {**query, "sources_conflict": first_conflict_key()}
    at = open_app(path, **query)
    assert not at.exception, [e.value for e in at.exception]
    charts = at.get("plotly_chart")
    texts = text_elements(at)
    # the planted data is on the page: the check below looks at it, not at an empty page
    tables = [frame.value.astype(str) for frame in at.dataframe]
    htmls = [str(h.proto.body) for h in at.get("html")]
    shows_text = slide_box(path, query) not in NO_FREE_TEXT
    assert not shows_text or any("EVIL" in s for c in charts for s in strings(json.loads(c.proto.spec))) or \
        any("EVIL" in s for s in texts + htmls) or \
        any(t.apply(lambda c: c.str.contains("EVIL")).any().any() for t in tables), "the page shows none of the planted data"
    for chart in charts:
        for text in strings(json.loads(chart.proto.spec)):
            assert not any(live in text for live in LIVE_IN_FIGURE), (chart.proto.id, text[:300])
    for text in texts:
        live = LIVE_IN_MARKDOWN.search(text)
        assert live is None, text[max(0, live.start() - 150):live.end() + 60]
    for html in htmls:
        assert not any(live in html for live in LIVE_IN_HTML), html[:300]


@pytest.mark.parametrize("page", routes.url_paths())
def test_every_page_of_the_navigation_is_drawn_from_hostile_data(page):
    assert page in {path for path, _ in PAGES}, f"{page} is in the app's navigation but not in PAGES"


def test_a_planted_frame_is_planted(hostile_warehouse):
    """The fixture does what it says: names, titles and quotes carry the markup; ids do not."""
    frame = db.query("studios_list")
    assert frame["name_en"].dropna().str.endswith(HOSTILE).all()
    assert not frame["studio_id"].str.contains("<").any()
