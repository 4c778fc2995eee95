"""The Sources page in headless Chromium, offline: sections switch from the URL, charts draw."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("query, name", [
    ("?sources_section=conflicts&sources_conflict=studio/oriental-movie-metropolis/sound_stages/count",
     "sources-conflicts-en"),
    ("?lang=zh-Hant&sources_section=conflicts&sources_conflict=studio/oriental-movie-metropolis/sound_stages/count",
     "sources-conflicts-zh-Hant"),
    ("?sources_section=coverage", "sources-coverage-en"),
])
def test_sources_charts_offline(open_page, query, name):
    page = open_page("/sources" + query)
    p = page.page
    assert p.locator("[data-testid=stException]").count() == 0
    drawn = ".js-plotly-plot .scatterlayer path.point, .js-plotly-plot .bars path"
    p.wait_for_selector(drawn, timeout=20_000)
    assert p.locator(drawn).count() >= 2
    shot = page.screenshot(name)
    assert shot.stat().st_size > 20_000
    assert page.external == [], page.external
    assert page.errors == []


@pytest.mark.parametrize("query, name", [("", "sources-bibliography-en"),
                                          ("?lang=zh-Hant&sources_section=dictionary", "sources-dictionary-zh-Hant")])
def test_sources_tables_offline(open_page, query, name):
    page = open_page("/sources" + query)
    p = page.page
    assert p.locator("[data-testid=stException]").count() == 0
    p.wait_for_selector("[data-testid=stDataFrame]", timeout=20_000)
    page.screenshot(name)
    assert page.external == [], page.external
