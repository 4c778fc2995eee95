"""The Events page on the shipped warehouse: every language, filters from the URL, exact rows."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from filmdash.core import db
from tests.pages.apptest import in_root, rerun
from tests.shipped import rows as sql

# AppTest's switch_page runs pages/<page>.py without app.py (so ?lang= is never applied); this runs the
# page inside the same frame app.py gives it: the language chosen first, then the page script.
FRAME = """
import runpy
from filmdash.core import ui
ui.choose_language()
runpy.run_path("pages/events.py", run_name="__main__")
"""


def run_events(**query) -> AppTest:
    with in_root():
        at = AppTest.from_string(FRAME, default_timeout=90)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at



def list_switch(at):
    return next(b for b in at.button_group if b.key == "url_events_list")


def show_list(at, which: str):
    """Switch the table under the timeline in place; returns the rerun page."""
    list_switch(at).set_value(which)
    return rerun(at)


def tables(at):
    return {d.value.columns[0]: d.value for d in at.dataframe}


def subheaders(at):
    return [s.value for s in at.header] + [s.value for s in at.subheader]


@pytest.mark.parametrize("lang, title, offices", [
    ("en", "Events and partnerships", "Film offices"),
    ("zh-Hans", "活动与合作", "电影办事处"),
    ("zh-Hant", "活動與合作", "電影辦事處"),
])
def test_renders_in_every_language(lang, title, offices):
    at = run_events(lang=lang)
    assert at.title[0].value == title
    assert offices in subheaders(at)
    n_events = sql("SELECT count(*) FROM events")[0][0]
    assert len(at.dataframe) == 1  # one table at a time: the events by default
    assert len(at.dataframe[0].value) == n_events


def test_one_table_at_a_time_with_its_count_on_its_segment():
    """The switch names each table with its row count (counted in SQL), swaps the table in place,
    writes ?events_list= and a fresh session from the URL shows the same table."""
    at = run_events(lang="zh-Hant")
    n = {table: sql(f"SELECT count(*) FROM {table}")[0][0] for table in ("events", "partnerships")}
    claims = sql("SELECT count(*) FROM claims WHERE entity_type = 'event'")[0][0]
    assert list_switch(at).options == [f"活動（{n['events']}）", f"合作（{n['partnerships']}）", f"報導的數據（{claims}）"]
    assert list_switch(at).value == "events" and "events_list" not in at.query_params
    at = show_list(at, "attendance")
    assert at.query_params["events_list"] in ("attendance", ["attendance"])
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) == claims
    assert f"這些活動的參與人數及其他數據（{claims}）" in subheaders(at)
    fresh = run_events(lang="zh-Hant", events_list="attendance")
    assert fresh.dataframe[0].value.equals(at.dataframe[0].value)
    # a filter that changes the counts on the segments keeps the table picked
    fresh.multiselect[0].set_value(["busan"])
    fresh = rerun(fresh)
    busan = sql("SELECT count(*) FROM claims c JOIN events e ON e.event_id = c.entity_id "
                "WHERE c.entity_type = 'event' AND e.city_id = 'busan'")[0][0]
    assert list_switch(fresh).value == "attendance" and list_switch(fresh).options[2] == f"報導的數據（{busan}）"
    assert len(fresh.dataframe[0].value) == busan < claims


def test_film_offices_are_visible_with_status_and_source():
    at = run_events()
    text = [m.value.replace("\\", "") for m in at.markdown]
    assert "**Bradford Film Office in Qingdao** · Qingdao" in text
    assert "**UK China Film Bureau in Bradford** · Bradford" in text
    assert "Status: **opened** · no source dates the announcement · opened 2017 (year only)" in text
    assert "Status: **announced** · announced Sept 2017 (month only) · no source reports it opened" in text
    assert any("Bradford opens office in Qingdao" in t for t in text)  # the bureau's source, in its popover
    partnerships = run_events(events_list="partnerships").dataframe[0].value
    bureau = partnerships[partnerships["Id"] == "uk-china-film-bureau-bradford"].iloc[0]
    assert (bureau["Status"], bureau["Opened / signed"]) == ("announced", "no data")
    assert bureau["Publisher"] == "China Daily (chinaservicesinfo.com) (seed)"


def test_city_filter_from_the_url_narrows_every_table_exactly():
    at = run_events(events_city="busan,qingdao")
    assert at.multiselect[0].value == ["busan", "qingdao"]
    expected_events = sql("SELECT event_id FROM events WHERE city_id IN ('busan', 'qingdao') ORDER BY start_date, event_id")
    assert at.dataframe[0].value["Id"].tolist() == [e for (e,) in expected_events]
    expected_p = sql("SELECT count(*) FROM partnerships WHERE (party_a_type = 'city' AND party_a_id IN ('busan', 'qingdao'))"
                     " OR (party_b_type = 'city' AND party_b_id IN ('busan', 'qingdao'))")[0][0]
    at = show_list(at, "partnerships")
    assert len(at.dataframe[0].value) == expected_p == 3
    expected_claims = sql("SELECT count(*) FROM claims c JOIN events e ON e.event_id = c.entity_id "
                          "WHERE c.entity_type = 'event' AND e.city_id IN ('busan', 'qingdao')")[0][0]
    at = show_list(at, "attendance")
    assert len(at.dataframe[0].value) == expected_claims
    assert at.multiselect[0].value == ["busan", "qingdao"]  # the filter stays across the switch


def test_changing_the_status_filter_writes_the_url_and_changes_the_rows():
    at = run_events()
    at.multiselect[2].set_value(["cancelled"])
    at = rerun(at)
    assert at.query_params["events_status"] in ("cancelled", ["cancelled"])
    assert at.dataframe[0].value["Id"].tolist() == ["bradford-international-film-festival-2015"]
    assert list_switch(at).options[1] == "Partnerships (0)"
    at = show_list(at, "partnerships")
    assert "Partnerships (0)" in subheaders(at) and len(at.dataframe) == 0
    assert "No rows match these filters." in [c.value for c in at.caption]


def test_a_picked_city_narrows_the_rows_below_but_not_the_timeline():
    at = run_events(events_focus="hong-kong")
    assert at.dataframe[0].value["City"].unique().tolist() == ["Hong Kong"]
    expected = sql("SELECT count(*) FROM events WHERE city_id = 'hong-kong'")[0][0]
    assert len(at.dataframe[0].value) == expected
    assert any("Only Hong Kong, picked on the timeline." in m.value.replace("\\", "") for m in at.info)
    takeaway = [m.value for m in at.markdown if m.value.startswith("**") and "in view" in m.value][0]
    assert takeaway.startswith(f"**{sql('SELECT count(*) FROM events')[0][0]} events")
    at.button(key="events_clear_focus").click()
    at = rerun(at)
    assert "events_focus" not in at.query_params


def test_rows_by_city_and_table_view_live_in_the_url():
    at = run_events(events_rows="city", events_timeline_view="table", lang="zh-Hant")
    switches = {b.key: b.value for b in at.button_group}
    assert switches["url_events_rows"] == "city" and switches["url_events_timeline_view"] == "table"
    table = [d.value for d in at.dataframe if "類別" in d.value.columns][0]
    assert len(table) == sql("SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM partnerships)")[0][0]
    bureau = table[table["名稱"] == "UK China Film Bureau in Bradford"].iloc[0]
    assert bureau["狀態"] == "已宣布" and bureau["日期"] == "2017年9月（僅知月份）"


def test_timeline_chart_has_every_status_in_its_legend():
    at = run_events()
    import json

    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    names = {tr.get("name") for tr in spec["data"] if tr.get("mode") == "markers"}
    statuses = {s for (s,) in sql("SELECT DISTINCT status FROM events WHERE start_date IS NOT NULL")}
    assert {f"Event: {s}" for s in statuses} <= names
    assert "Partnership: opened" in names and "Partnership: announced" in names


def test_switching_rows_to_city_redraws_the_timeline_by_city_and_writes_the_url():
    import json

    at = run_events()
    rows_by = next(b for b in at.button_group if b.key == "url_events_rows")
    assert rows_by.value == "kind"
    rows_by.set_value("city")
    at = rerun(at)
    assert at.query_params["events_rows"] in ("city", ["city"])
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    expected = sql("""
        WITH r AS (
            SELECT city_id, start_date AS d FROM events
            UNION ALL
            SELECT CASE WHEN party_b_type = 'city' THEN party_b_id WHEN party_a_type = 'city' THEN party_a_id END,
                   CASE WHEN status IN ('opened', 'signed') AND opened_date IS NOT NULL THEN opened_date
                        ELSE announced_date END
            FROM partnerships)
        SELECT DISTINCT coalesce(c.name_en, 'no city') FROM r LEFT JOIN dim_cities c USING (city_id)
        WHERE r.d IS NOT NULL""")  # a partnership between countries has no city row of its own
    assert sorted(spec["layout"]["yaxis"]["categoryarray"]) == sorted(n for (n,) in expected)


def test_the_cached_tables_are_built_once_and_their_csv_only_on_a_click():
    from filmdash.views import events

    views = events.lists_view(db.warehouse_id(), ("busan",), (), (), "", "en")
    assert [v.key for v in views] == ["events_events", "events_partnerships", "events_attendance"]
    for view in views:
        # no CSV bytes in the view: a rerun for a new filter builds no file (ui.download_button
        # builds exactly the rows shown when its button is clicked)
        assert view.n == len(view.table) and not hasattr(view, "csv")
    hits = events.lists_view.cache_info().hits
    again = events.lists_view(db.warehouse_id(), ("busan",), (), (), "", "en")
    assert events.lists_view.cache_info().hits == hits + 1  # built once
    # shared by every session, yet a session that changes its copy changes nobody else's
    again[0].table.iloc[0, 0] = "changed by one session"
    assert events.lists_view(db.warehouse_id(), ("busan",), (), (), "", "en")[0].table.equals(views[0].table)
