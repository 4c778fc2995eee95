"""The map in headless Chromium with the network cut off: the base map comes from the app itself,
every layer draws, nothing is fetched from another host. Run once more inside a network namespace
with only loopback (`unshare -n`): the "hall network is down" case, for real."""

from __future__ import annotations

import pytest

from filmdash.core import db
from tests.browser.conftest import Page, assert_drawn, run_in_netns

pytestmark = pytest.mark.browser
NETNS_GUARD = "FILMDASH_MAP_IN_NETNS"
ALL_LAYERS = "?layers=cities,sco,links,studios,events"


def expected_counts() -> dict[str, int]:
    """What the map must draw, counted independently of the builders, straight from the warehouse."""
    # the app's own sandboxed connection: one process may hold only one configuration per file
    con = db.connection().cursor()
    try:
        one = lambda sql: con.execute(sql).fetchall()[0][0]  # noqa: E731
        # one shape per country: a country with two open statuses would be drawn twice and fail here
        sco = one("SELECT count(DISTINCT member_id) FROM memberships WHERE organisation = 'sco' "
                  "AND member_type = 'country' AND end_date IS NULL")
        links = one("SELECT count(*) FROM coproduction_links")
        widths = one("SELECT count(DISTINCT least(2.0 + 1.5 * (titles - 1), 14.0)) FROM coproduction_links")
        link_countries = one("SELECT count(DISTINCT c) FROM (SELECT country_a c FROM coproduction_links "
                             "UNION SELECT country_b FROM coproduction_links)")
        cities = one("SELECT count(*) FROM dim_cities WHERE is_city_of_film AND lat IS NOT NULL")
        studio_cities = one("SELECT count(DISTINCT city_id) FROM studios JOIN dim_cities USING (city_id) "
                            "WHERE lat IS NOT NULL")
        event_cities = one("SELECT count(DISTINCT city_id) FROM events JOIN dim_cities USING (city_id) "
                           "WHERE lat IS NOT NULL")
        seeds = one("SELECT count(*) FROM dim_cities WHERE city_id IN ('qingdao', 'hangzhou', 'bradford', "
                    "'hong-kong') AND lat IS NOT NULL")
    finally:
        con.close()
    # link markers: one at each link's midpoint (its hover) and one per country it joins
    # links of one width share a line trace: a path per width, a subpath per link (two for a link
    # that crosses the map's edge)
    return {"countries": sco, "lines": widths, "arcs": links,
            "points": links + link_countries + cities + studio_cities + event_cities + seeds}


@pytest.fixture(scope="module")
def warm(browser, server):
    """The server, with no page opened first: deep links go straight through app.py."""
    return server


def open_map(browser, server, query: str, locale: str = "en-GB") -> tuple[Page, list[str]]:
    page = Page(browser, server, locale)
    requested: list[str] = []
    page.page.on("request", lambda r: requested.append(r.url))
    page.open("/map" + query)
    page.page.wait_for_selector(".js-plotly-plot .geo .scattergeo .point", timeout=30_000)
    page.page.wait_for_timeout(800)
    return page, requested


def svg_counts(page: Page) -> dict[str, int]:
    p = page.page
    return {"countries": p.locator(".js-plotly-plot .choroplethlayer path").count(),
            "lines": p.locator(".js-plotly-plot .scattergeo .js-line").count(),
            "arcs": p.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot .scattergeo .js-line')]
                .reduce((n, e) => n + (e.getAttribute('d').match(/M/g) || []).length, 0)"""),
            "points": p.locator(".js-plotly-plot .scattergeo .point").count(),
            "base": p.locator(".js-plotly-plot .geo .layer.countries path, "
                              ".js-plotly-plot .geo .layer.land path").count()}


@pytest.mark.parametrize("lang, title", [
    ("en", "Map: film cities, the SCO and co-production links"),
    ("zh-Hans", "地图：电影城市、上海合作组织与合拍联系"),
    ("zh-Hant", "地圖：電影城市、上海合作組織與合拍聯繫"),
])
def test_offline_map(browser, warm, lang, title):
    server = warm
    page, requested = open_map(browser, server, f"{ALL_LAYERS}&lang={lang}")
    try:
        p = page.page
        assert p.locator("[data-testid=stException]").count() == 0
        assert p.locator("h1").first.inner_text().strip() == title
        drawn, expected = svg_counts(page), expected_counts()
        arcs = expected.pop("arcs")
        assert {k: drawn[k] for k in expected} == expected, drawn
        assert arcs <= drawn["arcs"] <= 2 * arcs, drawn
        assert drawn["base"] >= 2  # the base map (land, borders) drew from the app's own topojson
        topojson = [u for u in requested if "topojson" in u]
        assert topojson and all(u.startswith(server + "/app/static/topojson/world_") for u in topojson), topojson
        assert p.locator("[data-testid=stAlert]").filter(has_text="Natural Earth").count() == 1
        shot = page.screenshot(f"map-{lang}")
        assert_drawn(shot)
        assert page.external == [], page.external
        assert page.errors == []
    finally:
        page.close()


def test_points_only_draws_no_border(browser, warm):
    server = warm
    page, requested = open_map(browser, server, f"{ALL_LAYERS}&mode=points&lang=zh-Hant")
    try:
        p = page.page
        drawn = svg_counts(page)
        assert drawn["countries"] == 0  # no choropleth
        assert p.locator(".js-plotly-plot .geo .layer.countries path").count() == 0  # no borders
        assert p.locator(".js-plotly-plot .geo .layer.coastlines path").count() == 0
        # SCO countries become markers at their representative points instead
        assert drawn["points"] == expected_counts()["points"] + expected_counts()["countries"]
        page.screenshot("map-points-only-zh-Hant")
        assert page.external == [], page.external
    finally:
        page.close()


def test_zoom_preset_and_click_filter_the_table(browser, warm):
    server = warm
    page, _ = open_map(browser, server, "?zoom=east_asia&layers=cities")
    try:
        p = page.page
        # a click on the Qingdao marker (a seed, labelled) selects it: the URL and the table follow
        label = p.locator(".js-plotly-plot g.scattergeo text", has_text="Qingdao").first.bounding_box()
        markers = p.locator(".js-plotly-plot g.scattergeo").last.locator(".point")
        boxes = [b for b in (markers.nth(i).bounding_box() for i in range(markers.count())) if b]
        target = min(boxes, key=lambda b: abs(b["x"] - label["x"]) + abs(b["y"] - label["y"]))
        p.mouse.click(target["x"] + target["width"] / 2, target["y"] + target["height"] / 2)
        p.wait_for_timeout(1500)
        page.wait_drawn()
        assert "sel=city%3Aqingdao" in p.url or "sel=city:qingdao" in p.url, p.url
        assert p.get_by_text("Only Qingdao: 1 row.").count() == 1  # layers=cities: its City of Film row
        page.screenshot("map-east-asia-qingdao")
        assert page.external == []
    finally:
        page.close()


def test_map_in_a_network_namespace():
    """The same offline checks with no network interface but loopback (`unshare -n`, as root)."""
    run_in_netns("tests/browser/test_map_browser.py", "offline_map", NETNS_GUARD, passed=3)


def test_png_export_is_drawn_by_the_server_offline(browser, warm, tmp_path):
    page, _ = open_map(browser, warm, "?layers=cities,sco&lang=zh-Hant")
    try:
        p = page.page
        with p.expect_download(timeout=60_000) as download:
            p.get_by_role("button", name="下載 PNG").click()
        target = tmp_path / "map.png"
        download.value.save_as(target)
        data = target.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 60_000
        assert download.value.suggested_filename == "map.png"
        assert page.external == [], page.external
    finally:
        page.close()
