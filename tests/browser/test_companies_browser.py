"""The Companies page in headless Chromium with the network cut off: chart, table and figures drawn."""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_drawn
from tests.shipped import rows as warehouse

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("query, name, reported", [
    ("", "en", "more than 700"), ("?lang=zh-Hant", "zh-Hant", "超過700")])
def test_companies_offline(open_page, query, name, reported):
    page = open_page("/" + query)  # see test_cities_browser: deep links on a fresh server skip app.py
    page.open("/companies" + query)
    p = page.page
    assert p.locator("[data-testid=stException]").count() == 0
    p.wait_for_selector(".js-plotly-plot .bars path", timeout=20_000)
    assert p.locator(".js-plotly-plot .bars path").count() >= 5
    values = [v.strip() for v in p.locator("[data-testid=stMetricValue]").all_inner_texts()]
    assert values[0] == reported
    assert p.locator("[data-testid=stDataFrame]").count() >= 1
    shot = page.screenshot(f"companies-{name}")
    assert_drawn(shot)
    assert page.external == [], page.external
    assert page.errors == []


def test_clicking_a_bar_filters_by_type(open_page):
    page = open_page("/companies")
    p = page.page
    p.wait_for_selector(".js-plotly-plot .bars path", timeout=20_000)
    (largest,), = warehouse("SELECT type FROM companies GROUP BY type ORDER BY count(*) DESC, type LIMIT 1")
    p.locator(".js-plotly-plot .bars path").first.click(force=True)  # the first bar: the largest type
    p.wait_for_timeout(1500)
    page.wait_drawn()
    assert f"type={largest}" in p.url
    assert page.external == []


def test_the_company_in_the_url_is_ticked_and_a_row_click_opens_another_profile(open_page):
    from filmdash.core import db
    from filmdash.views import companies

    everyone = db.query("companies_list", limit=companies.LIST_LIMIT,
                        **companies.filters({f: [] for f in companies.FACETS}, ""))
    third, first = everyone.iloc[2], everyone.iloc[0]
    page = open_page("/")
    page.open(f"/companies?company={third['company_id']}")
    p = page.page
    p.wait_for_selector("[data-testid=stDataFrame] tbody tr", state="attached", timeout=20_000)
    ticked = "() => [...document.querySelectorAll('[data-testid=stDataFrame] tbody tr[aria-selected=true]')]" \
             ".map(r => Number(r.getAttribute('aria-rowindex')) - 1)"
    assert p.evaluate(ticked) == [3]
    assert p.get_by_role("heading", name=third["name_en"], exact=True).count() == 1
    # a click on the first row's marker opens that company's profile (one rerun, the URL follows)
    p.locator("[data-testid=stDataFrame]").first.scroll_into_view_if_needed()
    grid = p.locator("[data-testid=stDataFrame]").first.bounding_box()
    p.mouse.click(grid["x"] + 18, grid["y"] + 35 + 17)
    p.wait_for_function(f"() => new URLSearchParams(location.search).get('company') === '{first['company_id']}'",
                        timeout=20_000)
    page.wait_drawn()
    assert p.evaluate(ticked) == [1]
    assert p.get_by_role("heading", name=first["name_en"], exact=True).count() == 1
    page.screenshot("companies-row-picked-en")
    assert page.external == [] and page.errors == []
