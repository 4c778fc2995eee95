"""Descriptions in three languages from one definition: the Simplified Chinese beside every English
text (and the reverse), the Traditional only ever OpenCC's s2hk conversion of it, recorded and current,
and the build publishing all three in the `descriptions` table or refusing to build."""

from __future__ import annotations

import csv

import duckdb
import pytest

from etl import descriptions
from etl.build import build, current_path
from etl.descriptions import Catalogue, Description, Untranslated, defined, incomplete
from etl.models import parse_model
from etl.schema import TABLES


def rows(path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_every_english_description_has_its_chinese_beside_it_and_every_chinese_its_english():
    entries = defined()
    assert incomplete(entries) == []
    # every input table, every mart and the build's own tables are among them, each with its columns
    tables = {d.table for d in entries if d.column is None}
    assert set(TABLES) | {"dim_cities", "fct_claims", "companies_explorer", "input_files", "descriptions"} <= tables
    assert len([d for d in entries if d.column is not None]) > 250
    assert Description("companies", "city_id", "Where the company is based (cities.city_id).",
                       "企业所在城市（cities.city_id）。") in entries


def test_one_language_without_the_other_is_found(tmp_path):
    model = tmp_path / "01_example.sql"
    model.write_text("-- An example mart.\n-- [zh] 示例。\n-- @grain: a\n-- a: The key.\n-- a [zh]: 键。\n"
                     "-- b: English only.\n-- c [zh]: 只有中文。\nSELECT 1 AS a, 2 AS b, 3 AS c\n", encoding="utf-8")
    mart = parse_model(model)
    assert (mart.description, mart.zh, mart.columns, mart.columns_zh) == (
        "An example mart.", "示例。", {"a": "The key.", "b": "English only."}, {"a": "键。", "c": "只有中文。"})
    found = incomplete([Description("example", c, mart.columns.get(c, ""), mart.columns_zh.get(c, ""))
                        for c in ("a", "b", "c")] + [Description("other", None, "A table.", "")])
    assert found == ["example.b: English description with no Chinese beside it",
                     "example.c: Chinese description with no English beside it",
                     "other: English description with no Chinese beside it"]


def test_the_traditional_chinese_is_opencc_s2hk_of_the_simplified_recorded_and_current():
    """The committed conversions are exactly what OpenCC's s2hk (the names' profile, Hong Kong forms)
    makes of today's Simplified texts: none written by hand, none missing, none stale."""
    with descriptions.CONVERSIONS_FILE.open(encoding="utf-8", newline="") as f:
        recorded = list(csv.DictReader(f))
    assert recorded == descriptions.convert(d.zh for d in defined())
    by_text = {r["converted_from"]: r["converted"] for r in recorded}
    assert by_text["影视企业，附所在城市、类型及上市情况。"] == "影視企業，附所在城市、類型及上市情況。"
    assert {r["profile"] for r in recorded} == {"opencc-s2hk"}


def test_the_build_publishes_every_description_in_three_languages(mini, tmp_path):
    path = build(mini, tmp_path / "out", root=tmp_path).path
    described = rows(path, "SELECT table_name, column_name, count(*), list(lang ORDER BY lang) FROM descriptions "
                           "GROUP BY ALL HAVING list(lang ORDER BY lang) <> ['en', 'zh-Hans', 'zh-Hant']")
    assert described == []
    # every published table (schema main; the app's search keys in schema search index its rows) and every
    # column of them, the catalogue itself included, in each language; English is the COMMENT ON
    missing = rows(path, """
        SELECT c.table_name, c.column_name, l.lang FROM duckdb_columns() c, (VALUES ('en'), ('zh-Hans'), ('zh-Hant')) l(lang)
        LEFT JOIN descriptions d ON d.table_name = c.table_name AND d.column_name = c.column_name AND d.lang = l.lang
        WHERE NOT c.internal AND c.database_name = current_database() AND c.schema_name = 'main'
          AND (d.text IS NULL OR d.text = '')
        UNION ALL
        SELECT t.table_name, NULL, l.lang FROM duckdb_tables() t, (VALUES ('en'), ('zh-Hans'), ('zh-Hant')) l(lang)
        LEFT JOIN descriptions d ON d.table_name = t.table_name AND d.column_name IS NULL AND d.lang = l.lang
        WHERE d.text IS NULL AND t.schema_name = 'main'""")
    assert missing == []
    assert rows(path, "SELECT count(*) FROM duckdb_columns() c JOIN descriptions d ON d.table_name = c.table_name "
                      "AND d.column_name = c.column_name AND d.lang = 'en' WHERE c.comment IS DISTINCT FROM d.text") \
        == [(0,)]
    assert rows(path, "SELECT lang, text, origin FROM descriptions WHERE table_name = 'cities' AND column_name IS NULL "
                      "ORDER BY lang") == [
        ("en", "Cities the dashboard covers, with names in three scripts and their country.", "source"),
        ("zh-Hans", "本数据覆盖的城市，附三种文字的名称及所属国家。", "source"),
        ("zh-Hant", "本數據覆蓋的城市，附三種文字的名稱及所屬國家。", "opencc-s2hk")]
    # a mart column described by the input schema inherits both languages
    assert rows(path, "SELECT lang, text FROM descriptions WHERE table_name = 'fct_claims' "
                      "AND column_name = 'metric' ORDER BY lang") == [
        ("en", "What is measured (metrics.metric)."), ("zh-Hans", "所衡量的内容（metrics.metric）。"),
        ("zh-Hant", "所衡量的內容（metrics.metric）。")]


def test_the_build_refuses_a_mart_column_described_in_english_only(mini, tmp_path, monkeypatch):
    import etl.build as build_module

    out = tmp_path / "out"
    good = build(mini, out, root=tmp_path).path
    real = build_module.marts()
    broken = real[0]._replace(columns_zh={k: v for k, v in real[0].columns_zh.items() if k != "lat"})
    monkeypatch.setattr(build_module, "marts", lambda: [broken, *real[1:]])
    with pytest.raises(Untranslated, match=r"dim_cities\.lat: English description with no Chinese beside it"):
        build(mini, out, root=tmp_path)
    assert current_path(out) == good


def described_table() -> tuple[duckdb.DuckDBPyConnection, Catalogue]:
    con = duckdb.connect()
    con.execute("CREATE TABLE t (a INTEGER)")
    catalogue = Catalogue()
    catalogue.describe(con, "t", None, "A table.", "一个表。")
    catalogue.describe(con, "t", "a", "A number.", "一个数字。")
    return con, catalogue


def test_a_simplified_text_without_its_conversion_is_refused():
    converted = descriptions.conversions()
    con, catalogue = described_table()
    with pytest.raises(Untranslated, match="t: no OpenCC conversion of '一个表。'"):
        catalogue.publish(con, converted)
    # with the conversions recorded for its texts, it publishes all three languages; COMMENT ON stays English
    con, catalogue = described_table()
    catalogue.publish(con, {**converted, "一个表。": "一個表。", "一个数字。": "一個數字。"})
    assert con.execute("SELECT lang, text FROM descriptions WHERE table_name = 't' AND column_name = 'a' "
                       "ORDER BY lang").fetchall() == [("en", "A number."), ("zh-Hans", "一个数字。"),
                                                       ("zh-Hant", "一個數字。")]
    assert con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 't'").fetchall() == [("A number.",)]


def test_a_mart_column_inherits_its_names_usual_meaning_not_the_last_tables():
    """dim_cities.country_iso2 is the city's country, as in cities; production_milestones (defined later)
    gives country_iso2 its own meaning (the country of a first release), which no mart column should
    take; fct_claims.metric is what the claims' metric column says, a reference to metrics."""
    from etl.build import INHERITED

    assert TABLES["production_milestones"].columns[-3].name == "country_iso2"  # the later, narrower meaning
    assert INHERITED["country_iso2"][0] == "Country (ISO 3166-1 alpha-2)."
    assert INHERITED["metric"][0] == "What is measured (metrics.metric)."
    assert INHERITED["source_id"][0] == "The source this row traces to (sources.source_id)."
