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


def test_sections_switch_in_place_and_a_bar_click_filters_the_bibliography(open_page):
    """The page's content is a fragment: clicking a section swaps it (and the URL follows); a bar
    click in the bibliography still reruns the whole page, which then keeps only that kind."""
    page = open_page("/sources")
    p = page.page
    p.wait_for_selector(".js-plotly-plot .bars path", timeout=20_000)
    p.get_by_role("radio", name="Conflicts", exact=True).click()
    p.wait_for_function("() => location.search.includes('sources_section=conflicts')", timeout=20_000)
    p.wait_for_selector("[data-testid=stDataFrame]", timeout=20_000)
    page.wait_drawn()
    assert p.get_by_role("heading", name="Disputed figures (43)").count() == 1
    assert p.locator(".js-plotly-plot").count() == 0  # the list first: nothing charted until a figure is picked
    # a click on a row's marker (the grid's first column) charts that figure below the table
    grid = p.locator("[data-testid=stDataFrame]").bounding_box()
    p.mouse.click(grid["x"] + 18, grid["y"] + 35 + 17)
    p.wait_for_function("() => new URLSearchParams(location.search).get('sources_conflict')"
                        " === 'city/hangzhou/animation_companies/count'", timeout=20_000)
    p.wait_for_selector(".js-plotly-plot .scatterlayer path.point", timeout=20_000)
    page.wait_drawn()
    assert p.get_by_role("heading", name="Hangzhou · Animation companies", exact=False).count() == 1
    page.screenshot("sources-conflicts-row-picked-en")
    p.get_by_role("radio", name="every claim behind them (146)", exact=True).click()
    p.wait_for_function("() => location.search.includes('sources_conflicts_rows=claims')", timeout=20_000)
    page.wait_drawn()
    assert p.get_by_role("button", name="Download CSV (146 rows)", exact=True).count() == 1
    p.get_by_role("radio", name="Bibliography", exact=True).click()
    p.wait_for_function("() => location.search.includes('sources_section=bibliography')"
                        " || !location.search.includes('sources_section')", timeout=20_000)
    p.wait_for_selector(".js-plotly-plot .bars path", timeout=20_000)
    p.wait_for_timeout(500)
    p.locator(".js-plotly-plot .bars path").first.click(force=True)
    p.wait_for_function("() => location.search.includes('sources_kind=')", timeout=20_000)
    page.wait_drawn()
    kind = p.evaluate("new URLSearchParams(location.search).get('sources_kind')")
    assert kind
    assert p.locator("[data-testid=stException]").count() == 0
    assert page.external == []
    assert page.errors == []
