"""The language switch under AppTest: one click redraws every filter in the new language, keeps every
chosen value (by value, from the URL) and the page, and writes the language to the URL."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from filmdash.core.i18n import t
from tests.pages.apptest import rerun, run_app


def widget(at: AppTest, kind: str, key: str):
    return next(w for w in at.get(kind) if w.key == key)


def switch(at: AppTest, lang: str) -> AppTest:
    widget(at, "button_group", "language_switch").set_value(lang)
    return rerun(at)


def test_map_filters_redraw_in_the_new_language_with_their_values():
    at = run_app("/map", lang="zh-Hant", link_status="announced,in-development", layers="cities,links",
                 zoom="europe")
    status = widget(at, "multiselect", "url_link_status")
    assert status.value == ["announced", "in-development"]
    assert status.label == "合拍片狀態"
    assert [status.format_func(v) for v in status.value] == ["已宣布", "開發中"]

    at = switch(at, "en")
    assert at.query_params["lang"] == "en"
    assert at.title[0].value == t("map_title", "en")
    status = widget(at, "multiselect", "url_link_status")
    assert status.label == "Co-production status"
    assert status.value == ["announced", "in-development"]
    assert [status.format_func(v) for v in status.value] == ["announced", "in development"]
    # what the browser is sent: the chosen values, as labels in the new language
    assert list(status.proto.raw_values) == ["announced", "in development"]
    assert set(status.options) >= {"announced", "in development", "released"}
    layers = widget(at, "button_group", "url_layers")
    assert layers.value == ["cities", "links"]
    assert [o.content for o in layers.proto.options] == [t(f"map_layer_{v}", "en") for v in
                                                          ("cities", "sco", "links", "studios", "events")]
    assert widget(at, "button_group", "url_zoom").value == "europe"

    at = switch(at, "zh-Hans")
    status = widget(at, "multiselect", "url_link_status")
    assert list(status.proto.raw_values) == ["已宣布", "开发中"]
    assert widget(at, "button_group", "url_layers").value == ["cities", "links"]
    assert at.query_params["link_status"] == "announced,in-development"


def test_switch_keeps_the_page_and_its_section():
    at = run_app("/studios", lang="en", studios_section="facts", studio="hengdian-world-studios")
    at = switch(at, "zh-Hant")
    assert at.query_params["lang"] == "zh-Hant"
    assert at.query_params["studios_section"] == "facts"
    assert widget(at, "selectbox", "url_studio").value == "hengdian-world-studios"
    assert at.title[0].value == t("studios_title", "zh-Hant")
