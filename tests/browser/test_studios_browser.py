"""The Studios page in headless Chromium with the network cut off: charts drawn, nothing fetched."""

from __future__ import annotations

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
