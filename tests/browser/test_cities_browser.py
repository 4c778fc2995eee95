"""The Cities page in headless Chromium with the network cut off: charts draw, a click opens a profile."""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_drawn

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("query, name", [("", "en"), ("?lang=zh-Hant", "zh-Hant")])
def test_cities_offline(open_page, query, name):
    page = open_page("/cities" + query)  # a deep link, straight to the page (filmdash.serve)
    p = page.page
    assert p.locator("[data-testid=stException]").count() == 0
    p.wait_for_selector(".js-plotly-plot .bars path", timeout=20_000)
    # two chart boxes drew their bars: every claim, and the documented counts
    assert p.locator(".js-plotly-plot").count() == 2
    assert p.locator(".js-plotly-plot .bars path").count() >= 6
    title = "Cities compared" if name == "en" else "城市比較"
    assert p.get_by_role("heading", name=title).count() == 1
    shot = page.screenshot(f"cities-{name}")
    assert_drawn(shot)
    assert page.external == [], page.external
    assert page.errors == []


def test_clicking_a_bar_opens_the_city_profile(open_page):
    page = open_page("/cities?cities=qingdao,bradford&metric=film_companies")
    p = page.page
    p.wait_for_selector(".js-plotly-plot .bars path", timeout=20_000)
    p.locator(".js-plotly-plot").first.locator(".bars path").first.click(force=True)
    p.wait_for_timeout(1500)
    page.wait_drawn()
    assert "city=qingdao" in p.url
    assert p.get_by_text("designated in 2017").count() >= 1
    page.page.locator("[data-testid=stMain]").screenshot(path=str(page.screenshot("cities-profile-en")))
    assert page.external == []
