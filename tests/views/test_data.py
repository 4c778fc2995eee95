"""The /data page's content on the shipped warehouse: URL state read and written, the downloads of
exactly what was asked for (read back with pandas and openpyxl), the citation pack, the release."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import openpyxl
import pandas as pd
import pytest

from filmdash.core import explore
from filmdash.views import data
from tests.pages.test_page_cities import sql


@pytest.fixture(scope="module")
def warehouse(shipped_warehouse):
    return str(shipped_warehouse)


def test_selection_from_the_url_and_back(warehouse):
    tables = data.tables(warehouse)
    params = {"table": ["companies"], "f.type": ["animation", "agency"], "f.city_id": ["hangzhou"], "q": [" 杭州 "],
              "sort": ["-founded_year"], "size": ["25"], "page": ["2"], "lang": ["en"]}
    sel, ignored = data.read_selection(params, tables)
    assert sel == explore.Selection("companies", (("city_id", ("hangzhou",)), ("type", ("animation", "agency"))),
                                    "杭州", "founded_year", True, 2, 25)
    assert ignored == []
    assert data.url_params(sel) == [("table", "companies"), ("f.city_id", "hangzhou"), ("f.type", "animation"),
                                    ("f.type", "agency"), ("q", "杭州"), ("sort", "-founded_year"), ("size", "25"),
                                    ("page", "2")]
    bad, ignored = data.read_selection({"table": ["companies"], "f.x": ["1"], "size": ["7"], "page": ["-3"]}, tables)
    assert (bad.page_size, bad.page, bad.filters) == (50, 1, ()) and ignored == [("f.x", "1"), ("size", "7"),
                                                                                  ("page", "-3")]


@pytest.mark.parametrize("raw", ["inf", "1e400", "２", "0", "2.0", "-1", "9" * 12])
def test_a_page_that_is_not_a_page_number_is_ignored(warehouse, raw):
    sel, ignored = data.read_selection({"table": ["companies"], "page": [raw]}, data.tables(warehouse))
    assert sel.page == 1 and ignored == [("page", raw)]


def test_search_and_filter_text_no_one_could_type_is_ignored(warehouse):
    typed = "青岛 <b>x</b> [a](https://evil.example)"  # odd, but typable: searched for, as typed
    sel, ignored = data.read_selection({"table": ["companies"], "q": [typed], "f.type": [typed]},
                                       data.tables(warehouse))
    assert (sel.q, sel.filters, ignored) == (typed, (("type", (typed,)),), [])
    control, huge = "a\x00b\u202e", "x" * 20_001
    sel, ignored = data.read_selection({"table": ["companies"], "q": [control], "f.type": ["animation", huge]},
                                       data.tables(warehouse))
    assert (sel.q, sel.filters) == ("", (("type", ("animation",)),))
    assert ignored == [("f.type", huge), ("q", control)]


def test_downloads_of_the_rows_asked_for(warehouse):
    sel = explore.Selection("companies", (("type", ("animation",)),), sort="founded_year", desc=True)
    expected = [r[0] for r in sql("SELECT company_id FROM companies WHERE type = 'animation' "
                                  "ORDER BY founded_year DESC NULLS LAST, rowid")]
    url = "http://localhost:8501/data?table=companies&f.type=animation"
    csv = data.download(warehouse, sel, "matching", "csv", url)
    frame = pd.read_csv(io.BytesIO(csv), encoding="utf-8-sig")
    published = [r[0] for r in sql("SELECT column_name FROM duckdb_columns() WHERE table_name = 'companies' "
                                   "ORDER BY column_index")]
    assert frame["company_id"].tolist() == expected and frame.columns.tolist() == published
    book = openpyxl.load_workbook(io.BytesIO(data.download(warehouse, sel, "matching", "xlsx", url)))
    assert book.sheetnames == ["data", "Sources", "Columns", "About"]
    assert [c.value for c in book["data"]["A"]][1:] == expected
    cited = {r[0] for r in sql("SELECT DISTINCT source_id FROM companies WHERE type = 'animation'")}
    assert {c.value for c in book["Sources"]["A"]} - {"source_id"} == cited
    about = {r[0].value: r[1].value for r in book["About"].iter_rows(min_row=2)}
    assert about["filters"] == "type = animation" and about["url"] == url and about["rows"] == len(expected)
    whole = pd.read_parquet(io.BytesIO(data.download(warehouse, sel, "table", "parquet", url)))
    assert len(whole) == sql("SELECT count(*) FROM companies")[0][0]
    records = pd.read_json(io.BytesIO(data.download(warehouse, sel, "matching", "json", url)))
    assert records["company_id"].tolist() == expected


def test_the_page_download_is_the_page(warehouse):
    sel = explore.Selection("sources", sort="published", desc=True, page=3, page_size=25)
    frame = pd.read_csv(io.BytesIO(data.download(warehouse, sel, "page", "csv", "u")), encoding="utf-8-sig")
    expected = sql("SELECT source_id FROM sources ORDER BY published DESC NULLS LAST, rowid LIMIT 25 OFFSET 50")
    assert frame["source_id"].tolist() == [r[0] for r in expected]
    assert data.file_stem(warehouse, sel, "page").startswith("sources_p3x25_")


def test_a_page_turn_or_a_sort_reruns_the_page_query_only(warehouse):
    """The count and the facets are cached per table, filters and search: turning the page, sorting
    or changing the page size asks DuckDB for the page's rows and nothing else."""
    data._matches.cache_clear()
    data._page_rows.cache_clear()
    sel = explore.Selection("sources", (("kind", ("news",)),), page_size=25)
    first = data.page_rows(warehouse, sel)
    for later in (replace(sel, page=2), replace(sel, sort="published", desc=True), replace(sel, page_size=100)):
        data.page_rows(warehouse, later)
        assert data.matches(warehouse, later) == data.matches(warehouse, sel)
    assert data._matches.cache_info().misses == 1 and data._page_rows.cache_info().misses == 4
    total = sql("SELECT count(*) FROM sources WHERE kind = 'news'")[0][0]
    kinds = dict(sql("SELECT kind, count(*) FROM sources GROUP BY kind"))  # a facet does not narrow itself
    assert data.matches(warehouse, sel).total == total and dict(data.matches(warehouse, sel).facets["kind"]) == kinds
    expected = sql("SELECT source_id FROM sources WHERE kind = 'news' ORDER BY published DESC NULLS LAST, rowid "
                   "LIMIT 25")
    assert data.page_rows(warehouse, replace(sel, sort="published", desc=True)).rows["source_id"].tolist() == [
        r[0] for r in expected]
    assert first.page == 1 and "source_publisher" not in first.rows  # the bibliography is not joined to itself
    data.page_rows(warehouse, replace(sel, q="film"))  # a search is another set of matching rows
    assert data._matches.cache_info().misses == 2


def test_a_page_past_the_end_shows_the_last_page_with_its_sources(warehouse):
    sel = explore.Selection("companies", (("type", ("animation",)),), page=999, page_size=25)
    total = sql("SELECT count(*) FROM companies WHERE type = 'animation'")[0][0]
    last = -(-total // 25)
    shown = data.page_rows(warehouse, sel)
    expected = sql("SELECT c.company_id, s.publisher FROM companies c LEFT JOIN sources s USING (source_id) "
                   "WHERE c.type = 'animation' ORDER BY c.company_id, c.rowid LIMIT 25 OFFSET $offset",
                   {"offset": (last - 1) * 25})
    assert shown.page == last
    assert list(zip(shown.rows["company_id"], shown.rows["source_publisher"])) == [tuple(r) for r in expected]


def test_no_two_downloads_are_the_same_file(warehouse):
    everything = explore.Selection("companies")
    assert data.scopes(everything, 44, 44, 44) == [("table", 44)]
    filtered = explore.Selection("companies", (("type", ("animation",)),))
    assert data.scopes(filtered, 8, 8, 44) == [("matching", 8), ("table", 44)]
    paged = explore.Selection("sources", page_size=25)
    assert data.scopes(paged, 25, 388, 388) == [("page", 25), ("table", 388)]
    names = {data.file_stem(warehouse, filtered, s) for s in ("page", "matching", "table")}
    assert len(names) == 3


def test_citation_pack_of_a_search_validates(warehouse, tmp_path):
    from frictionless import Package

    sel = explore.Selection("dim_cities", q="青島")
    archive = data.download(warehouse, sel, "matching", "zip", "http://localhost:8501/data?table=dim_cities&q=青島")
    zipfile.ZipFile(io.BytesIO(archive)).extractall(tmp_path)
    assert Package(str(tmp_path / "datapackage.json")).validate().valid
    stem = data.file_stem(warehouse, sel, "matching")
    assert stem.startswith("dim_cities_q-青島_")
    rows = pd.read_csv(tmp_path / "data" / f"{stem}.csv", encoding="utf-8-sig")
    assert rows["city_id"].tolist() == ["qingdao"] and rows["name_zh_hans"].tolist() == ["青岛"]
    assert "search = 青島" in (tmp_path / "README.txt").read_text(encoding="utf-8")


def test_the_release_is_the_one_the_build_wrote(shipped_warehouse):
    release = data.release(shipped_warehouse.parent)
    assert release is not None and release["stem"] == shipped_warehouse.stem
    assert release["zip"] == shipped_warehouse.parent / "release" / f"{shipped_warehouse.stem}.zip"
    assert release["zip"] != shipped_warehouse and "warehouse.duckdb" in release["sha256sums"]
    assert {r["name"] for r in release["resources"]} >= {"companies", "sources", "dim_cities"}


def test_companies_list_downloads_carry_sources_and_the_whole_table(warehouse):
    from tests.pages.apptest import run_app

    at = run_app("/companies", type="animation")
    labels = [b.proto.label for b in at.get("download_button")]
    animation = sql("SELECT count(*) FROM companies WHERE type = 'animation'")[0][0]
    total = sql("SELECT count(*) FROM companies")[0][0]
    assert labels[-4:] == [f"Rows shown, with sources: CSV ({animation} rows)",
                           f"Rows shown, with sources: XLSX ({animation} rows)",
                           f"Whole table: CSV ({total} rows)", f"Whole table: XLSX ({total} rows)"]
    from filmdash.core import db
    from filmdash.views import companies

    params = companies.filters({"type": ["animation"]}, "")
    shown = db.query("companies_list", limit=companies.LIST_LIMIT, **params).drop(
        columns=["decade", "listed", "origin", "city_name_en", "city_name_zh_hans", "city_name_zh_hant"])
    built = data.table_downloads(warehouse, "companies", shown, companies.filters_text(params), "u", "companies_list")
    assert [b[0] for b in built] == labels[-4:]
    assert data.registry_downloads(warehouse, "companies_all") == []  # the shipped data holds no registry import
    book = openpyxl.load_workbook(io.BytesIO(built[1][1]()))
    header = [c.value for c in book["data"][1]]
    assert {"company_id", "source_id", "quote", "publisher", "url"} <= set(header)
    assert book["data"].max_row == animation + 1 and built[1][2].startswith("companies_companies_list_types-animation_")
    cited = {r[0] for r in sql("SELECT DISTINCT source_id FROM companies WHERE type = 'animation'")}
    assert {c.value for c in book["Sources"]["A"]} - {"source_id"} == cited


def test_sco_titles_download_has_sources_quotes_and_dates(warehouse):
    titles = data.sco_titles(warehouse)
    expected = sql("SELECT p.production_id, p.source_id, p.quote, s.published FROM productions p JOIN sources s "
                   "USING (source_id) WHERE p.production_id IN (SELECT production_id FROM productions) ORDER BY 1")
    by_id = {r[0]: r[1:] for r in expected}
    from filmdash.core import db

    assert titles["production_id"].tolist() == db.query("coproductions_sco_since_2020")["production_id"].tolist()
    for row in titles.itertuples():
        source_id, quote, published = by_id[row.production_id]
        assert (row.source_id, row.quote) == (source_id, quote)
        assert (row.published if isinstance(row.published, str) else None) == published
    built = data.table_downloads(warehouse, "productions", titles, "since 2020", "u", "coproductions_sco")
    frame = pd.read_csv(io.BytesIO(built[0][1]()), encoding="utf-8-sig")
    assert frame["production_id"].tolist() == titles["production_id"].tolist() and frame["quote"].notna().all()


@pytest.mark.parametrize("lang, description, lat", [
    ("en", "Every city with its country, coordinates (GeoNames) and UNESCO City of Film designation.",
     "Latitude from GeoNames; NULL when the city has no GeoNames match."),
    ("zh-Hans", "所有城市，附所属国家、坐标（GeoNames）及联合国教科文组织电影之都称号。",
     "GeoNames 纬度；城市在 GeoNames 中无匹配时为 NULL。"),
    ("zh-Hant", "所有城市，附所屬國家、座標（GeoNames）及聯合國教科文組織電影之都稱號。",
     "GeoNames 緯度；城市在 GeoNames 中無匹配時為 NULL。"),
])
def test_downloads_describe_the_table_in_the_page_language(warehouse, tmp_path, lang, description, lat):
    """The Columns and About sheets, the citation pack's datapackage.json (validated) and CITATION.cff
    carry the descriptions of the page's language, from the warehouse's descriptions table."""
    from frictionless import Package

    sel = explore.Selection("dim_cities", q="青島")
    url = f"http://localhost:8501/data?lang={lang}&table=dim_cities&q=青島"
    book = openpyxl.load_workbook(io.BytesIO(data.download(warehouse, sel, "matching", "xlsx", url, lang)))
    meanings = {r[0].value: r[2].value for r in book["Columns"].iter_rows(min_row=2)}
    assert meanings["lat"] == lat
    expected = dict(sql("SELECT column_name, text FROM descriptions WHERE table_name = 'dim_cities' "
                        "AND column_name IS NOT NULL AND lang = $lang", {"lang": lang}))
    assert meanings == expected
    assert {r[0].value: r[1].value for r in book["About"].iter_rows(min_row=2)}["description"] == description
    zipfile.ZipFile(io.BytesIO(data.download(warehouse, sel, "matching", "zip", url, lang))).extractall(tmp_path)
    package = Package(str(tmp_path / "datapackage.json"))
    assert package.validate().valid
    resource = package.resources[0]
    assert resource.description == description
    assert resource.schema.get_field("lat").description == lat
    import yaml

    cff = (tmp_path / "CITATION.cff").read_text(encoding="utf-8")
    assert yaml.safe_load(cff)["abstract"] == description and description in cff  # readable, not \u escapes
