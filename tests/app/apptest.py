"""Running the real app under AppTest, from the project root whatever the test's folder."""

from __future__ import annotations

import os
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


def run_app(path: str = "/", **query) -> AppTest:
    """Open the app at a URL path with query parameters, as a browser would."""
    with in_root():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        for key, value in query.items():
            at.query_params[key] = value
        if path != "/":
            at.switch_page(f"pages/{path.strip('/')}.py")
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def rerun(at: AppTest) -> AppTest:
    with in_root():
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
