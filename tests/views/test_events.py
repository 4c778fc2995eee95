"""The Events page's builders on small hand-made frames, with exact output."""

from __future__ import annotations

import pandas as pd
import pytest

from filmdash.views import events


def rows() -> pd.DataFrame:
    return pd.DataFrame([
        {"record": "event", "id": "fest-2019", "name_en": "Fest 2019", "name_zh_hans": "节2019", "name_zh_hant": None,
         "kind": "festival", "status": "held", "city_ids": ["busan"], "row_city_id": "busan",
         "key_date": "2019-10-03", "end_date": "2019-10-12", "source_id": "s1",
         "city_name_en": "Busan", "city_name_zh_hans": None, "city_name_zh_hant": "釜山", "publisher": "P1",
         "url": "https://a"},
        {"record": "event", "id": "fest-2014", "name_en": "Fest 2014", "name_zh_hans": None, "name_zh_hant": None,
         "kind": "festival", "status": "cancelled", "city_ids": ["bradford"], "row_city_id": "bradford",
         "key_date": "2014", "end_date": None, "source_id": "s2",
         "city_name_en": "Bradford", "city_name_zh_hans": None, "city_name_zh_hant": None, "publisher": "P2",
         "url": "https://b"},
        {"record": "partnership", "id": "office", "name_en": "Office", "name_zh_hans": None, "name_zh_hant": None,
         "kind": "film-office", "status": "announced", "city_ids": ["bradford", "qingdao"], "row_city_id": "qingdao",
         "key_date": "2017-09", "end_date": None, "source_id": "s3",
         "city_name_en": "Qingdao", "city_name_zh_hans": "青岛", "city_name_zh_hant": None, "publisher": "P<3>",
         "url": "https://c"},
        {"record": "partnership", "id": "undated", "name_en": "Undated", "name_zh_hans": None, "name_zh_hant": None,
         "kind": "university", "status": "announced", "city_ids": [], "row_city_id": None,
         "key_date": None, "end_date": None, "source_id": "s4",
         "city_name_en": None, "city_name_zh_hans": None, "city_name_zh_hant": None, "publisher": "P4",
         "url": "https://d"},
    ])


@pytest.mark.parametrize("value, precision, start", [
    ("2019-03-18", "day", "2019-03-18"), ("2019-03", "month", "2019-03-01"), ("2014", "year", "2014-01-01"),
    (None, None, None), ("", None, None), (float("nan"), None, None),
])
def test_partial_dates_are_drawn_at_the_start_of_their_period(value, precision, start):
    assert events.precision(value) == precision
    assert events.period_start(value) == start


@pytest.mark.parametrize("value, lang, text", [
    ("2019-03-18", "en", "18 Mar 2019"), ("2019-03", "en", "Mar 2019 (month only)"), ("2014", "en", "2014 (year only)"),
    ("2019-03", "zh-Hans", "2019年3月（仅知月份）"), ("2014", "zh-Hant", "2014年（僅知年份）"), (None, "en", "no data"),
])
def test_date_labels_say_how_much_is_known(value, lang, text):
    assert events.date_label(value, lang) == text


def test_timeline_draws_one_marker_per_dated_row_coloured_by_status():
    fig = events.timeline_figure(rows(), "kind", "en")
    markers = [tr for tr in fig.data if tr.mode == "markers"]
    assert [tr.name for tr in markers] == ["Event: held", "Event: cancelled", "Partnership: announced"]
    assert [list(tr.x) for tr in markers] == [["2019-10-03"], ["2014-01-01"], ["2017-09-01"]]
    assert [list(tr.y) for tr in markers] == [["festival"], ["festival"], ["film office"]]
    assert [tr.marker.symbol for tr in markers] == ["circle", "circle", "diamond"]
    assert markers[0].marker.color == "#0072B2" and markers[2].marker.color == "#CC79A7"
    assert [list(c) for c in markers[2].customdata] == [["qingdao", "office"]]
    # the bar spans the known days of the festival; partial dates get no bar
    spans = [tr for tr in fig.data if tr.mode == "lines"]
    assert len(spans) == 1 and list(spans[0].x) == ["2019-10-03", "2019-10-12", None]
    # hover shows the precision, and publisher text is escaped
    assert "Date: 2014 (year only)" in markers[1].text[0]
    assert "P&lt;3&gt;" in markers[2].text[0]


def test_timeline_by_city_in_chinese_uses_the_data_names():
    fig = events.timeline_figure(rows(), "city", "zh-Hant")
    markers = [tr for tr in fig.data if tr.mode == "markers"]
    assert [list(tr.y) for tr in markers] == [["釜山"], ["Bradford"], ["青岛"]]
    assert markers[0].name == "活動: 已舉辦"


def test_takeaway_counts_and_reports_undated_rows():
    assert events.takeaway(rows(), "en") == (
        "2 events and 2 partnerships in view, 2014–2019; most in Bradford (1); "
        "1 without any date, listed below but not drawn")
    assert events.takeaway(rows().iloc[0:0], "en") == "No data for this view yet."


def test_picked_city_reads_the_clicked_marker():
    assert events.picked_city([{"customdata": ["qingdao", "office"]}]) == "qingdao"
    assert events.picked_city([{"x": 1}, {"customdata": ["", "uni"]}]) is None
    assert events.picked_city([]) is None


def test_events_table_shows_missing_values_as_no_data():
    frame = pd.DataFrame([{
        "event_id": "e", "name_en": "E", "name_zh_hans": None, "name_zh_hant": None, "kind": "market",
        "city_id": "hong-kong", "city_name_en": "Hong Kong", "city_name_zh_hans": "香港", "city_name_zh_hant": "香港",
        "start_date": "2019-03", "end_date": None, "edition": None, "organisers": "HKTDC", "status": "held",
        "attendance_text": None, "source_id": "s", "quote": "q", "publisher": "P", "title": "T", "url": "u",
        "from_seed": True}])
    table = events.events_table(frame, "en")
    assert table.iloc[0].to_dict() == {
        "Name": "E", "City": "Hong Kong", "Kind": "market", "Status": "held", "Start": "Mar 2019 (month only)",
        "End": "no data", "Edition": "no data", "Organisers": "HKTDC", "Attendance (as stated)": "no data",
        "Publisher": "P (seed)", "Link": "u", "Quote": "q", "Id": "e"}


def test_claim_values_keep_the_qualifier():
    assert events.claim_value({"value_base": 9000.0, "qualifier": "about", "value_text": None}, "en") == "about 9,000"
    assert events.claim_value({"value_base": None, "qualifier": None, "value_text": "19 activities"}, "en") \
        == "19 activities"


def test_partnership_parties_are_named_in_the_chosen_script_with_their_kind():
    frame = pd.DataFrame([{
        "partnership_id": "p1", "name_en": "Uni cooperation", "name_zh_hans": None, "kind": "university",
        "status": "announced", "party_a_type": "city", "party_a_id": "busan", "party_a_name_en": "Busan",
        "party_a_name_zh_hans": None, "party_a_name_zh_hant": "釜山", "party_b_type": "university",
        "party_b_id": "uni-x", "party_b_name_en": "University X", "party_b_name_zh_hans": None,
        "party_b_name_zh_hant": None, "announced_date": "2017-09", "opened_date": None, "publisher": "P",
        "from_seed": False, "url": "https://a", "quote": "q"}])
    en = events.partnerships_table(frame, "en")
    assert en.iloc[0, 3:5].tolist() == ["Busan", "University X (university)"]
    hant = events.partnerships_table(frame, "zh-Hant")
    assert hant.iloc[0, 3:5].tolist() == ["釜山", "University X (大學)"]
    nameless = events.partnerships_table(frame.assign(party_b_name_en=None), "en")
    assert nameless.iloc[0, 4] == "uni-x (university)"  # a row that predates the name column shows its id
