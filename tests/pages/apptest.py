"""Running the real app under AppTest, from the project root whatever the test's folder."""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]

# As filmdash.serve does for the server: AppTest resets the legacy pages/ detection before each
# run, so it is switched off again each time a PagesManager is made, and app.py's routes apply.
_original_init = PagesManager.__init__


def _init_without_pages_folder(self, *args, **kwargs):
    PagesManager.uses_pages_directory = False
    _original_init(self, *args, **kwargs)


PagesManager.__init__ = _init_without_pages_folder


@contextmanager
def in_root():
    before = os.getcwd()
    os.chdir(ROOT)
    try:
        yield
    finally:
        os.chdir(before)


def open_app(path: str = "/", **query) -> AppTest:
    """Open the app at a URL path with query parameters, as a browser would; exceptions are left
    for the caller to check."""
    with in_root():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        for key, value in query.items():
            at.query_params[key] = value
        if path != "/":
            at.switch_page(f"pages/{path.strip('/')}.py")
        at.run()
    return at


def run_app(path: str = "/", **query) -> AppTest:
    """open_app, asserting the page ran without an exception."""
    at = open_app(path, **query)
    assert not at.exception, [e.value for e in at.exception]
    return at


def rerun(at: AppTest) -> AppTest:
    with in_root():
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def arcs(traces) -> list[tuple]:
    """The co-production links drawn by a map's line traces (plotly objects or spec dicts): one
    (lat_a, lon_a, lat_b, lon_b, width) per link. Links of one width share a trace, each link
    two points and a None that ends it."""
    out = []
    for tr in traces:
        tr = tr if isinstance(tr, dict) else tr.to_plotly_json()
        if tr.get("mode") != "lines" or tr.get("type") != "scattergeo":
            continue
        lat, lon = list(tr["lat"]), list(tr["lon"])
        assert len(lat) % 3 == 0 and lat[2::3] == [None] * (len(lat) // 3) and lon[2::3] == lat[2::3]
        out += [(lat[i], lon[i], lat[i + 1], lon[i + 1], tr["line"]["width"]) for i in range(0, len(lat), 3)]
    return out


def text_of(markdown: str) -> str:
    """Markdown as the reader sees it: data in headings is escaped (ui.md_escape), '\\(' shows '('."""
    return re.sub(r"\\(.)", r"\1", markdown)
