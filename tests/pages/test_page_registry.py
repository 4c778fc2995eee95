"""Registry data is shown as registry data: on a warehouse holding a registry import (the shipped data/raw
plus a SYNTHETIC GBK export from tests/etl/registry_synth.py, imported with `python -m etl import` and built
in a scratch folder, never under data/ or build/), every page that counts companies says where the count
comes from (curated sources or a registry import, with the export's date), in every language. Expected values
come from the tests' own SQL on that warehouse."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from etl.build import build
from filmdash.core import db
from filmdash.views import companies
from tests.etl import registry_synth as synth
from tests.pages.test_page_cities import again, open_page, table_with, widget
from tests.shipped import rows as sql

ROOT = Path(__file__).resolve().parents[2]
SOURCE, PUBLISHER, EXPORT_DATE = "reg-synth-pages", "Synthetic registry (tests)", "2026-11-30"
EXPORT_ROWS = 400


@pytest.fixture(scope="module", autouse=True)
def registry_warehouse(tmp_path_factory):
    """The shipped inputs plus one imported synthetic export, built; the app pointed at it for this module."""
    tmp = tmp_path_factory.mktemp("registry-pages")
    raw = tmp / "raw"
    shutil.copytree(ROOT / "data" / "raw", raw)
    rows, expected = synth.bulk_rows(EXPORT_ROWS, seed=7)
    export = synth.write_csv(tmp / "export.csv", rows, "gbk")
    done = subprocess.run([sys.executable, "-m", "etl", "import", str(export), "--kind", "companies", "--source",
                           SOURCE, "--raw", str(raw), "--report", str(tmp / "report"), "--publisher", PUBLISHER,
                           "--title", "SYNTHETIC export (tests/pages/test_page_registry.py)", "--date", EXPORT_DATE],
                          cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stdout + done.stderr
    out = build(raw, tmp / "build", root=tmp).path.parent
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(db, "BUILD_DIR", out)
        assert sql("SELECT count(*) FROM registry_companies") == [(expected["accepted"],)]
        yield out


def counts(where: str = "TRUE", companies_only: bool = False) -> tuple[int, int, int]:
    """Rows of dim_companies: all of them (what the list and its facets count), or the companies only (what
    documented-against-reported and the city comparison count: not the agencies and schools listed beside
    them)."""
    only = " AND is_company" if companies_only else ""
    return sql("SELECT count(*), count(*) FILTER (WHERE provenance = 'curated'), "
               f"count(*) FILTER (WHERE provenance = 'registry') FROM dim_companies WHERE ({where}){only}")[0]


LINES = {
    "en": "{c} from curated sources, {r} from registry imports (latest export {d}).",
    "zh-Hans": "{c}家来自人工整理的来源，{r}家来自工商登记导入（最新导出日期：{d}）。",
    "zh-Hant": "{c}家來自人工整理的來源，{r}家來自工商登記匯入（最新匯出日期：{d}）。",
}


@pytest.mark.parametrize("lang", ["en", "zh-Hans", "zh-Hant"])
def test_companies_page_counts_both_and_says_where_they_come_from(lang):
    at = open_page("companies", lang=lang)
    total, curated, registry = counts()
    assert curated > 0 and registry > 0
    title = {"en": "Companies matching ({n})", "zh-Hans": "符合条件的公司（{n}）", "zh-Hant": "符合條件的公司（{n}）"}[lang]
    assert title.format(n=f"{total:,}") in [h.value for h in at.header]  # the table's title: every match
    captions = [c.value for c in at.caption]
    assert LINES[lang].format(c=f"{curated:,}", r=f"{registry:,}", d=EXPORT_DATE) in captions
    # documented against reported, for Hangzhou: both kinds counted, each said
    hz_total, hz_curated, hz_registry = counts("city_id = 'hangzhou'", companies_only=True)
    assert at.metric[1].value == str(hz_total)
    assert LINES[lang].format(c=f"{hz_curated:,}", r=f"{hz_registry:,}", d=EXPORT_DATE) in captions
    # the provenance facet: curated sources and the import, with its publisher and date
    label = {"en": f"Registry import: {PUBLISHER}, {EXPORT_DATE}", "zh-Hans": f"工商登记导入：{PUBLISHER}，{EXPORT_DATE}",
             "zh-Hant": f"工商登記匯入：{PUBLISHER}，{EXPORT_DATE}"}[lang]
    curated_label = {"en": "Curated sources", "zh-Hans": "人工整理的来源", "zh-Hant": "人工整理的來源"}[lang]
    assert widget(at, "multiselect", "url_origin").options == [f"{label} ({registry:,})",
                                                              f"{curated_label} ({curated:,})"]


def test_the_provenance_facet_filters_and_each_row_says_its_provenance():
    at = open_page("companies", origin=SOURCE)
    registry = counts()[2]
    table = table_with(at, "Provenance")
    assert len(table) == registry and set(table["Provenance"]) == {f"registry import ({EXPORT_DATE})"}
    assert sorted(table["company_id"]) == [r[0] for r in sql(
        "SELECT credit_code FROM registry_companies WHERE source_id = ? ORDER BY credit_code", [SOURCE])]
    # the other facets count under it: the type facet holds the registry's activities
    by_activity = dict(sql("SELECT activity, count(*) FROM registry_companies GROUP BY ALL"))
    shown = {}
    for option in widget(at, "multiselect", "url_type").options:
        name, n = option.rsplit(" (", 1)
        shown[name] = int(n.rstrip(")").replace(",", ""))
    assert shown["Cinema"] == by_activity["cinema"] and shown["Animation"] == by_activity["animation"]
    assert sum(shown.values()) == registry


def test_the_table_is_one_page_of_the_matches(monkeypatch):
    monkeypatch.setattr(companies, "LIST_LIMIT", 50)
    at = open_page("companies")
    total, curated, _ = counts()
    table = table_with(at, "Provenance")
    assert len(table) == 50
    assert f"Showing the first 50 of {total:,}: narrow the filters or search to see the others." in [
        c.value for c in at.caption]
    # curated rows first, then registry rows by name; the profile picker offers the rows shown, not every company
    assert table["company_id"].tolist()[:curated] == [r[0] for r in sql(
        "SELECT company_id FROM companies ORDER BY name_en, company_id")][:50]
    assert len(widget(at, "selectbox", "url_company").options) == 51


def test_a_registry_company_is_searched_and_profiled_with_what_the_registry_says():
    code, name, district, scope, founded = sql(
        "SELECT credit_code, name, district, business_scope, founded FROM registry_companies "
        "WHERE source_id = ? ORDER BY credit_code LIMIT 1", [SOURCE])[0]
    at = open_page("companies", q=code, company=code, lang="zh-Hans")
    assert table_with(at, "数据来源")["company_id"].tolist() == [code]
    texts = "\n".join(m.value.replace("\\", "") for m in at.markdown)
    assert f"### {name}" in texts
    for line in (f"**数据来源**: 工商登记导入（{EXPORT_DATE}）", f"**统一社会信用代码**: {code}",
                 f"**经营范围**: {scope}", f"**成立年份**: {founded}"):
        assert line in texts
    assert district in texts
    at = again(at)
    assert not at.exception


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_overview_card_and_comparison_say_where_company_counts_come_from(lang):
    at = open_page("overview", lang=lang)
    hz_total, hz_curated, hz_registry = counts("city_id = 'hangzhou'", companies_only=True)
    line = LINES[lang].format(c=f"{hz_curated:,}", r=f"{hz_registry:,}", d=EXPORT_DATE)
    assert any(line in c.value for c in at.caption)
    column = {"en": "Companies: provenance", "zh-Hant": "公司資料來源"}[lang]
    table = table_with(at, column)
    short = {"en": "{c} curated, {r} registry import ({d})", "zh-Hant": "人工整理{c}家，工商登記匯入{r}家（{d}）"}[lang]
    cell = table.loc[table.iloc[:, 0] == {"en": "Hangzhou", "zh-Hant": "杭州"}[lang], column].tolist()
    assert cell == [short.format(c=hz_curated, r=f"{hz_registry:,}", d=EXPORT_DATE)]


def test_cities_counts_say_where_company_counts_come_from():
    at = open_page("cities", cities="hangzhou,qingdao", cities_counts_view="table")
    hz_total, hz_curated, hz_registry = counts("city_id = 'hangzhou'", companies_only=True)
    qd_total = counts("city_id = 'qingdao'", companies_only=True)[0]
    table = table_with(at, "Companies: provenance").set_index("City")
    assert table.loc["Hangzhou", "Companies documented"] == hz_total
    assert table.loc["Hangzhou", "Companies: provenance"] == f"{hz_curated} curated, {hz_registry:,} registry import ({EXPORT_DATE})"
    assert table.loc["Qingdao", "Companies: provenance"] == f"{qd_total} curated"
    assert (f"Where the companies counted come from: Hangzhou {hz_curated} curated, {hz_registry:,} registry import "
            f"({EXPORT_DATE}); Qingdao {qd_total} curated.") in [c.value.replace("\\", "") for c in at.caption]


def test_a_synthetic_warehouse_says_so_on_every_page(registry_warehouse):
    """bench/registry.py serves its generated warehouse with a SYNTHETIC.txt beside it: every page opens with
    a warning naming it synthetic; the shipped build folder has none."""
    assert db.synthetic_note(ROOT / "build") is None
    marker = registry_warehouse / db.SYNTHETIC_MARKER
    marker.write_text("Generated by tests/pages/test_page_registry.py.\n", encoding="utf-8")
    try:
        for page, lang, start in (("overview", "en", "SYNTHETIC DATA: this warehouse ("),
                                  ("companies", "zh-Hant", "合成資料：此資料倉庫（")):
            at = open_page(page, lang=lang)
            assert len(at.error) == 1 and at.error[0].value.startswith(start)
            assert "Generated by tests/pages/test\\_page\\_registry\\.py\\." in at.error[0].value
    finally:
        marker.unlink()
    assert not open_page("overview").error


def test_every_company_registry_included_is_offered_whole_from_the_release(registry_warehouse):
    """Beside the curated table's downloads, the Companies page offers every company (companies_explorer: the
    curated ones and the registry's) as the release's CSV and Parquet, with its row count; the bytes are the
    release's files. Before the build has written a release, the buttons are not there."""
    from etl.export import export
    from filmdash.views import data

    warehouse = db.warehouse_id()
    labels = [b.proto.label for b in open_page("companies").get("download_button")]
    assert not any(label.startswith("Every company") for label in labels)  # no release written yet
    assert data.registry_downloads(warehouse, "companies_all") == []
    export(db.current_warehouse())
    total, curated, registry = counts()
    labels = [b.proto.label for b in open_page("companies").get("download_button")]
    assert labels[-2:] == [f"Every company, registry imports included: CSV ({total:,} rows)",
                           f"Every company, registry imports included: PARQUET ({total:,} rows)"]
    zh = [b.proto.label for b in open_page("companies", lang="zh-Hans").get("download_button")]
    assert zh[-2:] == [f"全部公司（含工商登记导入）：CSV（{total:,}行）", f"全部公司（含工商登记导入）：PARQUET（{total:,}行）"]
    built = data.registry_downloads(warehouse, "companies_all")
    release = registry_warehouse / "release" / db.current_warehouse().stem
    assert [(b[2], b[3], b[4]) for b in built] == [
        (f"companies_explorer_{warehouse[10:14]}-{warehouse[14:16]}-{warehouse[16:18]}.csv", "text/csv",
         "companies_all_csv"),
        (f"companies_explorer_{warehouse[10:14]}-{warehouse[14:16]}-{warehouse[16:18]}.parquet",
         "application/vnd.apache.parquet", "companies_all_parquet")]
    assert built[0][1]() == (release / "csv" / "companies_explorer.csv").read_bytes()
    frame = pd.read_csv(io.BytesIO(built[0][1]()), encoding="utf-8-sig", dtype=str)
    assert len(frame) == total and frame["provenance"].value_counts().to_dict() == {"registry": registry,
                                                                                   "curated": curated}
    assert len(pd.read_parquet(io.BytesIO(built[1][1]()))) == total
