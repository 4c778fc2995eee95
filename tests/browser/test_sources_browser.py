"""The Sources page in headless Chromium, offline: sections switch from the URL, charts draw."""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_drawn
from tests.shipped import rows as warehouse

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
    assert_drawn(shot)
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
    (figures, claims), = warehouse("""SELECT count(DISTINCT (entity_type, entity_id, metric, unit, period_key)), count(*)
                                       FROM fct_claims WHERE in_conflict""")
    assert p.get_by_role("heading", name=f"Disputed figures ({figures})").count() == 1
    assert p.locator(".js-plotly-plot").count() == 0  # the list first: nothing charted until a figure is picked
    # a click on a row's marker (the grid's first column) charts that figure below the table
    grid = p.locator("[data-testid=stDataFrame]").bounding_box()
    p.mouse.click(grid["x"] + 18, grid["y"] + 35 + 17)
    p.wait_for_function("() => new URLSearchParams(location.search).get('sources_conflict')", timeout=20_000)
    key = p.evaluate("() => new URLSearchParams(location.search).get('sources_conflict')")
    entity_type, entity_id, metric, _unit = key.split("/")[:4]
    (entity, label), = warehouse("""
        SELECT e.name_en, m.label_en FROM (
            SELECT 'city' AS t, city_id AS id, name_en FROM dim_cities UNION ALL SELECT 'studio', studio_id, name_en
            FROM studios UNION ALL SELECT 'company', company_id, name_en FROM companies UNION ALL
            SELECT 'country', iso2, name_en FROM countries UNION ALL SELECT 'event', event_id, name_en FROM events) e
        JOIN metrics m ON m.metric = $3 WHERE e.t = $1 AND e.id = $2""", [entity_type, entity_id, metric])
    p.wait_for_selector(".js-plotly-plot .scatterlayer path.point", timeout=20_000)
    page.wait_drawn()
    assert p.get_by_role("heading", name=f"{entity} · {label}", exact=False).count() == 1
    page.screenshot("sources-conflicts-row-picked-en")
    p.get_by_role("radio", name=f"every claim behind them ({claims})", exact=True).click()
    p.wait_for_function("() => location.search.includes('sources_conflicts_rows=claims')", timeout=20_000)
    page.wait_drawn()
    assert p.get_by_role("button", name=f"Download CSV ({claims} rows)", exact=True).count() == 1
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


def ticked_rows(p) -> list[int]:
    """The rows (1 = the first data row) the grid shows ticked, from its accessible table."""
    return p.evaluate("() => [...document.querySelectorAll('[data-testid=stDataFrame] tbody tr[aria-selected=true]')]"
                      ".map(r => Number(r.getAttribute('aria-rowindex')) - 1)")


def test_the_figure_picked_by_url_or_picker_is_the_row_ticked(open_page):
    """The list and the chart below it say the same thing: a figure picked by URL is ticked in the
    grid, and one picked in the picker moves the tick."""
    page = open_page("/sources?sources_section=conflicts&sources_conflict=city/hangzhou/pavilion_companies/count")
    p = page.page
    p.wait_for_selector("[data-testid=stDataFrame] tbody tr", state="attached", timeout=20_000)
    assert ticked_rows(p) == [2]  # the second figure: Hangzhou's companies in its FilMart pavilion
    assert p.get_by_role("heading", name="Hangzhou · Companies in city pavilion", exact=False).count() == 1
    p.locator("[data-testid=stSelectbox]").filter(has_text="Disputed figure").locator("input").click()
    p.get_by_role("option", name="Hangzhou · Animation companies (3 values)").click()
    p.wait_for_function("() => new URLSearchParams(location.search).get('sources_conflict')"
                        " === 'city/hangzhou/animation_companies/count'", timeout=20_000)
    page.wait_drawn()
    p.wait_for_function("() => document.querySelector('[data-testid=stDataFrame] tbody tr[aria-rowindex=\"2\"]')"
                        ".getAttribute('aria-selected') === 'true'", timeout=20_000)
    assert ticked_rows(p) == [1]
    assert p.get_by_role("heading", name="Hangzhou · Animation companies", exact=False).count() == 1
    page.screenshot("sources-conflicts-picker-ticks-row-en")
    assert page.external == [] and page.errors == []


def test_the_source_picked_by_url_is_ticked_and_a_row_click_picks_another(open_page):
    page = open_page("/sources?lang=zh-Hans&sources_q=seed&sources_source=seed-001")
    p = page.page
    p.wait_for_selector("[data-testid=stDataFrame] tbody tr", state="attached", timeout=20_000)
    assert ticked_rows(p) == [3]  # the seeds by publisher: Bastille Post, China Daily, PR Newswire, Variety
    grid = p.locator("[data-testid=stDataFrame]").first.bounding_box()
    p.mouse.click(grid["x"] + 18, grid["y"] + 35 + 17)  # the first row's marker
    p.wait_for_function("() => new URLSearchParams(location.search).get('sources_source') === 'seed-002'",
                        timeout=20_000)
    page.wait_drawn()
    assert ticked_rows(p) == [1]
    assert p.get_by_role("heading", name="Bastille Post", exact=False).count() == 1  # what seed-002 supports
    assert page.external == [] and page.errors == []
