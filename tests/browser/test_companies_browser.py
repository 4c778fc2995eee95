"""The Companies page in headless Chromium with the network cut off: chart, table and figures drawn."""

from __future__ import annotations

import pytest

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
    assert shot.stat().st_size > 20_000
    assert page.external == [], page.external
    assert page.errors == []


def test_clicking_a_bar_filters_by_type(open_page):
    page = open_page("/companies")
    p = page.page
    p.wait_for_selector(".js-plotly-plot .bars path", timeout=20_000)
    p.locator(".js-plotly-plot .bars path").first.click(force=True)
    p.wait_for_timeout(1500)
    page.wait_drawn()
    assert "type=production" in p.url
    assert page.external == []
