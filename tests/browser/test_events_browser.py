"""The Events page in headless Chromium, offline: the timeline draws, a click narrows the rows."""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_drawn
from tests.shipped import rows as warehouse

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("query, name, title", [
    ("", "events-en", "Events and partnerships"),
    ("?lang=zh-Hant", "events-zh-Hant", "活動與合作"),
])
def test_events_offline(open_page, query, name, title):
    page = open_page("/events" + query)
    p = page.page
    assert p.locator("[data-testid=stException]").count() == 0
    p.wait_for_selector(".js-plotly-plot .scatterlayer path.point", timeout=20_000)
    assert p.locator(".js-plotly-plot .scatterlayer path.point").count() >= 20
    assert p.locator(".js-plotly-plot .legend .traces").count() >= 4
    shot = page.screenshot(name)
    assert_drawn(shot)
    assert p.locator("h1").first.inner_text().strip() == title
    assert page.external == [], page.external
    assert page.errors == []


def test_clicking_a_marker_narrows_the_rows_to_its_city(open_page):
    page = open_page("/events?events_city=hong-kong")
    p = page.page
    p.wait_for_selector(".js-plotly-plot .scatterlayer path.point", timeout=20_000)
    p.locator(".js-plotly-plot .scatterlayer path.point").first.click(force=True)
    p.wait_for_timeout(1500)
    page.wait_drawn()
    assert "events_focus=hong-kong" in p.url
    assert p.locator("[data-testid=stAlert]").filter(has_text="Hong Kong").count() == 1
    assert page.external == []


def test_the_rows_show_one_table_switched_in_place(open_page):
    """One grid under the timeline; a click on 'Partnerships (n)' swaps it and writes ?events_list=."""
    (events, partnerships), = warehouse("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM partnerships)")
    page = open_page("/events")
    p = page.page
    assert p.locator("[data-testid=stDataFrame]").count() == 1
    assert p.get_by_role("heading", name=f"Events ({events})").count() == 1
    p.get_by_role("radio", name=f"Partnerships ({partnerships})", exact=True).click()
    p.wait_for_function("() => location.search.includes('events_list=partnerships')", timeout=20_000)
    p.get_by_role("heading", name=f"Partnerships ({partnerships})").wait_for(timeout=20_000)
    page.wait_drawn()
    assert p.locator("[data-testid=stDataFrame]").count() == 1
    assert p.get_by_role("heading", name=f"Events ({events})").count() == 0
    assert p.locator(".js-plotly-plot").count() == 1  # the timeline stays drawn
    page.screenshot("events-partnerships-en")
    assert page.external == []
    assert page.errors == []
