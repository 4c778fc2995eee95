"""/data on the shipped warehouse: three languages, descriptions from the warehouse's comments,
facets with counts, search in either Chinese script, sort and pages in DuckDB, all in the URL;
the SQL tab's translated refusals; the release tab."""

from __future__ import annotations

import pytest

from filmdash.core.i18n import t
from filmdash.core.ui import md_escape
from tests.pages.apptest import run_app, text_of
from tests.pages.test_page_cities import again, sql, widget


def open_data(**query):
    return run_app("/data", **query)


def rows_table(at):
    return at.dataframe[-1].value


@pytest.mark.parametrize("lang, title, rows_caption, description, city_id", [
    ("en", "Data: every table, downloadable and citable", "Rows 1–{last} of {n} (page 1 of {pages})",
     "Film and TV companies, with their city, type and listing.", "Where the company is based (cities.city_id)."),
    ("zh-Hans", "数据：每张表都可下载、可引用", "第1–{last}行，共{n}行（第1页，共{pages}页）",
     "影视企业，附所在城市、类型及上市情况。", "企业所在城市（cities.city_id）。"),
    ("zh-Hant", "數據：每張表都可下載、可引用", "第1–{last}行，共{n}行（第1頁，共{pages}頁）",
     "影視企業，附所在城市、類型及上市情況。", "企業所在城市（cities.city_id）。"),
])
def test_renders_in_every_language_with_the_warehouse_descriptions(lang, title, rows_caption, description, city_id):
    at = open_data(lang=lang)
    assert at.title[0].value == title
    n = sql("SELECT count(*) FROM companies")[0][0]
    assert rows_caption.format(last=min(n, 50), n=n, pages=-(-n // 50)) in [c.value for c in at.caption]
    # the table's description and every column's meaning in the page's language, as the warehouse holds them
    assert f"**{md_escape(description)}**" in [m.value for m in at.markdown]
    assert sql("SELECT text FROM descriptions WHERE table_name = 'companies' AND column_name IS NULL "
               "AND lang = $lang", {"lang": lang}) == [(description,)]
    dictionary = at.dataframe[0].value
    assert dict(dictionary.iloc[:, [0, 2]].itertuples(index=False))["city_id"] == city_id
    expected = sql("SELECT c.column_name, d.text FROM duckdb_columns() c JOIN descriptions d ON d.table_name = "
                   "c.table_name AND d.column_name = c.column_name AND d.lang = $lang WHERE c.table_name = 'companies' "
                   "ORDER BY c.column_index", {"lang": lang})
    assert [tuple(r) for r in dictionary.iloc[:, [0, 2]].itertuples(index=False)] == expected
    if lang == "en":  # English is the warehouse's COMMENT ON itself
        assert expected == sql("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = 'companies' "
                               "ORDER BY column_index")
    assert rows_table(at)["company_id"].tolist() == [r[0] for r in sql("SELECT company_id FROM companies ORDER BY "
                                                                       "company_id, rowid LIMIT 50")]


def test_a_link_with_table_filters_sort_and_page_reproduces_the_view():
    at = open_data(table="sources", **{"f.kind": "news"}, sort="-published", size="25", page="2")
    expected = sql("SELECT source_id FROM sources WHERE kind = 'news' ORDER BY published DESC NULLS LAST, rowid "
                   "LIMIT 25 OFFSET 25")
    assert rows_table(at)["source_id"].tolist() == [r[0] for r in expected]
    total = sql("SELECT count(*) FROM sources WHERE kind = 'news'")[0][0]
    assert f"Rows 26–50 of {total} (page 2 of {-(-total // 25)})" in [c.value for c in at.caption]
    assert widget(at, "multiselect", "data_f_kind").value == ["news"]
    assert widget(at, "selectbox", "data_sort").value == "-published"
    assert widget(at, "number_input", "data_page").value == 2


def test_facet_counts_follow_the_other_filters_and_a_pick_writes_the_url():
    at = open_data(table="companies", **{"f.city_id": "qingdao"})
    expected = dict(sql("SELECT type, count(*) FROM companies WHERE city_id = 'qingdao' GROUP BY type"))
    shown = {o.rsplit(" (", 1)[0]: int(o.rsplit(" (", 1)[1].rstrip(")"))
             for o in widget(at, "multiselect", "data_f_type").options}
    assert shown == expected
    cities = dict(sql("SELECT city_id, count(*) FROM companies GROUP BY city_id"))
    assert f"hangzhou ({cities['hangzhou']})" in widget(at, "multiselect", "data_f_city_id").options
    widget(at, "multiselect", "data_f_city_id").set_value(["qingdao", "hangzhou"])
    widget(at, "text_input", "data_q").set_value("animation")
    at = again(at)
    assert at.query_params["f.city_id"] == ["qingdao", "hangzhou"] and at.query_params["q"] in ("animation", ["animation"])
    expected_ids = sql("SELECT company_id FROM companies WHERE city_id IN ('qingdao', 'hangzhou') AND "
                       "contains(lower(concat_ws(' ', company_id, name_en, name_zh_hans, name_zh_hant, city_id, type, "
                       "listing, known_for, known_for_zh_hans, known_for_zh_hant, aliases, source_id, quote)), "
                       "'animation') ORDER BY company_id")
    assert rows_table(at)["company_id"].tolist() == [r[0] for r in expected_ids]


@pytest.mark.parametrize("q", ["青岛", "青島"])
def test_qingdao_in_either_script_finds_the_same_rows(q):
    at = open_data(lang="zh-Hant", table="dim_cities", q=q)
    assert rows_table(at)["city_id"].tolist() == ["qingdao"]
    assert rows_table(at)["source_publisher"].notna().all()


def test_each_row_shows_its_source():
    at = open_data(table="companies", **{"f.type": "animation"})
    table = rows_table(at)
    expected = dict(sql("SELECT c.company_id, s.publisher FROM companies c JOIN sources s USING (source_id) "
                        "WHERE c.type = 'animation'"))
    assert dict(zip(table["company_id"], table["source_publisher"])) == expected
    assert table["source_url"].str.startswith("http").all()
    labels = [b.proto.label for b in at.get("download_button")]
    matching, total = len(expected), sql("SELECT count(*) FROM companies")[0][0]
    assert labels == [f"All matching: CSV ({matching} rows)", f"Whole table: CSV ({total} rows)",
                      f"Citation pack, zip ({matching} rows)"]


def test_a_link_that_names_unknown_things_falls_back_and_says_so():
    at = open_data(table="nope", sort="drop table", **{"f.bad": "x"})
    assert rows_table(at).shape[0] == min(50, sql("SELECT count(*) FROM companies")[0][0])  # the default table
    notices = [w.value for w in at.warning]
    assert notices == [t("param_ignored", "en", name=name, value=md_escape(value))
                       for name, value in (("table", "nope"), ("f.bad", "x"), ("sort", "drop table"))]


@pytest.mark.parametrize("lang, sql_text, message", [
    ("en", "COPY companies TO '/tmp/x.csv'", "Only queries can run here (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE); "
                                             "refused: COPY"),
    ("zh-Hans", "SELECT * FROM read_csv('/etc/passwd')", "该函数会读取文件、网络或设置，已拒绝：read_csv"),
    ("zh-Hant", "SELECT 1; SELECT 2", "每次只能執行一條語句。"),
])
def test_sql_refusals_are_translated_never_a_traceback(lang, sql_text, message):
    at = open_data(lang=lang, tab="sql", sql=sql_text)
    assert [text_of(e.value) for e in at.error] == [message]  # DuckDB's detail escaped for markdown
    assert not at.exception


@pytest.mark.parametrize("sql_text", ['SELECT * FROM "[a](https://evil.example) <b>x</b>"',
                                      "SELECT \"[a](https://evil.example) <b>x</b> https://bare.example\" FROM companies"])
def test_a_refusal_quotes_the_statement_as_text_not_markup(sql_text):
    at = open_data(lang="en", tab="sql", sql=sql_text)
    (error,) = [e.value for e in at.error]
    assert "https://evil.example" in text_of(error)  # quoted, as text
    assert "](https" not in error and "<b>" not in error and "https://" not in error


def test_a_canned_query_from_the_link_runs_with_its_parameters():
    from filmdash.core import sqlbox

    canned = sqlbox.canned()["city_companies"]
    at = open_data(tab="sql", canned="city_companies", sql=canned.sql, **{"p.city": "hangzhou", "p.type": "agency"})
    expected = sql("SELECT company_id FROM companies WHERE city_id = 'hangzhou' AND type = 'agency'")
    assert sorted(at.dataframe[0].value["company_id"]) == sorted(r[0] for r in expected)
    assert [b.proto.label for b in at.get("download_button")] == [f"{f} ({len(expected)} rows)"
                                                                   for f in ("CSV", "XLSX", "PARQUET", "JSON")]


def test_release_tab_offers_the_release_not_the_live_file():
    at = open_data(tab="release")
    labels = [b.proto.label for b in at.get("download_button")]
    assert len(labels) == 1 and labels[0].startswith("Download the release (zip, ")
    assert "warehouse.duckdb" in at.code[0].value and "datapackage.json" in at.code[0].value


def test_sources_page_offers_the_release_beside_the_input_files():
    at = run_app("/sources", lang="zh-Hant", sources_section="inputs")
    assert "整個數據倉庫" in [s.value for s in at.header]  # a box title: h2, after the page title
    assert any(b.proto.label.startswith("下載發佈包（zip，") for b in at.get("download_button"))


def test_next_page_button_turns_the_page_in_the_url():
    at = run_app("/data", table="sources", sort="source_id")
    assert next(b for b in at.button if b.key == "data_previous").disabled
    next(b for b in at.button if b.key == "data_next").click()
    at = again(at)
    assert at.query_params["page"] in ("2", ["2"])
    expected = sql("SELECT source_id FROM sources ORDER BY source_id LIMIT 50 OFFSET 50")
    assert rows_table(at)["source_id"].tolist() == [r[0] for r in expected]


@pytest.fixture
def synthetic_qingdao(tmp_path, monkeypatch) -> int:
    """The benchmark's synthetic warehouse (a few rows of it), served as the app would be with
    FILMDASH_BUILD_DIR pointing at it; returns how many of its rows name Qingdao, in either script
    (counted before the app opens the file: one process opens it with one configuration)."""
    import duckdb

    from bench.synthetic import generate
    from filmdash.core import db

    out = tmp_path / "synthetic"
    con = duckdb.connect(str(generate(rows=120, out=out)), read_only=True)
    n = con.execute("SELECT count(*) FROM synthetic_companies WHERE name_zh_hans LIKE '%青岛%' "
                    "OR name_zh_hant LIKE '%青島%'").fetchone()[0]
    con.close()
    monkeypatch.setattr(db, "BUILD_DIR", out)
    return n


@pytest.mark.parametrize("lang, words", [("en", "SYNTHETIC DATA"), ("zh-Hans", "合成数据"), ("zh-Hant", "合成資料")])
def test_the_synthetic_warehouse_is_served_under_a_banner(synthetic_qingdao, lang, words):
    at = run_app("/data", lang=lang, table="synthetic_companies", q="青島")
    banners = [e.value for e in at.error]
    assert len(banners) == 1 and banners[0].startswith(words) and md_escape("warehouse-synthetic.duckdb") in banners[0]
    assert 0 < synthetic_qingdao < 50 and len(rows_table(at)) == synthetic_qingdao


def test_the_shipped_warehouse_has_no_banner():
    assert not run_app("/data").error
