"""A URL reproduces the view: change controls, read the URL, open it fresh, get the same page."""

from __future__ import annotations

from filmdash.core import db
from tests.pages.apptest import rerun, run_app


def tables(at) -> list:
    return [d.value.reset_index(drop=True) for d in at.dataframe]


def test_companies_filters_round_trip():
    at = run_app("/companies", lang="zh-Hant")
    before = tables(at)
    next(m for m in at.multiselect if m.label == "城市").set_value(["hangzhou"])
    at = rerun(at)
    next(m for m in at.multiselect if m.label == "類型").set_value(["animation"])
    at = rerun(at)
    params = dict(at.query_params)
    assert params == {"lang": "zh-Hant", "city": "hangzhou", "type": "animation"}
    after = tables(at)
    con = db.connection()
    (expected,) = con.cursor().execute(
        "SELECT count(*) FROM companies WHERE city_id = 'hangzhou' AND type = 'animation'").fetchone()
    assert len(after[0]) == expected < len(before[0])  # the filter narrowed the table, exactly
    fresh = run_app("/companies", **params)
    assert [m.value for m in fresh.multiselect] == [m.value for m in at.multiselect]
    reopened = tables(fresh)
    assert len(reopened) == len(after)
    for a, b in zip(after, reopened):
        assert a.equals(b)


def test_coproductions_status_and_view_round_trip():
    at = run_app("/coproductions")
    status = next(m for m in at.multiselect if m.label == "Status")
    status.set_value(["released"])
    at = rerun(at)
    next(b for b in at.button_group if b.key == "url_coproductions_network_view").set_value("table")
    at = rerun(at)
    params = dict(at.query_params)
    assert params.get("status") == "released"
    assert params.get("coproductions_network_view") == "table"
    fresh = run_app("/coproductions", **params)
    assert [d.value.to_dict() for d in fresh.dataframe] == [d.value.to_dict() for d in at.dataframe]
