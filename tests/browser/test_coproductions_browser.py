"""The Co-productions page in headless Chromium with the network cut off: charts drawn, nothing fetched.

English by a deep link; Traditional Chinese the way a reader at FilMart reaches it: from /, with the
browser's locale zh-TW, through the sidebar navigation (the language follows across the switch).
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_drawn

pytestmark = pytest.mark.browser


def reach(open_page, lang: str):
    if lang == "en":
        return open_page("/coproductions")
    page = open_page("/", locale="zh-TW")
    page.page.locator("[data-testid=stSidebarNav] a[href$='/coproductions']").click()
    page.page.wait_for_timeout(800)
    page.wait_drawn()
    return page


@pytest.mark.parametrize("lang, heading, section", [
    ("en", "International co-productions: who films with whom", "Titles by year"),
    ("zh-Hant", "國際合拍片：誰與誰合作拍片", "歷年作品"),
])
def test_coproductions_offline(open_page, lang, heading, section):
    page = reach(open_page, lang)
    p = page.page
    assert p.locator("[data-testid=stException]").count() == 0
    assert p.get_by_role("heading", name=heading).count() == 1
    # the default section: the network, the page's one chart, over the list
    p.wait_for_selector(".js-plotly-plot .scatterlayer path", state="attached", timeout=20_000)
    assert p.locator(".js-plotly-plot").count() == 1
    assert p.locator(".js-plotly-plot .scatterlayer path").count() >= 13  # network edges
    assert p.locator("[data-testid=stDataFrame]").count() == 1
    page.screenshot(f"coproductions-{lang}")
    # titles by year, in place: the bars replace the network, the list stays
    p.locator("[data-testid=stButtonGroup]").get_by_text(section, exact=True).click()
    p.wait_for_function("() => location.search.includes('coproductions_section=by_year')", timeout=20_000)
    p.wait_for_selector(".js-plotly-plot .bars path", state="attached", timeout=20_000)
    page.wait_drawn()
    assert p.locator(".js-plotly-plot").count() == 1
    assert p.locator(".js-plotly-plot .bars path").count() >= 10  # stacked bars by year and status
    assert p.locator("[data-testid=stDataFrame]").count() == 1
    shot = page.screenshot(f"coproductions-by-year-{lang}")
    assert_drawn(shot)
    assert page.external == [], page.external
    assert page.errors == []


def test_filters_from_the_url(open_page):
    page = open_page("/coproductions?status=released&country=IN")
    p = page.page
    assert p.locator("[data-testid=stException]").count() == 0
    # the released titles with India: three China-India and Zhemchug (Russia-India), counted by hand in
    # tests/pages/test_page_coproductions.py::test_status_and_country_filters_change_the_list_exactly
    assert p.get_by_text("China–India is the most frequent pair: 3 of 4 documented titles.").count() == 1
    assert page.external == []


def test_clicking_a_year_bar_filters_the_list(open_page):
    """The by-year box is a fragment; its click still reruns the whole page, so the list follows."""
    page = open_page("/coproductions?coproductions_section=by_year")
    p = page.page
    chart = p.locator(".js-plotly-plot").filter(has=p.locator(".bars path")).first
    chart.locator(".bars path").first.click(force=True)
    p.wait_for_function("() => location.search.includes('year=')", timeout=20_000)
    p.wait_for_timeout(800)
    page.wait_drawn()
    year = p.evaluate("new URLSearchParams(location.search).get('year')")
    assert year.isdigit() and 2000 <= int(year) <= 2030
    assert p.get_by_text(f"Showing {year} only (from the bar clicked).").count() == 1
    assert p.get_by_role("button", name="Show all years").count() == 1
    assert "coproductions_section=by_year" in p.url  # the chart clicked is still shown
    assert page.external == []
    assert page.errors == []


def test_clicking_a_country_in_the_network_filters_the_page(open_page):
    """A node click sets the country filter (in the URL) and the list keeps that country's titles."""
    from filmdash.core import db

    cursor = db.connection().cursor()
    india = cursor.execute("SELECT count(DISTINCT production_id) FROM production_countries pc JOIN productions p "
                           "USING (production_id) WHERE p.is_coproduction AND pc.country_iso2 = 'IN'").fetchone()[0]
    pairs = cursor.execute("SELECT count(*) FROM coproduction_links WHERE 'IN' IN (country_a, country_b)").fetchone()[0]
    cursor.close()
    page = open_page("/coproductions")
    p = page.page
    nodes = p.locator(".js-plotly-plot .scatterlayer .trace").last
    labels = nodes.locator(".textpoint text").evaluate_all("els => els.map(e => e.textContent)")
    index = next(i for i, text in enumerate(labels) if text.startswith("India ("))
    nodes.locator("path.point").nth(index).click(force=True)
    p.wait_for_function("() => new URLSearchParams(location.search).get('country') === 'IN'", timeout=20_000)
    p.wait_for_timeout(800)
    page.wait_drawn()
    assert p.get_by_role("button", name=f"Download CSV ({india} rows)", exact=True).count() == 1
    pair_rows = f"{pairs} row" + ("" if pairs == 1 else "s")  # India's links in the network box's table
    assert p.get_by_role("button", name=f"Download CSV ({pair_rows})", exact=True).count() == 1
    assert p.locator("[data-testid=stMultiSelect]").filter(has_text="India").count() == 1
    page.screenshot("coproductions-country-clicked-en")
    assert page.external == [] and page.errors == []
