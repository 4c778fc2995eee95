"""Every page is reached through app.py's frame, whatever URL opens it (see filmdash/serve.py)."""

from __future__ import annotations

import pytest

from tests.pages.apptest import rerun, run_app

PAGES = ["/cities", "/companies", "/coproductions", "/studios", "/events", "/sources"]


@pytest.mark.parametrize("path", PAGES)
def test_deep_link_gets_the_frame_and_the_language(path):
    at = run_app(path, lang="zh-Hant")
    assert at.sidebar.button_group[0].value == "zh-Hant"
    assert any("數據倉庫" in c.value for c in at.sidebar.caption)


def test_language_survives_a_page_switch():
    at = run_app("/", lang="zh-Hans")
    at.query_params.pop("lang")  # Streamlit drops query parameters on a page switch
    at.switch_page("pages/events.py")
    at = rerun(at)
    assert at.sidebar.button_group[0].value == "zh-Hans"
    assert at.query_params["lang"] == "zh-Hans"  # written back, so the URL reproduces the view
