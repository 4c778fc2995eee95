"""The document's language and the language switch, in headless Chromium: `<html lang>` follows the
page's language after a switch (on first load, on every page in every language: the axe test's own load,
test_accessibility_browser.py), and a switch redraws the filters' options and
chosen values in the new language at once, keeping the values chosen."""

from __future__ import annotations

import pytest

from filmdash.core.i18n import LANGUAGE_LABELS, t

pytestmark = pytest.mark.browser


def html_lang(page) -> str:
    return page.page.evaluate("() => document.documentElement.lang")


def switch_language(page, lang: str) -> None:
    sidebar = page.page.locator("[data-testid=stSidebar]")
    sidebar.get_by_role("radio", name=LANGUAGE_LABELS[lang], exact=True).click()
    page.page.wait_for_function(f"() => document.documentElement.lang === {lang!r}", timeout=30_000)
    page.wait_drawn()


def chips(page, label: str) -> list[str]:
    """The chosen values a multiselect shows, as drawn."""
    box = page.page.locator("[data-testid=stMultiSelect]").filter(has_text=label)
    return [c.strip() for c in box.locator("[data-tag] > span[title]").all_inner_texts()]


def test_switch_redraws_the_map_status_filter_and_keeps_values(open_page):
    page = open_page("/map?lang=zh-Hant&link_status=announced,in-development")
    label_hant = t("map_filter_link_status", "zh-Hant")
    assert html_lang(page) == "zh-Hant"
    assert chips(page, label_hant) == ["已宣布", "開發中"]

    switch_language(page, "en")
    label_en = t("map_filter_link_status", "en")
    assert html_lang(page) == "en"
    assert chips(page, label_en) == ["announced", "in development"]
    assert "link_status=announced%2Cin-development" in page.page.url or \
        "link_status=announced,in-development" in page.page.url, page.page.url
    # the layers' pills, the zoom's segments and the title redrew too
    assert page.page.locator("h1").first.inner_text().strip() == t("map_title", "en")
    assert page.page.get_by_role("radio", name=t("map_zoom_world", "en"), exact=True).count() == 1
    assert page.page.locator("body").inner_text().count("已宣布") == 0
    page.screenshot("language-switch-map-en")

    switch_language(page, "zh-Hans")
    assert chips(page, t("map_filter_link_status", "zh-Hans")) == ["已宣布", "开发中"]
    switch_language(page, "zh-Hant")
    assert chips(page, label_hant) == ["已宣布", "開發中"]
    assert page.errors == []
    assert page.external == [], page.external
