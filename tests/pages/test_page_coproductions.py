"""The Co-productions page on the shipped warehouse: every language, filters in the URL, exact counts.

AppTest's switch_page() runs a page script on its own, without app.py (so without the language
frame): `open_page` runs the same frame app.py draws (language, footer) and then the page.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from filmdash.core import db
from tests.pages.apptest import ROOT, in_root, rerun, text_of
from tests.shipped import rows as warehouse
from tests.shipped import sco_rule_counts

FRAME = """
import runpy
import streamlit as st
from filmdash.core import ui
st.set_page_config(layout="wide")
ui.choose_language()
ui.frame_footer()
runpy.run_path({page!r}, run_name="__main__")
"""


def open_page(**query) -> AppTest:
    with in_root():
        at = AppTest.from_string(FRAME.format(page=str(ROOT / "pages" / "coproductions.py")), default_timeout=90)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at



def list_table(at: AppTest):
    return at.dataframe[-1].value


def bold(at: AppTest) -> list[str]:
    return [m.value.replace("\\", "") for m in at.markdown if m.value.startswith("**")]


@pytest.mark.parametrize("lang, title, pair", [
    ("en", "International co-productions: who films with whom",
     "China–Russian Federation is the most frequent pair: {n} of {total} documented titles."),
    ("zh-Hans", "国际合拍片：谁与谁合作拍片", "中国–俄罗斯是合作最多的组合：已记录的{total}部作品中占{n}部。"),
    ("zh-Hant", "國際合拍片：誰與誰合作拍片", "中國–俄羅斯聯邦是合作最多的組合：已記錄的{total}部作品中佔{n}部。"),
])
def test_renders_in_every_language(lang, title, pair):
    at = open_page(lang=lang)
    assert at.title[0].value == title
    total = warehouse("SELECT count(*) FROM productions WHERE is_coproduction")[0][0]
    (top, n), *_ = warehouse("""
        SELECT a.country_iso2 || '-' || b.country_iso2, count(DISTINCT a.production_id) AS n
        FROM production_countries a JOIN production_countries b
          ON a.production_id = b.production_id AND a.country_iso2 < b.country_iso2
        JOIN productions p ON p.production_id = a.production_id AND p.is_coproduction
        GROUP BY 1 ORDER BY n DESC, 1""")
    assert top == "CN-RU"
    assert "**" + pair.format(n=n, total=total) + "**" in bold(at)
    assert len(list_table(at)) == total


def test_documented_against_reported():
    at = open_page(coproductions_section="documented")
    # counted here from the raw tables (tests.shipped): titles initiated in 2020 or later with two or more countries
    # that were SCO member states in that year (a member row open on 31 December of that year); by hand from the
    # rows, 11 (see sco_rule_counts: 18 titles have a year of record of 2020 or later, 5 of them were initiated in
    # 2017 or 2019, and Di Jiu Tian Chang and Olivier had Belarus, then an observer)
    n = sco_rule_counts()["strict"]
    assert n == 11
    share = round(100 * n / 40)
    assert f"**{n} SCO co-productions since 2020 documented against more than 40 reported ({share}%).**" in bold(at)
    note = at.info[0].value
    assert "aggregate reported by Bastille Post" in note and f"at most {share}%" in note
    assert len(db.query("coproductions_sco_since_2020")) == n


@pytest.mark.parametrize("lang, labels, rules, reported", [
    ("en", ["Strict", "Members today", "Any SCO status", "Reported (aggregate)"],
     ["Titles initiated in 2020 or later with at least two countries that were SCO member states in the year the "
      "title was initiated.",
      "Titles initiated in 2020 or later with at least two countries that are SCO member states today, even if one "
      "joined after the title was initiated.",
      "Titles initiated in 2020 or later with at least two countries that held any SCO status (member, observer, "
      "dialogue partner or partner) in the year the title was initiated."],
     ("more than 40", "Reported: more than 40 co-productions initiated since 2020 among SCO member states "
      "(Bastille Post")),
    ("zh-Hans", ["严格口径", "按现成员国", "任一上合身份", "报道数字（总数）"],
     ["2020年及以后启动的作品，且至少两个参与国在作品启动当年已是上合组织成员国。",
      "2020年及以后启动的作品，且至少两个参与国现为上合组织成员国（包括在作品启动之后才加入的国家）。",
      "2020年及以后启动的作品，且至少两个参与国在作品启动当年具有上合组织任一身份（成员国、观察员国、对话伙伴或伙伴）。"],
     ("超过40", "报道数字：2020年以来上合组织成员国间启动合拍片超过40部（Bastille Post")),
    ("zh-Hant", ["嚴格口徑", "按現成員國", "任一上合身份", "報導數字（總數）"],
     ["2020年及以後啟動的作品，且至少兩個參與國在作品啟動當年已是上合組織成員國。",
      "2020年及以後啟動的作品，且至少兩個參與國現為上合組織成員國（包括在作品啟動之後才加入的國家）。",
      "2020年及以後啟動的作品，且至少兩個參與國在作品啟動當年具有上合組織任一身份（成員國、觀察員國、對話夥伴或夥伴）。"],
     ("超過40", "報導數字：2020年以來上合組織成員國間啟動合拍片超過40部（Bastille Post")),
])
def test_strict_and_looser_counts_side_by_side(lang, labels, rules, reported):
    """Each rule's count (from the raw tables) next to the others and the reported aggregate, each with its
    rule (or its source) in one line, in every language."""
    at = open_page(lang=lang, coproductions_section="documented")
    expected = sco_rule_counts()
    # help is markdown: the rule arrives escaped; read it back as text
    metrics = [(m.label, m.value, (m.help or "").replace("\\", "")) for m in at.metric]
    assert [m[0] for m in metrics] == labels
    assert [(m[1], m[2]) for m in metrics[:3]] == [
        (str(expected[r]), rule) for r, rule in zip(("strict", "members_today", "any_status"), rules)]
    assert metrics[3][1] == reported[0] and metrics[3][2].startswith(reported[1])
    # the strict count is the one compared with the reported figure; a looser rule never counts fewer titles
    assert expected["strict"] <= expected["members_today"] and expected["strict"] <= expected["any_status"]
    captions = [c.value.replace("\\", "") for c in at.caption]
    assert all(rule in captions for rule in rules)


def section_switch(at: AppTest):
    return next(b for b in at.get("button_group") if b.key == "url_coproductions_section")


def test_one_section_at_a_time_over_the_same_list():
    """The section switch swaps the chart box above the list and writes ?coproductions_section=; the
    filters and the list stay as they are; a fresh session from the URL shows the same view."""
    at = open_page(country="IN")
    assert section_switch(at).value == "network" and "coproductions_section" not in at.query_params
    assert [text_of(s.value) for s in at.header] == ["Co-producing countries, weighted by documented titles",
                                                "Every documented co-production"]
    assert len(at.get("plotly_chart")) == 1
    before = list_table(at)
    india = warehouse("""SELECT count(*) FROM productions p WHERE is_coproduction AND EXISTS (
        SELECT 1 FROM production_countries pc WHERE pc.production_id = p.production_id AND pc.country_iso2 = 'IN')""")
    assert len(before) == india[0][0]
    section_switch(at).set_value("by_year")
    at = rerun(at)
    assert at.query_params["coproductions_section"] in ("by_year", ["by_year"])
    assert [text_of(s.value) for s in at.header] == ["Titles by year and status", "Every documented co-production"]
    assert len(at.get("plotly_chart")) == 1
    assert list_table(at).equals(before)
    fresh = open_page(country="IN", coproductions_section="by_year")
    assert [text_of(s.value) for s in fresh.header] == [text_of(s.value) for s in at.header]
    assert bold(fresh) == bold(at)


def test_status_and_country_filters_change_the_list_exactly():
    at = open_page(status="released", country="IN")
    expected = warehouse("""
        SELECT title_en FROM productions p WHERE is_coproduction AND status = 'released'
          AND EXISTS (SELECT 1 FROM production_countries pc WHERE pc.production_id = p.production_id
                      AND pc.country_iso2 = 'IN') ORDER BY year, title_en""")
    assert list_table(at)["English title"].tolist() == [r[0] for r in expected]
    # by hand: the released titles with India among their countries are Xuanzang (2016), Buddies in India and
    # Kung Fu Yoga (2017), all China-India, and Zhemchug (2026, Russia-India), released since the premiere its
    # source cpd-013 reports (ordered by year, then title)
    assert list_table(at)["English title"].tolist() == ["Xuanzang", "Buddies in India", "Kung Fu Yoga", "Zhemchug"]
    # the widgets show what the URL says
    assert at.multiselect(key="url_status").value == ["released"]
    assert at.multiselect(key="url_country").value == ["IN"]
    # three of those four titles are China-India, one Russia-India
    assert "**China–India is the most frequent pair: 3 of 4 documented titles.**" in bold(at)


def test_year_range_in_the_url_round_trips():
    at = open_page(years="2020-2022")
    assert at.slider(key="url_years").value == (2020, 2022)
    expected = warehouse("SELECT count(*) FROM productions WHERE is_coproduction AND year BETWEEN 2020 AND 2022")
    assert len(list_table(at)) == expected[0][0]
    at.slider(key="url_years").set_value((2024, 2025))  # the documented years end in 2025
    at = rerun(at)
    assert at.query_params["years"] in ("2024-2025", ["2024-2025"])
    assert len(list_table(at)) == warehouse(
        "SELECT count(*) FROM productions WHERE is_coproduction AND year BETWEEN 2024 AND 2025")[0][0]


def test_clicked_year_filters_the_list_and_clears():
    at = open_page(year="2016")
    table = list_table(at)
    titles = warehouse("SELECT count(*) FROM productions WHERE is_coproduction AND year = 2016")[0][0]
    assert set(table["Year"]) == {2016} and len(table) == titles > 1
    countries = warehouse("""SELECT count(DISTINCT country_iso2) FROM production_countries
                             JOIN productions USING (production_id) WHERE is_coproduction AND year = 2016""")[0][0]
    assert f"**{titles} co-productions dated 2016, involving {countries} countries.**" in bold(at)
    at.button(key="coproductions_clear_year").click()
    at = rerun(at)
    assert "year" not in at.query_params
    assert len(list_table(at)) == warehouse("SELECT count(*) FROM productions WHERE is_coproduction")[0][0]


def test_list_has_every_field():
    at = open_page(lang="zh-Hant", country="KG", status="released")
    table = list_table(at)
    assert list(table.columns) == ["英文片名", "中文片名", "原片名", "參與國家", "狀態", "年份", "年份含義", "宣布",
                                   "簽署合拍協議", "開機", "首次上映", "啟動年份（計數所用）", "類型", "出品公司",
                                   "主創人員", "來源", "連結"]
    row = table.iloc[0]
    assert row["英文片名"] == "Delbirim" and row["中文片名"] == "無數據"
    assert row["參與國家"] == "吉爾吉斯、烏茲別克" and row["年份含義"] == "在烏茲別克上映的年份"
    # its milestones as production_milestones dates them (cop2-013, published 2018-06; cop2-012), at their precision
    assert [row[c] for c in ("宣布", "簽署合拍協議", "開機", "首次上映", "啟動年份（計數所用）")] == [
        "2018年6月", "無數據", "無數據", "2018年11月17日，烏茲別克", "2018（宣布）"]


def test_network_box_has_a_map_view_with_the_filtered_links():
    import json

    from tests.pages.apptest import run_app

    at = run_app("/coproductions", coproductions_network_view="map", country="IN")
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    geo = [s for s in specs if any(tr.get("type") == "scattergeo" for tr in s["data"])]
    assert len(geo) == 1
    expected = db.query("map_links", year_from=1900, year_to=2100, statuses=[])
    expected = expected[(expected["country_a"] == "IN") | (expected["country_b"] == "IN")]
    from tests.pages.apptest import arcs

    assert len(arcs(geo[0]["data"])) == len(expected) > 0
