"""The Studios page in headless Chromium with the network cut off: charts drawn, nothing fetched."""

from __future__ import annotations

import re
import urllib.request

import pytest

from tests.browser.conftest import assert_drawn

pytestmark = pytest.mark.browser


def reach(open_page, lang: str, query: str = ""):
    return open_page(f"/studios?lang={lang}" + query)


@pytest.mark.parametrize("lang, heading, section", [
    ("en", "Studio bases: what they built, by whose account", "Figures by source"),
    ("zh-Hant", "影視基地：建成了什麼，誰說的", "各來源數據"),
])
def test_studios_offline(open_page, lang, heading, section):
    page = reach(open_page, lang)
    p = page.page
    assert p.locator("[data-testid=stException]").count() == 0
    assert p.get_by_role("heading", name=heading).count() == 1
    p.wait_for_selector(".js-plotly-plot .bars path", state="attached", timeout=20_000)
    # the default section: productions by year, the page's one chart
    assert p.locator(".js-plotly-plot").count() == 1
    shot = page.screenshot(f"studios-{lang}")
    assert_drawn(shot)
    # the facts section, in place: every claim in the table, the fact picked charted
    p.locator("[data-testid=stButtonGroup]").get_by_text(section, exact=True).click()
    p.wait_for_function("() => location.search.includes('studios_section=facts')", timeout=20_000)
    p.wait_for_selector(".js-plotly-plot .scatterlayer .point", state="attached", timeout=20_000)
    page.wait_drawn()
    assert p.locator(".js-plotly-plot").count() == 1
    assert p.locator("[data-testid=stDataFrame]").count() == 1
    assert p.locator(".js-plotly-plot .scatterlayer .point").count() >= 12  # every sound-stage claim is a dot
    page.screenshot(f"studios-facts-{lang}")
    assert page.external == [], page.external
    assert page.errors == []


def test_studio_from_the_url(open_page):
    page = open_page("/studios?studio=versa-leeds-studios")
    p = page.page
    assert p.locator("[data-testid=stException]").count() == 0
    assert p.get_by_role("heading", name="Versa Leeds Studios (Leeds)").count() == 1
    assert page.external == []


def test_picking_a_fact_charts_it(open_page):
    page = open_page("/studios?studios_section=facts&studio_fact=investment")
    p = page.page
    assert p.get_by_role("heading", name="Investment", exact=False).count() >= 1
    assert p.locator(".js-plotly-plot").count() == 1
    p.locator("[data-testid=stButtonGroup]").get_by_text("Site area", exact=True).click()
    p.wait_for_timeout(800)
    page.wait_drawn()
    assert "studio_fact=site_area" in p.url
    assert p.get_by_role("heading", name="Site area", exact=False).count() >= 1
    assert p.locator("[data-testid=stException]").count() == 0
    assert page.external == []


def test_grid_code_is_fetched_at_rest_before_the_first_table_click(open_page):
    """/studios opens on one chart and no table: the data grid's code (a chunk this app serves) is
    fetched once the page is at rest, so the first switch of a box to Table does not wait for it."""
    page = open_page("/studios")
    p = page.page
    assert p.locator("[data-testid=stDataFrame]").count() == 0
    p.wait_for_function("() => performance.getEntriesByType('resource')"
                        ".some(e => /\\/static\\/js\\/DataFrame\\.[^/]+\\.js$/.test(e.name))", timeout=15_000)
    grid = [u for u in page.requests if re.search(r"/static/(js/DataFrame\.[^/]+\.js|css/DataFrame\.[^/]+\.css)$", u)]
    assert sorted(u.rsplit(".", 1)[1] for u in grid) == ["css", "js"], grid  # the grid's code and its styles
    assert all(u.startswith(page.base_url) and urllib.request.urlopen(u, timeout=5).status == 200 for u in grid)
    p.get_by_role("radio", name="Table", exact=True).first.click()
    p.wait_for_selector("[data-testid=stDataFrame]", timeout=20_000)
    page.wait_drawn()
    assert "studio_productions_view=table" in p.url
    assert [u for u in page.requests if "/DataFrame." in u] == grid  # Streamlit's own import found it ready
    assert page.external == [], page.external
    assert page.errors == []
