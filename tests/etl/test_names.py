"""Names in both Chinese scripts on the shipped warehouse: a source's form wherever there is one, an
OpenCC conversion (recorded as such) only where a source gives the other script alone; quotes
verbatim; the build reports what has no form in one script."""

from __future__ import annotations

import duckdb
import pytest

from etl import names
from filmdash.core import db
from filmdash.core.i18n import name
from tests.shipped import rows


def one(path, sql: str, params: dict | None = None):
    # the app's own sandboxed connection: one process may hold only one configuration per file
    del path
    con = db.connection().cursor()
    try:
        return con.execute(sql, params or {}).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("table, key, row_id, prefix, hans, hans_origin, hant, hant_origin", [
    # a Simplified name from the source, Traditional by OpenCC's Hong Kong profile
    ("companies", "company_id", "huace-group", "name", "浙江华策影视股份有限公司", "source",
     "浙江華策影視股份有限公司", "opencc-s2hk"),
    ("companies", "company_id", "hangzhou-xianlinbu-film", "name", "杭州闲林埠影视文化投资管理有限公司", "source",
     "杭州閒林埠影視文化投資管理有限公司", "opencc-s2hk"),
    ("productions", "production_id", "buddies-in-india", "title", "大闹天竺", "source", "大鬧天竺", "opencc-s2hk"),
    # a Traditional name from the source, Simplified by hk2s
    ("cities", "city_id", "bishkek", "name", "比什凯克", "opencc-hk2s", "比什凱克", "source"),
    ("companies", "company_id", "donghai-film-group", "name", "东海电影集团", "opencc-hk2s", "東海電影集團", "source"),
    # both from the source: never replaced by a conversion
    # a city row holds only its own source's script; dim_cities takes Traditional from a sourced claim
    ("cities", "city_id", "qingdao", "name", "青岛", "source", "青島", "opencc-s2hk"),
    ("dim_cities", "city_id", "qingdao", "name", "青岛", "source", "青島", "source"),
])
def test_names_and_their_origin(shipped_warehouse, table, key, row_id, prefix, hans, hans_origin, hant, hant_origin):
    got = one(shipped_warehouse, f'SELECT "{prefix}_zh_hans", "{prefix}_zh_hans_origin", "{prefix}_zh_hant", '
                                 f'"{prefix}_zh_hant_origin" FROM {table} WHERE "{key}" = $id', {"id": row_id})
    assert got == [(hans, hans_origin, hant, hant_origin)]


def test_every_chinese_name_has_both_scripts(shipped_warehouse):
    con = db.connection().cursor()
    try:
        assert names.gaps(con) == []
        english = names.english_only(con)
    finally:
        con.close()
    # nothing is made up where no source names a thing in Chinese: the Leeds studios stay English
    assert [e for e in english if e[0] == "studios"] == [
        ("studios", "prime-studios-leeds", "Prime Studios"), ("studios", "studio81-leeds", "Studio81"),
        ("studios", "versa-leeds-studios", "Versa Leeds Studios")]
    # and exactly the rows whose name has no Chinese form in either script, counted here by hand
    # (the count changes as curators source more names, so it is never written down)
    expected = []
    for table, key, prefix in [("countries", "iso2", "name"), ("cities", "city_id", "name"),
                               ("dim_cities", "city_id", "name"), ("companies", "company_id", "name"),
                               ("dim_companies", "company_id", "name"), ("studios", "studio_id", "name"),
                               ("productions", "production_id", "title"), ("events", "event_id", "name"),
                               ("partnerships", "partnership_id", "name")]:
        expected += [(table, row_id, en) for row_id, en in rows(
            f'SELECT CAST("{key}" AS VARCHAR), "{prefix}_en" FROM {table} '
            f"WHERE coalesce(\"{prefix}_zh_hans\", '') = '' AND coalesce(\"{prefix}_zh_hant\", '') = ''")]
    assert sorted(english) == sorted(expected)
    assert expected, "the shipped data keeps some names that no source gives in Chinese (the Leeds studios)"


def test_a_traditional_reader_sees_traditional_names(shipped_warehouse):
    rows = one(shipped_warehouse, "SELECT name_en, name_zh_hans, name_zh_hant FROM companies ORDER BY company_id")
    shown = [name({"name_en": en, "name_zh_hans": hans, "name_zh_hant": hant}, lang="zh-Hant")
             for en, hans, hant in rows]
    assert "浙江華策影視股份有限公司" in shown and "浙江华策影视股份有限公司" not in shown


def test_quotes_stay_verbatim(shipped_warehouse):
    # bishkek's source quote is in Traditional; its name was converted, its quote never is
    assert one(shipped_warehouse, "SELECT quote FROM cities WHERE city_id = 'bishkek'") == [
        ("2013年9月13日,第十三次峰會在吉首都比什凱克舉行。",)]
    targets = one(shipped_warehouse, "SELECT DISTINCT column_name FROM name_conversions ORDER BY 1")
    assert targets == [("name_zh_hans",), ("name_zh_hant",), ("title_zh_hans",), ("title_zh_hant",)]


def test_a_stale_conversion_is_not_used_and_is_reported(monkeypatch):
    con = duckdb.connect()
    con.execute("CREATE TABLE studios (studio_id VARCHAR, name_en VARCHAR, name_zh_hans VARCHAR, name_zh_hant VARCHAR)")
    con.execute("INSERT INTO studios VALUES ('a', 'A', '东方影都', NULL), ('b', 'B', '青岛影视基地', NULL), "
                "('c', 'C', NULL, NULL)")
    con.execute("CREATE TABLE name_conversions AS SELECT * FROM (VALUES "
                "('studios', 'a', 'name_zh_hant', '东方影都', '東方影都', 'opencc-s2hk'), "
                "('studios', 'b', 'name_zh_hant', '青岛影城', '青島影城', 'opencc-s2hk')) "
                "t(table_name, row_id, column_name, converted_from, converted, profile)")
    monkeypatch.setattr(names, "NAMED", {"studios": ("studio_id", ("name",))})
    names.fill(con)
    assert con.execute("SELECT studio_id, name_zh_hant, name_zh_hant_origin, name_zh_hans_origin FROM studios "
                       "ORDER BY 1").fetchall() == [
        ("a", "東方影都", "opencc-s2hk", "source"), ("b", None, None, "source"), ("c", None, None, None)]
    assert names.gaps(con) == [("studios", "b", "name_zh_hant", "青岛影视基地")]
    assert names.english_only(con) == [("studios", "c", "C")]
    assert "studios.name_zh_hant [b]: only 青岛影视基地" in names.report(con)


def test_convert_uses_the_hong_kong_profiles():
    assert names.convert([("events", "x", "name_zh_hant", "青岛影视周"), ("cities", "y", "name_zh_hans", "杜尚別")]) == [
        {"table_name": "events", "row_id": "x", "column_name": "name_zh_hant", "converted_from": "青岛影视周",
         "converted": "青島影視周", "profile": "opencc-s2hk"},
        {"table_name": "cities", "row_id": "y", "column_name": "name_zh_hans", "converted_from": "杜尚別",
         "converted": "杜尚别", "profile": "opencc-hk2s"}]
