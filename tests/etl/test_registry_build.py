"""A registry file under data/raw is checked by the build like any input, though DuckDB reads it
(etl/bulk.py): a hand edit that breaks it stops the build with file, line, column and reason."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from etl.build import build, current_path
from etl.problems import InputError
from etl.schema import TABLES
from tests.etl import registry_synth as synth

COLUMNS = TABLES["registry_companies"].column_names


def _declare(raw: Path, rel: str, encoding: str = "utf-8") -> None:
    with (raw / "manifest.toml").open("a", encoding="utf-8") as f:
        f.write(f'\n[[file]]\npath = "{rel}"\nencoding = "{encoding}"\ncurator = "tests"\ndescription = "synthetic"\n')


@pytest.fixture
def registry_raw(mini: Path) -> Path:
    """The mini fixture with a registry source and 6 valid synthetic registry rows."""
    (mini / "sources" / "registry.csv").write_text(
        "source_id,publisher,title,url,published,accessed,language,kind\n"
        "reg-synth,Synthetic registry (tests),Synthetic export,,,2026-12-01,zh-Hans,registry\n", encoding="utf-8")
    _declare(mini, "sources/registry.csv")
    (mini / "registry_companies").mkdir()
    synth.write_registry_input(mini / "registry_companies" / "reg.csv", 6, "reg-synth", COLUMNS)
    _declare(mini, "registry_companies/reg.csv")
    return mini


def _edit(path: Path, edit) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    edit(rows)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def test_valid_registry_rows_are_published(registry_raw, tmp_path):
    result = build(registry_raw, tmp_path / "out", root=tmp_path)
    assert result.tables["registry_companies"] == 6 and result.tables["dim_companies"] == 7


def test_every_broken_cell_is_reported_with_its_line(registry_raw, tmp_path):
    path = registry_raw / "registry_companies" / "reg.csv"
    col = {c: i for i, c in enumerate(COLUMNS)}

    def edit(rows):
        rows[2][col["credit_code"]] = synth.broken_check_digit(rows[2][col["credit_code"]])  # line 3
        rows[3][col["founded"]] = "2019-02-30"  # line 4
        rows[4][col["activity"]] = "catering"  # line 5
        rows[4][col["city_id"]] = "atlantis"
        rows[5][col["name"]] = ""  # line 6
        rows.append(list(rows[1]))  # line 8 repeats line 2's code
        rows[6][col["capital_base"]] = "5e6"  # line 7

    _edit(path, edit)
    with pytest.raises(InputError) as info:
        build(registry_raw, tmp_path / "out", root=tmp_path)
    lines = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    code2, code3 = lines[1][col["credit_code"]], lines[2][col["credit_code"]]
    file = "raw/registry_companies/reg.csv"
    assert [str(p) for p in info.value.problems] == [
        f"{file}, line 3, column 'credit_code', value '{code3}': check digit is {code3[17]}, but the first 17 "
        f"characters give {synth.check_digit(code3[:17])} (GB 32100-2015): a character was misread or mistyped",
        f"{file}, line 4, column 'founded', value '2019-02-30': is not a real calendar date",
        f"{file}, line 5, column 'activity', value 'catering': is not an accepted value; accepted: production, "
        f"animation, post-production, distribution, cinema, other",
        f"{file}, line 5, column 'city_id', value 'atlantis': unknown cities entry: no row in 'cities' has this id "
        f"(a dangling reference)",
        f"{file}, line 6, column 'name': is empty, but a value is required",
        f"{file}, line 7, column 'capital_base', value '5e6': is not a number (write digits with a decimal point, "
        f"no units or thousands separators)",
        f"{file}, line 8, column 'credit_code', value '{code2}': duplicate key: already used at {file}, line 2",
    ]
    assert current_path(tmp_path / "out") is None


def test_a_ragged_row_and_a_wrong_header_stop_the_build(registry_raw, tmp_path):
    path = registry_raw / "registry_companies" / "reg.csv"
    _edit(path, lambda rows: rows[3].pop())
    with pytest.raises(InputError) as info:
        build(registry_raw, tmp_path / "out", root=tmp_path)
    assert [p.reason for p in info.value.problems] == [f"ragged row: it has {len(COLUMNS) - 1} fields, the header "
                                                        f"has {len(COLUMNS)}"]
    assert [p.line for p in info.value.problems] == [4]
    _edit(path, lambda rows: (rows[3].append(""), rows[0].reverse()))
    with pytest.raises(InputError) as info:
        build(registry_raw, tmp_path / "out", root=tmp_path)
    assert [p.reason.split(":")[0] for p in info.value.problems] == [
        "the header must be exactly the columns of 'registry_companies', in order"]


def test_a_registry_file_must_be_utf8(registry_raw, tmp_path):
    manifest = registry_raw / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        'path = "registry_companies/reg.csv"\nencoding = "utf-8"', 'path = "registry_companies/reg.csv"\nencoding = "gbk"'),
        encoding="utf-8")
    with pytest.raises(InputError) as info:
        build(registry_raw, tmp_path / "out", root=tmp_path)
    assert [p.value for p in info.value.problems] == ["gbk"]
    assert "reads UTF-8 only" in info.value.problems[0].reason


def test_a_source_without_url_must_be_a_registry_export(registry_raw, tmp_path):
    path = registry_raw / "sources" / "registry.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",registry\n", ",news\n"), encoding="utf-8")
    with pytest.raises(InputError) as info:
        build(registry_raw, tmp_path / "out", root=tmp_path)
    assert [(p.line, p.column, p.reason) for p in info.value.problems] == [
        (2, "url", "is empty, but a value is required (only a registry export, kind registry, has none)")]


def test_search_finds_the_same_rows_in_either_script(registry_raw, tmp_path):
    """The Companies page's search (companies_explorer.search_text) and /data's (search keys) over
    curated and registry rows: 宁波 and 寧波 the same registry company; an English name; a curated
    company by its English or its Chinese name in either script."""
    from filmdash.core import db, explore
    from filmdash.views import companies

    out = tmp_path / "out"
    path = build(registry_raw, out, root=tmp_path).path
    ningbo = synth.credit_code(synth.ZHEJIANG["宁波市"][0], 1)  # row 1 of the input: 宁波合成样例0000001影视有限公司

    def page(q: str) -> list[str]:
        return db.query("companies_list", build_dir=out, limit=500, **companies.filters({}, q))["company_id"].tolist()

    registry = sorted(synth.credit_code(synth.ZHEJIANG[c][0], i) for i, c in enumerate(list(synth.ZHEJIANG)[:6]))
    assert page("宁波") == page("寧波") == page("寧波合成") == [ningbo]
    assert sorted(page("影视有限公司")) == sorted(page("影視有限公司")) == registry
    assert page("Huace") == page("huace group") == page("华策") == page("華策影視") == ["huace"]
    assert page("電視劇") == page("电视剧") == ["huace"]  # its description, either script
    con = db.connection(out).cursor()
    try:
        tables = explore.catalogue(con)
        assert tables["companies_explorer"].keyed and tables["registry_companies"].keyed
        def rows(table: str, id_column: str, q: str) -> list[str]:
            return explore.rows(con, tables[table], explore.Selection(table, q=q))[id_column].tolist()

        for table, id_column, curated in (("companies_explorer", "company_id", ["huace"]),  # 华策影视
                                          ("registry_companies", "credit_code", [])):
            assert rows(table, id_column, "宁波") == rows(table, id_column, "寧波") == [ningbo]
            found = rows(table, id_column, "影视")
            assert rows(table, id_column, "影視") == found and sorted(found) == sorted(registry + curated)
            assert sorted(rows(table, id_column, "影視 有限")) == registry  # every term
        explorer = tables["companies_explorer"]
        assert explore.rows(con, explorer, explore.Selection("companies_explorer", q="HUACE GROUP"))[
            "company_id"].tolist() == ["huace"]
    finally:
        con.close()
    assert path.exists()
