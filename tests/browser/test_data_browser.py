"""/data in headless Chromium with the network cut off: a search typed in Traditional Chinese finds
the Simplified rows, the URL follows, and a real download arrives as a CSV with a BOM."""

from __future__ import annotations

import io

import pandas as pd
import pytest

pytestmark = pytest.mark.browser


def test_search_in_traditional_chinese_and_download(open_page):
    page = open_page("/")  # see test_cities_browser: deep links on a fresh server skip app.py
    page.open("/data?lang=zh-Hant&table=dim_cities")
    p = page.page
    assert p.locator("[data-testid=stException]").count() == 0
    box = p.get_by_label("搜索所有文本列")
    box.fill("青島")
    box.press("Enter")
    p.wait_for_timeout(1500)
    page.wait_drawn()
    assert "q=%E9%9D%92%E5%B3%B6" in p.url  # 青島, in the URL
    assert p.get_by_text("第1–1行，共1行（第1頁，共1頁）").count() == 1
    shot = page.screenshot("data-zh-Hant-search")
    assert shot.stat().st_size > 20_000
    button = p.get_by_role("button", name="全部符合條件的行：CSV（1行）")
    with p.expect_download(timeout=30_000) as info:
        button.click()
    download = info.value
    assert download.suggested_filename.startswith("dim_cities_q-青島_") and download.suggested_filename.endswith(".csv")
    data = open(download.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert frame["city_id"].tolist() == ["qingdao"] and frame["name_zh_hant"].tolist() == ["青島"]
    assert page.external == [], page.external
    assert page.errors == []


def test_sql_tab_refuses_a_file_read_in_the_page(open_page):
    page = open_page("/")
    page.open("/data?tab=sql&sql=SELECT%20*%20FROM%20read_csv('/etc/passwd')")
    p = page.page
    alert = p.locator("[data-testid=stAlertContentError]")
    assert "This function reads files, the network or settings and is refused: read_csv" in alert.inner_text()
    assert p.locator("[data-testid=stException]").count() == 0
    page.screenshot("data-sql-refused")
    assert page.external == []


def test_a_chart_saved_as_png_carries_its_caption(open_page):
    page = open_page("/")
    page.open("/?lang=zh-Hans")
    p = page.page
    p.get_by_role("button", name="图片", exact=True).first.click()
    p.wait_for_timeout(800)
    with p.expect_download(timeout=90_000) as info:
        p.get_by_role("button", name="PNG", exact=True).first.click()
    download = info.value
    assert download.suggested_filename.endswith(".png") and "_20" in download.suggested_filename  # box_date.png
    data = open(download.path(), "rb").read()
    assert data.startswith(b"\x89PNG") and len(data) > 30_000
    from tests.browser.conftest import ARTIFACTS

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "chart-image-zh-Hans.png").write_bytes(data)
    if not p.get_by_role("button", name="SVG", exact=True).first.is_visible():
        p.get_by_role("button", name="图片", exact=True).first.click()  # the popover closed with the download
        p.wait_for_timeout(800)
    with p.expect_download(timeout=90_000) as info:
        p.get_by_role("button", name="SVG", exact=True).first.click()
    svg = open(info.value.path(), "rb").read().decode("utf-8")
    assert "来源：" in svg and "数据构建于" in svg and "lang=zh-Hans" in svg
    assert page.external == [], page.external
