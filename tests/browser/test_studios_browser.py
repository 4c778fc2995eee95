"""The Studios page in headless Chromium with the network cut off: charts drawn, nothing fetched.

Chinese is reached the way a reader reaches it: the app's frame (from /, browser locale zh-TW) and
the sidebar navigation. (A URL opened directly on /studios is served from the pages/ folder
without app.py's frame, so ?lang= is not applied there: reported to the lead.)
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def reach(open_page, lang: str, query: str = ""):
    if lang == "en":
        return open_page("/studios" + query)
    page = open_page("/", locale="zh-TW")
    page.page.locator("[data-testid=stSidebarNav] a[href$='/studios']").click()
    page.page.wait_for_timeout(800)
    page.wait_drawn()
    return page


@pytest.mark.parametrize("lang, heading", [
    ("en", "Studio bases: what they built, by whose account"),
    ("zh-Hant", "影視基地：建成了什麼，誰說的"),
])
def test_studios_offline(open_page, lang, heading):
    page = reach(open_page, lang)
    p = page.page
    assert p.locator("[data-testid=stException]").count() == 0
    assert p.get_by_role("heading", name=heading).count() == 1
    p.wait_for_selector(".js-plotly-plot .bars path", state="attached", timeout=20_000)
    assert p.locator(".js-plotly-plot").count() >= 8  # productions, the facts, incentives, comparison
    assert p.locator(".js-plotly-plot .scatterlayer .point").count() >= 12  # every sound-stage claim is a dot
    shot = page.screenshot(f"studios-{lang}")
    assert shot.stat().st_size > 20_000
    assert page.external == [], page.external
    assert page.errors == []


def test_studio_from_the_url(open_page):
    page = open_page("/studios?studio=versa-leeds-studios")
    p = page.page
    assert p.locator("[data-testid=stException]").count() == 0
    assert p.get_by_role("heading", name="Versa Leeds Studios (Leeds)").count() == 1
    assert page.external == []
