"""The explorer's SQL on a small hand-made table: comments read from the catalogue, facets with
counts under the other filters, search across scripts, sort and paging in DuckDB, and names that
the catalogue does not hold refused before any SQL runs."""

from __future__ import annotations

import duckdb
import pytest

from etl.folding import build_search_keys
from filmdash.core import explore as ex


@pytest.fixture(params=["keyed", "unkeyed"])
def con(request):
    """The table with search keys, as every build writes them (etl/folding.py), and without, as a
    warehouse built before them has it: every search must find the same rows either way."""
    con = duckdb.connect()
    con.execute("""
        CREATE TABLE sources (source_id VARCHAR, publisher VARCHAR, title VARCHAR, url VARCHAR, published VARCHAR,
                              accessed VARCHAR, language VARCHAR, kind VARCHAR);
        INSERT INTO sources VALUES
          ('s1', 'Xinhua', 'Qingdao film week', 'https://x.example/1', '2023-04', '2026-01-02', 'en', 'news'),
          ('s2', '青岛日报', '东方影都', 'https://y.example/2', NULL, '2026-01-03', 'zh-Hans', 'news');
        CREATE TABLE firms (firm_id VARCHAR, name_en VARCHAR, name_zh_hans VARCHAR, city VARCHAR, kind VARCHAR,
                            founded INTEGER, source_id VARCHAR, quote VARCHAR);
        INSERT INTO firms VALUES
          ('a', 'Alpha Films', '阿尔法', 'qingdao', 'studio', 2001, 's1', 'based in 青岛'),
          ('b', 'Beta Pictures', NULL, 'qingdao', 'studio', 1999, 's2', 'a studio'),
          ('c', 'Gamma', '伽马', 'hangzhou', 'agency', NULL, 's1', 'in Hangzhou'),
          ('d', 'Delta "Q"', NULL, 'hangzhou', NULL, 2010, 's2', '=HYPERLINK("x")'),
          ('e', 'Epsilon', NULL, 'hangzhou', 'studio', 2015, 's1', 'quoted');
        COMMENT ON TABLE firms IS 'Film firms, by city.';
        COMMENT ON COLUMN firms.kind IS 'What the firm does.';
    """)
    if request.param == "keyed":
        build_search_keys(con)
    assert all(t.keyed == (request.param == "keyed") for t in ex.catalogue(con).values())
    yield con
    con.close()


def test_catalogue_reads_descriptions_and_meanings_from_comments(con):
    tables = ex.catalogue(con)
    assert list(tables) == ["firms", "sources"]
    firms = tables["firms"]
    assert (firms.comment, firms.rows) == ("Film firms, by city.", 5)
    assert firms.column("kind").comment == "What the firm does."
    assert firms.column("founded").data_type == "INTEGER" and firms.column("city").comment is None
    assert firms.has_sources and not tables["sources"].has_sources


def test_catalogue_reads_the_chinese_descriptions_of_the_language_asked_for(con):
    con.execute("""
        CREATE TABLE descriptions (table_name VARCHAR, column_name VARCHAR, lang VARCHAR, text VARCHAR, origin VARCHAR);
        INSERT INTO descriptions VALUES
          ('firms', NULL, 'en', 'Film firms, by city.', 'source'),
          ('firms', NULL, 'zh-Hans', '影视企业，按城市。', 'source'),
          ('firms', NULL, 'zh-Hant', '影視企業，按城市。', 'opencc-s2hk'),
          ('firms', 'kind', 'zh-Hans', '企业的业务。', 'source'),
          ('firms', 'kind', 'zh-Hant', '企業的業務。', 'opencc-s2hk');
    """)
    for lang, table, kind in (("en", "Film firms, by city.", "What the firm does."),
                              ("zh-Hans", "影视企业，按城市。", "企业的业务。"),
                              ("zh-Hant", "影視企業，按城市。", "企業的業務。")):
        firms = ex.catalogue(con, lang)["firms"]
        assert (firms.comment, firms.column("kind").comment, firms.column("city").comment) == (table, kind, None)
    # a warehouse without the table (an older build) keeps its English comments
    con.execute("DROP TABLE descriptions")
    assert ex.catalogue(con, "zh-Hant")["firms"].comment == "Film firms, by city."


def test_unknown_table_or_column_is_refused_before_sql(con):
    tables = ex.catalogue(con)
    with pytest.raises(ex.UnknownName):
        ex.table_of(tables, "firms; DROP TABLE firms")
    firms = tables["firms"]
    with pytest.raises(ex.UnknownName):
        ex.rows(con, firms, ex.Selection("firms", sort='kind" DESC; --'))
    with pytest.raises(ex.UnknownName):
        ex.count(con, firms, ex.Selection("firms", filters=(("nope", ("x",)),)))


def test_facets_count_under_the_other_filters_missing_included(con):
    firms = ex.catalogue(con)["firms"]
    assert ex.facet_columns(con, firms) == ["city", "kind", "source_id"]  # not names, years or quotes
    sel = ex.Selection("firms", filters=(("city", ("hangzhou",)),))
    counts = ex.facets(con, firms, sel, ["city", "kind"])
    assert counts["city"] == [("hangzhou", 3), ("qingdao", 2)]  # its own filter does not narrow it
    assert counts["kind"] == [("agency", 1), ("studio", 1), (ex.MISSING, 1)]
    only_missing = ex.Selection("firms", filters=(("kind", (ex.MISSING,)),))
    assert ex.rows(con, firms, only_missing)["firm_id"].tolist() == ["d"]


def test_filter_values_are_parameters_not_sql(con):
    firms = ex.catalogue(con)["firms"]
    evil = ex.Selection("firms", filters=(("city", ("x') OR true OR ('",)),), q="' OR 1=1 --")
    assert ex.count(con, firms, evil) == 0
    assert con.execute("SELECT count(*) FROM firms").fetchone()[0] == 5


@pytest.mark.parametrize("q, ids", [
    ("青岛", ["a"]), ("青島", ["a"]), ("阿爾法", ["a"]), ("ALPHA", ["a"]), ("hang zhou", ["c", "d", "e"]), ("zhou hang", ["c", "d", "e"]), ("hangzhou beta", []),
    ("studio qingdao", ["a", "b"]), ("%", []), ("_", []), ("q\"", ["d"]), ('"q"', ["d"]), ("", ["a", "b", "c", "d", "e"]),
])
def test_search_every_text_column_in_either_script(con, q, ids):
    firms = ex.catalogue(con)["firms"]
    sel = ex.Selection("firms", q=q)
    assert ex.rows(con, firms, sel)["firm_id"].tolist() == ids
    assert ex.count(con, firms, sel) == len(ids)


def test_sort_and_page_in_duckdb(con):
    firms = ex.catalogue(con)["firms"]
    by_year = ex.Selection("firms", sort="founded", desc=True, page=1, page_size=2)
    assert ex.rows(con, firms, by_year)["firm_id"].tolist() == ["e", "d"]
    second = ex.Selection("firms", sort="founded", desc=True, page=2, page_size=2)
    assert ex.rows(con, firms, second)["firm_id"].tolist() == ["a", "b"]
    last = ex.Selection("firms", sort="founded", desc=True, page=3, page_size=2)
    assert ex.rows(con, firms, last)["firm_id"].tolist() == ["c"]  # missing years last, either direction
    assert len(ex.rows(con, firms, last, whole=True)) == 5


def test_rows_carry_their_sources(con):
    firms = ex.catalogue(con)["firms"]
    page = ex.rows(con, firms, ex.Selection("firms", page_size=2))
    bibliography = ex.sources(con, ex.source_ids(page))
    shown = ex.with_sources(page, bibliography)
    assert shown[["firm_id", "source_publisher", "source_url"]].values.tolist() == [
        ["a", "Xinhua", "https://x.example/1"], ["b", "青岛日报", "https://y.example/2"]]
    assert shown["source_published"].iloc[0] == "2023-04" and shown["source_published"].isna().iloc[1]


def test_fold_table_matches_opencc():
    import opencc

    convert = opencc.OpenCC("t2s").convert
    text = "青島電影節與東方影都的製片廠"
    assert ex.fold(text) == convert(text) == "青岛电影节与东方影都的制片厂"


def test_shipped_warehouse_qingdao_in_both_scripts(shipped_warehouse):
    from filmdash.core import db

    con = db.connection(shipped_warehouse.parent).cursor()
    try:
        tables = ex.catalogue(con)
        cities = tables["dim_cities"]
        simplified = ex.rows(con, cities, ex.Selection("dim_cities", q="青岛"))["city_id"].tolist()
        traditional = ex.rows(con, cities, ex.Selection("dim_cities", q="青島"))["city_id"].tolist()
        assert simplified == traditional == ["qingdao"]
        expected = con.execute("SELECT count(*) FROM companies WHERE type = 'animation'").fetchone()[0]
        sel = ex.Selection("companies", filters=(("type", ("animation",)),))
        assert ex.count(con, tables["companies"], sel) == expected
    finally:
        con.close()


@pytest.mark.parametrize("sel", [
    ex.Selection("firms"),
    ex.Selection("firms", filters=(("city", ("hangzhou",)),)),
    ex.Selection("firms", filters=(("city", ("hangzhou", "qingdao")), ("kind", ("studio", ex.MISSING))), q="a"),
    ex.Selection("firms", q="青島"),
    ex.Selection("firms", filters=(("founded", ("2001",)),), q="studio 青岛"),  # a filter on a column without a facet
    ex.Selection("firms", q="nothing matches this"),
])
def test_summary_is_the_count_and_the_facets_in_one_query(con, sel):
    firms = ex.catalogue(con)["firms"]
    assert ex.summary(con, firms, sel, ["city", "kind"]) == (ex.count(con, firms, sel),
                                                             ex.facets(con, firms, sel, ["city", "kind"]))
    assert ex.summary(con, firms, sel, []) == (ex.count(con, firms, sel), {})


def test_spellings_of_a_chinese_term_in_either_script():
    assert sorted(ex.spellings("青岛")) == ["青岛", "青島"] and sorted(ex.spellings("电影")) == ["电影", "電影"]
    assert ex.spellings("杭州") == ["杭州"]
    assert ex.spellings("qingdao") is None and ex.spellings("青岛a") is None  # cased letters: ILIKE or RE2
    assert len(ex.spellings("岛" * 4)) == 16 and ex.spellings("岛" * 5) is None  # 2**5 spellings: the pattern
