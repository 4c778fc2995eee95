"""python -m etl import on synthetic registry exports (tests/etl/registry_synth.py): every count,
every rejected row, every duplicate, and the build that publishes the accepted rows."""

from __future__ import annotations

import csv
import subprocess
import sys
import tomllib
from pathlib import Path

import duckdb
import pytest

from etl.build import build
from tests.etl import registry_synth as synth

ROOT = Path(__file__).resolve().parents[2]
EXPORT_DATE = "2026-12-01"


@pytest.fixture
def raw(mini: Path) -> Path:
    """The mini fixture plus one curated company the export repeats (by name, in Hangzhou)."""
    with (mini / "companies" / "companies.csv").open("a", encoding="utf-8") as f:
        f.write(f"synthetic-curated,Synthetic Curated,{synth.CURATED_NAME},,hangzhou,production,2019,,,,,,s-seed,"
                f"synthetic test row\n")
    return mini


def run_import(export: Path, raw: Path, report: Path, *extra: str, source: str = "reg-synth",
               new_source: bool = True) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "etl", "import", str(export), "--kind", "companies", "--source", source,
           "--raw", str(raw), "--report", str(report), *extra]
    if new_source:
        cmd += ["--publisher", "Synthetic registry (tests)", "--title", "Synthetic export", "--date", EXPORT_DATE]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL)


def read_csv(path: Path, encoding: str = "utf-8-sig") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as f:
        return list(csv.DictReader(f))


def expected_rejects(cases: list[synth.Case], first_row: int) -> list[tuple[int, str, str]]:
    return [(first_row + i, column, start) for i, c in enumerate(cases) if c.expect == "rejected"
            for column, start in c.reasons]


def check_outcome(cases: list[synth.Case], raw: Path, report: Path, first_row: int, export_name: str) -> None:
    rejects = read_csv(report / "rejects.csv")
    got = [(int(r["row"]), r["column"], r["reason"]) for r in rejects]
    want = expected_rejects(cases, first_row)
    assert [(row, col) for row, col, _ in got] == [(row, col) for row, col, _ in want]
    for (_, _, reason), (_, _, start) in zip(got, want):
        assert reason.startswith(start), (reason, start)
    assert {r["file"] for r in rejects} == {export_name}
    duplicates = read_csv(report / "duplicates.csv")
    assert [(int(d["row"]), d["matched_by"]) for d in duplicates] == [
        (first_row + i, c.matched_by) for i, c in enumerate(cases) if c.expect == "duplicate"]
    written = read_csv(raw / "registry_companies" / "reg-synth.csv", "utf-8")
    accepted = [(first_row + i, c) for i, c in enumerate(cases) if c.expect == "accepted"]
    assert [int(w["export_row"]) for w in written] == [row for row, _ in accepted]
    assert [w["activity"] for w in written] == [c.activity for _, c in accepted]
    assert [w["credit_code"] for w in written] == [c.cells["统一社会信用代码"] for _, c in accepted]
    assert [w["name_registry"] for w in written] == [c.cells["企业名称"] for _, c in accepted]
    n_rejected = sum(c.expect == "rejected" for c in cases)
    n_duplicates = sum(c.expect == "duplicate" for c in cases)
    text = (report / "report.md").read_text(encoding="utf-8")
    assert f"| {len(cases)} | {len(accepted)} | {n_rejected} | {n_duplicates} |" in text
    assert "Unknown columns, kept aside in unknown_columns.csv: 联系电话, 备注." in text
    kept = read_csv(report / "unknown_columns.csv")
    assert len(kept) == len(cases) and kept[0]["联系电话"] == cases[0].cells["联系电话"]


def test_a_gbk_csv_export_is_imported_with_every_count_and_rejected_row_exact(raw, tmp_path):
    cases = synth.cases()
    export = synth.write_csv(tmp_path / "export.csv", [c.cells for c in cases], "gbk")
    done = run_import(export, raw, tmp_path / "report")
    assert done.returncode == 0, done.stderr
    assert "gbk (not UTF-8; decoded as GBK" in done.stdout
    check_outcome(cases, raw, tmp_path / "report", 2, "export.csv")
    written = {w["export_row"]: w for w in read_csv(raw / "registry_companies" / "reg-synth.csv", "utf-8")}
    # names: full-width forms folded and spaces tidied, the registry's text kept beside
    row = written[str(2 + next(i for i, c in enumerate(cases) if "ＡＢ" in str(c.cells["企业名称"])))]
    assert (row["name"], row["name_registry"]) == ("杭州合成样例(AB)影视有限公司", "杭州合成样例 （ＡＢ）影视有限公司")
    # dates and capital in the forms registries write
    assert [(w["founded"], w["capital_amount"], w["capital_unit"], w["capital_currency"], w["capital_base"])
            for w in list(written.values())[:6]] == [
        ("2018-05-20", "500", "万元", "CNY", "5000000"),
        ("2019-03-07", "1000", "万人民币", "CNY", "10000000"),
        ("2020-11-02", "100", "万美元", "USD", "1000000"),
        ("2015-01-01", "1.5", "亿元", "CNY", "150000000"),
        ("2016-02-29", "300", "人民币万元", "CNY", "3000000"),
        ("2021-06-30", "50", "万港元", "HKD", "500000"),
    ]
    # the city the dashboard knows is linked; the others keep the registry's text only
    assert {w["city"]: w["city_id"] for w in written.values()}["杭州市"] == "hangzhou"
    assert {w["city_id"] for w in written.values() if w["city"] != "杭州市"} == {""}
    # the import's own source record, and both files declared
    sources = read_csv(raw / "sources" / "registry_imports.csv", "utf-8")
    assert sources == [{"source_id": "reg-synth", "publisher": "Synthetic registry (tests)", "title": "Synthetic export",
                        "url": "", "published": "", "accessed": EXPORT_DATE, "language": "zh-Hans",
                        "kind": "registry"}]
    declared = [e["path"] for e in tomllib.loads((raw / "manifest.toml").read_text(encoding="utf-8"))["file"]]
    assert declared[-2:] == ["sources/registry_imports.csv", "registry_companies/reg-synth.csv"]


def test_an_xlsx_export_with_a_title_row_and_date_cells_gives_the_same_outcome(raw, tmp_path):
    cases = synth.cases()
    # an all-digit code stored as a number: its digits cannot be trusted
    numeric = synth._row(400, "杭州市", 6, "production")
    numeric["统一社会信用代码"] = 913301001234567890
    cases.append(synth.Case(numeric, "rejected", [("统一社会信用代码", "is stored as a number in the spreadsheet")]))
    export = synth.write_xlsx(tmp_path / "export.xlsx", [c.cells for c in cases], title_row="企业信息导出（合成数据）")
    done = run_import(export, raw, tmp_path / "report")
    assert done.returncode == 0, done.stderr
    check_outcome(cases, raw, tmp_path / "report", 3, "export.xlsx")  # row 1 title, row 2 header


def test_a_build_publishes_the_import_with_its_provenance(raw, tmp_path):
    cases = synth.cases()
    export = synth.write_csv(tmp_path / "export.csv", [c.cells for c in cases], "gb18030")
    assert run_import(export, raw, tmp_path / "report").returncode == 0
    path = build(raw, tmp_path / "out", root=tmp_path).path
    con = duckdb.connect(str(path), read_only=True)
    try:
        accepted = [c for c in cases if c.expect == "accepted"]
        assert con.execute("SELECT count(*) FROM registry_companies").fetchone() == (len(accepted),)
        assert con.execute("SELECT provenance, count(*) FROM dim_companies GROUP BY ALL ORDER BY ALL").fetchall() == [
            ("curated", 2), ("registry", len(accepted))]
        in_hangzhou = sum(c.cells["所属城市"] == "杭州市" for c in accepted)
        assert con.execute("SELECT documented, documented_curated, documented_registry, registry_as_of "
                           "FROM documented_vs_reported WHERE entity_id = 'hangzhou'").fetchone() == (
            2 + in_hangzhou, 2, in_hangzhou, EXPORT_DATE)
        assert con.execute("SELECT kind, url FROM sources WHERE source_id = 'reg-synth'").fetchone() == ("registry", None)
        assert con.execute("SELECT activity, count(*) FROM registry_companies GROUP BY ALL ORDER BY ALL").fetchall() == \
            sorted((a, sum(c.activity == a for c in accepted)) for a in {c.activity for c in accepted})
        assert con.execute("SELECT rows FROM input_files WHERE table_name = 'registry_companies'").fetchall() == [
            (len(accepted),)]
    finally:
        con.close()


def test_a_second_export_is_deduplicated_against_the_first_and_an_import_is_not_repeated(raw, tmp_path):
    cases = synth.cases()
    first = synth.write_csv(tmp_path / "first.csv", [c.cells for c in cases], "gbk")
    assert run_import(first, raw, tmp_path / "r1").returncode == 0
    again = run_import(first, raw, tmp_path / "r2", new_source=False)
    assert again.returncode == 1 and "was imported already" in again.stderr
    # --replace imports it again in place: its own earlier rows are no duplicates of it
    replaced = run_import(first, raw, tmp_path / "r2", "--replace", new_source=False)
    assert replaced.returncode == 0, replaced.stderr
    assert read_csv(tmp_path / "r1" / "duplicates.csv") == read_csv(tmp_path / "r2" / "duplicates.csv")
    assert len(read_csv(raw / "sources" / "registry_imports.csv", "utf-8")) == 1
    second_rows = [cases[0].cells, synth._row(500, "丽水市", 1, "cinema")]
    second = synth.write_csv(tmp_path / "second.csv", second_rows, "gbk")
    done = run_import(second, raw, tmp_path / "r3", source="reg-synth-2")
    assert done.returncode == 0, done.stderr
    duplicates = read_csv(tmp_path / "r3" / "duplicates.csv")
    assert [(d["row"], d["matched_by"]) for d in duplicates] == [("2", "credit_code")]
    assert duplicates[0]["matches"].startswith("earlier registry import reg-synth (data/raw/registry_companies/")
    assert [w["export_row"] for w in read_csv(raw / "registry_companies" / "reg-synth-2.csv", "utf-8")] == ["3"]
    assert build(raw, tmp_path / "out", root=tmp_path).tables["registry_companies"] == \
        sum(c.expect == "accepted" for c in cases) + 1


@pytest.mark.parametrize("encoding, declared, outcome", [
    ("utf-8-sig", None, "utf-8-sig (UTF-8 byte order mark)"),
    ("utf-8", None, "utf-8 (valid UTF-8)"),
    ("gbk", "gbk", "gbk (declared with --encoding)"),
    ("gb18030", None, "gbk (not UTF-8; decoded as GBK"),
    ("big5", None, "its header row reads as no known registry headers, so the encoding is not certain"),
    ("utf-8", "gbk", "the file is valid UTF-8, not gbk"),
    ("gbk", "utf-8", "the file is not valid utf-8 as declared"),
])
def test_an_encoding_is_used_only_when_certain(raw, tmp_path, encoding, declared, outcome):
    rows = [synth._row(600 + i, "杭州市", i, "production") for i in range(3)]
    if encoding == "big5":  # a Traditional-Chinese export: Big5 bytes also decode as GBK, into nonsense
        export = tmp_path / "export.csv"
        with export.open("w", encoding="big5", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["企業名稱", "統一社會信用代碼", "成立日期", "所屬城市"])
            writer.writerows([["杭州合成樣例影視有限公司", r["统一社会信用代码"], r["成立日期"], "杭州市"] for r in rows])
    else:
        export = synth.write_csv(tmp_path / "export.csv", rows, encoding)
    done = run_import(export, raw, tmp_path / "report", *(["--encoding", declared] if declared else []))
    manifest = (raw / "manifest.toml").read_text(encoding="utf-8")
    if outcome.startswith(("utf-8", "gbk")):
        assert done.returncode == 0, done.stderr
        assert f"Encoding: {outcome}" in done.stdout
        assert "registry_companies/reg-synth.csv" in manifest
        assert read_csv(raw / "registry_companies" / "reg-synth.csv", "utf-8")[0]["name"] == "杭州合成样例00600影视有限公司"
    else:
        assert done.returncode == 1
        assert outcome in done.stderr and "nothing written" in done.stderr
        assert "registry_companies" not in manifest and not (raw / "registry_companies").exists()


def test_a_gb18030_only_character_is_read_as_gb18030(raw, tmp_path):
    row = synth._row(700, "杭州市", 0, "production")
    row["法定代表人"] = "测试人\U00020000"  # outside GBK: GB18030 writes it in four bytes
    export = synth.write_csv(tmp_path / "export.csv", [row], "gb18030")
    done = run_import(export, raw, tmp_path / "report")
    assert done.returncode == 0, done.stderr
    assert "Encoding: gb18030" in done.stdout
    written = read_csv(raw / "registry_companies" / "reg-synth.csv", "utf-8")
    assert written[0]["legal_representative"] == "测试人\U00020000"


def test_a_new_source_needs_publisher_title_and_date(raw, tmp_path):
    export = synth.write_csv(tmp_path / "export.csv", [synth._row(800, "杭州市", 0, "production")])
    before = (raw / "manifest.toml").read_text(encoding="utf-8")
    done = run_import(export, raw, tmp_path / "report", "--publisher", "Synthetic", new_source=False)
    assert done.returncode == 1
    assert "source reg-synth is new: give --title, --date" in done.stderr
    assert (raw / "manifest.toml").read_text(encoding="utf-8") == before
    assert not (raw / "sources" / "registry_imports.csv").exists()
    # an existing curated source is not a registry export
    done = run_import(export, raw, tmp_path / "report", source="s-seed", new_source=False)
    assert done.returncode == 1 and "is not a registry export" in done.stderr


def test_a_missing_source_field_is_asked_for_in_a_terminal():
    from etl.registry.command import source_record

    answers = iter(["Synthetic registry", "2026-11-30"])
    asked = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    record, day = source_record("reg-new", {}, None, "Export", None, None, "zh-Hans", ask)
    assert [p.split(" (")[0].split(":")[0] for p in asked] == [
        "Who published the registry or database the export came from", "Date of the export"]
    assert (record["publisher"], record["title"], record["accessed"], record["kind"]) == (
        "Synthetic registry", "Export", "2026-11-30", "registry")
    assert day.isoformat() == "2026-11-30"


def test_unusual_headers_need_a_map(raw, tmp_path):
    rows = [synth._row(900 + i, "杭州市", i, "animation") for i in range(2)]
    export = tmp_path / "export.csv"
    with export.open("w", encoding="gbk", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["公司全称", "统一社会信用代码", "注册资本(万元)", "所属城市"])
        writer.writerows([[r["企业名称"], r["统一社会信用代码"], "800", r["所属城市"]] for r in rows])
    refused = run_import(export, raw, tmp_path / "report")
    assert refused.returncode == 1 and "no column for name" in refused.stderr
    mapping = tmp_path / "map.toml"
    mapping.write_text('[columns.name]\nheaders = ["公司全称"]\n', encoding="utf-8")
    done = run_import(export, raw, tmp_path / "report", "--map", str(mapping))
    assert done.returncode == 0, done.stderr
    written = read_csv(raw / "registry_companies" / "reg-synth.csv", "utf-8")
    # the header's unit applies to the bare numbers under it
    assert [(w["capital_amount"], w["capital_unit"], w["capital_base"]) for w in written] == [
        ("800", "万元", "8000000"), ("800", "万元", "8000000")]
