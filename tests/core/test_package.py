"""Download files read back by the libraries researchers use: pandas, openpyxl, pyarrow and
frictionless. Formula injection defused, Chinese intact, missing values empty or null, published
column names, a carriage return kept inside its cell."""

from __future__ import annotations

import io
import json
import zipfile

import openpyxl
import pandas as pd
import pytest

from filmdash.core import package as pk

NASTY = ["=HYPERLINK(\"http://evil\")", "+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "青岛\r\n東方影都", "plain, \"quoted\""]


@pytest.fixture
def frame():
    return pd.DataFrame({
        "firm_id": [f"f{i}" for i in range(len(NASTY))],
        "quote": NASTY,
        "founded": pd.array([2001, None, 1999, 2010, None, 2015, 2016, 2017], dtype="Int64"),
        "share": [0.5, None, 1.25, 2.0, 3.0, None, 4.0, 5.0],
        "listed": pd.array([True, False, None, True, False, True, False, True], dtype="boolean"),
    })


@pytest.fixture
def about():
    return pk.About("firms", "Film firms.", "city = qingdao", "http://localhost:8501/data?table=firms&f.city=qingdao",
                    "warehouse-20261207T174521-172429391", "2026-12-07", 8,
                    (("firm_id", "VARCHAR", "Unique id."), ("quote", "VARCHAR", "Verbatim quote."),
                     ("founded", "INTEGER", "Year founded."), ("share", "DOUBLE", None),
                     ("listed", "BOOLEAN", "Listed on an exchange.")))


@pytest.fixture
def bibliography():
    return pd.DataFrame({"source_id": ["ref-geonames", "s1"], "publisher": ["GeoNames", "青岛日报"],
                         "title": ["Gazetteer", "东方影都"], "url": ["https://www.geonames.org", "https://y.example/2"],
                         "published": [None, "2023-04"]})


def test_csv_round_trips_with_formulas_defused(frame):
    from filmdash.core.exports import csv_bytes

    data = csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False, dtype=str)
    assert len(back) == len(frame)  # no carriage return split a row
    assert back["quote"].tolist() == ["'" + v if v[0] in "=+-@\t\r" else v for v in NASTY]
    assert back["quote"].iloc[6] == "青岛\r\n東方影都" and back["quote"].iloc[7] == NASTY[7]
    assert back["founded"].tolist() == ["2001", "", "1999", "2010", "", "2015", "2016", "2017"]  # missing: empty
    assert back["share"].iloc[1] == "" and back["listed"].iloc[2] == ""
    assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in back.to_numpy().ravel())


def test_xlsx_typed_no_formula_text_unchanged(frame, about, bibliography):
    data = pk.xlsx_bytes(frame, about, bibliography)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["data", "Sources", "Columns", "About"]
    sheet = book["data"]
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == ["firm_id", "quote", "founded", "share", "listed"]
    cells = [c for row in book["data"].iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    quotes = [sheet.cell(row=i + 2, column=2) for i in range(len(NASTY))]
    in_a_workbook = [v.replace("\r\n", "\n").replace("\r", "\n") for v in NASTY]  # a line break is a line feed
    assert [c.value for c in quotes] == in_a_workbook  # the text itself, not prefixed
    assert all(c.data_type == "s" for c in quotes)
    assert [c.quotePrefix for c in quotes] == [True] * 6 + [False, False]  # Excel's own "this is text" mark
    assert sheet["C2"].value == 2001 and sheet["C2"].data_type == "n" and sheet["C3"].value is None
    assert sheet["D4"].value == 1.25 and sheet["E2"].value is True and sheet["E4"].value is None
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width
    back = pd.read_excel(io.BytesIO(data), sheet_name=None)
    assert back["data"]["quote"].tolist() == in_a_workbook
    assert back["data"]["founded"].isna().tolist() == frame["founded"].isna().tolist()
    sources = back["Sources"].set_index("source_id")
    assert sources.loc["ref-geonames", "licence"] == "CC-BY-4.0 (GeoNames)"
    assert sources.loc["s1", "licence"] == pk.QUOTED and sources.loc["s1", "publisher"] == "青岛日报"
    columns = back["Columns"].set_index("column")
    assert columns.loc["founded", "meaning"] == "Year founded." and columns.loc["listed", "type"] == "BOOLEAN"
    info = dict(back["About"].values.tolist())
    assert info["filters"] == "city = qingdao" and info["rows"] == 8 and info["build_date"] == "2026-12-07"
    assert info["url"] == about.url and "[DS/OL]" in info["cite_gbt7714_zh"]


def test_json_and_parquet_hold_nulls_and_published_names(frame):
    records = json.loads(pk.json_bytes(frame).decode("utf-8"))
    assert records[1] == {"firm_id": "f1", "quote": "+1", "founded": None, "share": None, "listed": False}
    assert "青岛" in pk.json_bytes(frame).decode("utf-8")  # Chinese as written, not \\u escapes
    back = pd.read_parquet(io.BytesIO(pk.parquet_bytes(frame)))
    assert back.columns.tolist() == frame.columns.tolist() and back["quote"].tolist() == NASTY
    assert back["founded"].isna().tolist() == [False, True, False, False, True, False, False, False]


def test_file_names_say_what_they_hold():
    assert pk.file_stem("companies", ["type-animation", "q-青岛"], "2026-12-07") == \
        "companies_type-animation_q-青岛_2026-12-07"
    assert pk.file_stem("companies", ["q-a/b:c*?"], "2026-12-07") == "companies_q-a-b-c_2026-12-07"
    assert pk.build_date("warehouse-20261207T174521-172429391.duckdb") == "2026-12-07"


def test_citations_in_apa_and_gbt_both_languages(about):
    cites = pk.citations(about)
    assert cites["apa_en"] == ("Film Cities Dashboard contributors. (2026). Film Cities Dashboard: firms "
                               "(city = qingdao) (Version warehouse-20261207T174521-172429391) [Data set]. " + about.url)
    assert cites["gbt7714_zh"] == ("Film Cities Dashboard 贡献者. 电影城市数据：firms（city = qingdao）[DS/OL]. "
                                   "(2026-12-07)[2026-12-07]. " + about.url + ".")
    cff = pk.citation_cff(about)
    assert "cff-version: 1.2.0" in cff and "date-released: 2026-12-07" in cff and "type: dataset" in cff


def test_citation_pack_validates_with_frictionless(frame, about, bibliography, tmp_path):
    import yaml
    from frictionless import Package

    stem = pk.file_stem("firms", ["city-qingdao"], about.build_date)
    data = pk.citation_pack(frame, about, bibliography, stem)
    zipfile.ZipFile(io.BytesIO(data)).extractall(tmp_path)
    names = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert names == ["CITATION.cff", "CITATION.md", "README.txt", f"data/{stem}.csv", f"data/{stem}.parquet",
                     "data/sources.csv", "datapackage.json"]
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "note"])
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    fields = descriptor["resources"][0]["schema"]["fields"]
    assert [(f["name"], f["type"]) for f in fields] == [("firm_id", "string"), ("quote", "string"),
                                                       ("founded", "integer"), ("share", "number"),
                                                       ("listed", "boolean")]
    assert fields[2]["description"] == "Year founded."
    assert [s["licence"] for s in descriptor["sources"]] == ["CC-BY-4.0 (GeoNames)", pk.QUOTED]
    cff = yaml.safe_load((tmp_path / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["version"] == about.build_id and cff["url"] == about.url
    readme = (tmp_path / "README.txt").read_text(encoding="utf-8")
    assert f"URL: {about.url}" in readme and "Filters: city = qingdao" in readme
    cite = (tmp_path / "CITATION.md").read_text(encoding="utf-8")
    assert "GB/T 7714-2015（中文）" in cite and "[数据集]" in cite


def test_a_broken_package_does_not_validate(frame, about, bibliography, tmp_path):
    """The validation above can fail: a text in an integer column is reported."""
    from frictionless import Package

    stem = "firms"
    zipfile.ZipFile(io.BytesIO(pk.citation_pack(frame, about, bibliography, stem))).extractall(tmp_path)
    path = tmp_path / "data" / "firms.csv"
    path.write_text(path.read_text(encoding="utf-8-sig").replace("2001", "two thousand"), encoding="utf-8-sig")
    assert not Package(str(tmp_path / "datapackage.json")).validate().valid
