"""The Overview in headless Chromium with the network cut off: nothing fetched, figures visible."""

from __future__ import annotations

import pytest

from tests.browser.conftest import ROOT, assert_drawn

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("query, locale, figure, label", [
    ("", "en-GB", "30", "UNESCO Cities of Film"),
    ("?lang=zh-Hans", "en-GB", "30", "联合国教科文组织电影之都"),
    ("?lang=zh-Hant", "en-GB", "30", "聯合國教科文組織電影之都"),
    ("", "zh-TW", "30", "聯合國教科文組織電影之都"),  # default from the browser's locale
])
def test_overview_offline(open_page, query, locale, figure, label):
    page = open_page("/" + query, locale=locale)
    p = page.page
    assert p.locator("[data-testid=stException]").count() == 0
    metric = p.locator("[data-testid=stMetric]").filter(has_text=label)
    assert metric.count() == 1
    assert metric.locator("[data-testid=stMetricValue]").inner_text().strip() == figure
    # the plotly chart drew its bars
    p.wait_for_selector(".js-plotly-plot .bars path", timeout=20_000)
    assert p.locator(".js-plotly-plot .bars path").count() >= 9
    shot = page.screenshot(f"overview{query.replace('?lang=', '-') or '-en'}-{locale}")
    assert_drawn(shot)
    assert page.external == [], page.external
    assert page.errors == []


def test_sources_are_one_click_away(open_page):
    page = open_page("/")
    p = page.page
    p.locator("[data-testid=stPopover] button").first.click()
    p.wait_for_timeout(800)
    body = p.locator("[data-testid=stPopoverBody]")
    assert body.count() == 1
    links = body.locator("a[href^='http']")
    assert links.count() >= 5
    assert page.external == []


def test_chart_box_download_is_the_table_shown(open_page):
    page = open_page("/")
    p = page.page
    button = p.get_by_role("button", name="Download CSV").first
    assert button.inner_text() == "Download CSV (9 rows)"  # the row count is on the button
    with p.expect_download() as info:
        button.click()
    data = open(info.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the Chinese names with the BOM
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].split(",")[:2] == ["year", "cities"]
    assert lines[1].startswith("2009,1,")
    assert len(lines) == 1 + 9  # nine designation years, exactly the rows the chart shows
    assert page.external == []


def test_navigation_icons_come_from_the_bundled_icon_font(open_page):
    """Emoji need a colour-emoji font a presenter's machine may lack (they drew as empty boxes here);
    Streamlit's Material Symbols font ships with it and is served locally."""
    page = open_page("/")
    p = page.page
    icons = p.locator("[data-testid=stSidebarNav] [data-testid=stIconMaterial]")
    assert icons.count() == p.locator("[data-testid=stSidebarNav] a").count() > 1  # one icon per page link
    assert icons.first.inner_text() == "home"
    # drawn as one glyph (the font's ligature), not as the word "home" in a text font
    p.wait_for_function("document.fonts.status === 'loaded'")
    box = icons.first.bounding_box()
    assert box["width"] <= box["height"] * 1.2, box
    assert page.external == []


def test_the_tab_icon_is_the_shipped_image_served_by_this_app(open_page, server):
    """An emoji tab icon is an SVG of text: an empty box without a colour-emoji font."""
    import urllib.request

    page = open_page("/")
    href = page.page.evaluate("document.querySelector('link[rel=icon], link[rel=\"shortcut icon\"]').href")
    assert href.startswith(server + "/media/") and href.endswith(".png"), href
    data = urllib.request.urlopen(href, timeout=10).read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data == (ROOT / "static" / "favicon.png").read_bytes()
    assert page.external == []


def test_language_switches_in_one_click_and_fits_one_row(open_page):
    """A presenter switches language with one click in the sidebar; the three choices sit on one row."""
    page = open_page("/studios?lang=en")
    p = page.page
    options = p.locator("[data-testid=stSidebar] [data-testid=stButtonGroup] button")
    assert options.all_inner_texts() == ["English", "简体", "繁體"]
    tops = {round(b.bounding_box()["y"]) for b in options.all()}
    assert len(tops) == 1, tops  # no choice wrapped onto a second line
    p.get_by_role("radio", name="繁體", exact=True).click()
    p.wait_for_url("**lang=zh-Hant**")
    page.wait_drawn()
    p.get_by_role("heading", name="影視基地", exact=False).first.wait_for()
    assert "/studios" in p.url
    assert p.locator("[data-testid=stSidebarNav]").inner_text().count("影視基地") == 1
    page.screenshot("language_switch_zh-Hant")
    assert page.external == [] and page.errors == []
