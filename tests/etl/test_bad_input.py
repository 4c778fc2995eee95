"""Every class of bad input: all problems in one run, each naming file, line, column and reason;
a non-zero exit; the last good warehouse unchanged, byte for byte."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from etl.build import build, current_path
from tests.etl.helpers import edit, problems_for

ROOT = Path(__file__).resolve().parents[2]


def test_missing_required_column(mini, tmp_path):
    edit(mini / "cities" / "cities.csv", "city_id,name_en,", "city_id,")
    problems = problems_for(mini, tmp_path)
    assert any(p.startswith("raw/cities/cities.csv, line 1, column 'name_en'") and "required column is missing" in p
               for p in problems), problems


def test_extra_column(mini, tmp_path):
    path = mini / "events" / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",budget"] + [line + ",5" for line in lines[1:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = problems_for(mini, tmp_path)
    assert "raw/events/events.csv, line 1, column 'budget': unexpected column: table 'events' has no such column" \
        in problems


def test_wrong_type(mini, tmp_path):
    edit(mini / "claims" / "claims.csv", "c-hz-700,city,hangzhou,film_companies,700,", "c-hz-700,city,hangzhou,film_companies,700+,")
    problems = problems_for(mini, tmp_path)
    assert any(p.startswith("raw/claims/claims.csv, line 5, column 'value', value '700+': is not a number")
               for p in problems), problems


def test_empty_required_value(mini, tmp_path):
    edit(mini / "studios" / "studios.csv", ",open,", ",,")
    problems = problems_for(mini, tmp_path)
    assert "raw/studios/studios.csv, line 2, column 'status': is empty, but a value is required" in problems


def test_duplicate_key(mini, tmp_path):
    path = mini / "companies" / "companies.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines + [lines[1]]) + "\n", encoding="utf-8")
    problems = problems_for(mini, tmp_path)
    assert ("raw/companies/companies.csv, line 3, column 'company_id', value 'huace': duplicate key: "
            "already used at raw/companies/companies.csv, line 2") in problems


def test_known_for_translation_without_english(mini, tmp_path):
    edit(mini / "companies" / "companies.csv", ",TV drama,电视剧,", ",,电视剧,")
    problems = problems_for(mini, tmp_path)
    assert ("raw/companies/companies.csv, line 2, column 'known_for_zh_hans', value '电视剧': is a translation of "
            "known_for, which is empty: give the English first") in problems
    assert any("column 'known_for_zh_hant', value '電視劇'" in p for p in problems), problems


def test_party_names(mini, tmp_path):
    """A city party is named by its own row; a university has no table, so the row names it."""
    path = mini / "partnerships" / "partnerships.csv"
    edit(path, "city,bradford,city,qingdao,,,", "city,bradford,university,uni-x,Bradford,,")
    problems = problems_for(mini, tmp_path)
    file = "raw/partnerships/partnerships.csv, line 2"
    assert f"{file}, column 'party_a_name_en', value 'Bradford': a city party is named by its row in its own " \
        "table: leave this empty" in problems
    assert f"{file}, column 'party_b_name_en': a university party has no table to name it: give its name as " \
        "the source does" in problems


def test_dangling_reference(mini, tmp_path):
    edit(mini / "production_locations" / "pl.csv", "great-wall,omm,qingdao", "great-wall,omm,atlantis")
    problems = problems_for(mini, tmp_path)
    assert any(p.startswith("raw/production_locations/pl.csv, line 2, column 'city_id', value 'atlantis': "
                            "unknown cities entry") for p in problems), problems


def test_unknown_source(mini, tmp_path):
    edit(mini / "events" / "events.csv", ",held,,s-news,", ",held,,s-nowhere,")
    problems = problems_for(mini, tmp_path)
    assert any(p.startswith("raw/events/events.csv, line 2, column 'source_id', value 's-nowhere': unknown source")
               for p in problems), problems


def test_coordinates_out_of_range(mini, tmp_path):
    edit(mini / "city_coordinates" / "geo.csv", "36.06488,120.38042", "136.06488,120.38042")
    problems = problems_for(mini, tmp_path)
    assert ("raw/city_coordinates/geo.csv, line 3, column 'lat', value '136.06488': is out of range: "
            "it must lie between -90 and 90") in problems


def test_impossible_year(mini, tmp_path):
    edit(mini / "companies" / "companies.csv", ",2005,", ",2505,")
    edit(mini / "memberships" / "memberships.csv", "2009-06-11", "2009-13-11")
    problems = problems_for(mini, tmp_path)
    assert ("raw/companies/companies.csv, line 2, column 'founded_year', value '2505': is out of range: "
            "a year must lie between 1890 and 2035") in problems
    assert ("raw/memberships/memberships.csv, line 2, column 'start_date', value '2009-13-11': "
            "is not a real calendar date") in problems


def test_wrong_encoding(mini, tmp_path):
    path = mini / "cities" / "cities.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    problems = problems_for(mini, tmp_path)
    assert any(p.startswith("raw/cities/cities.csv, line 2: is not valid utf-8 as declared") and "GBK" in p
               for p in problems), problems


def test_declared_gbk_file_is_decoded(mini, tmp_path):
    path = mini / "cities" / "cities.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    edit(mini / "manifest.toml", 'path = "cities/cities.csv"\nencoding = "utf-8"',
         'path = "cities/cities.csv"\nencoding = "gbk"')
    result = build(mini, tmp_path / "out", root=tmp_path)
    import duckdb

    con = duckdb.connect(str(result.path), read_only=True)
    assert con.execute("SELECT name_zh_hans FROM cities WHERE city_id = 'qingdao'").fetchone() == ("青岛",)
    con.close()


def test_undeclared_file(mini, tmp_path):
    (mini / "events" / "more_events.csv").write_text("event_id\n", encoding="utf-8")
    problems = problems_for(mini, tmp_path)
    assert any(p.startswith("raw/events/more_events.csv: the file is not declared in data/raw/manifest.toml")
               for p in problems), problems


def test_empty_file(mini, tmp_path):
    (mini / "events" / "events.csv").write_text("", encoding="utf-8")
    problems = problems_for(mini, tmp_path)
    assert "raw/events/events.csv, line 1: the file is empty: expected a header row and data rows" in problems


def test_ragged_row(mini, tmp_path):
    edit(mini / "countries" / "countries.csv", "RU,RUS,Russia,俄罗斯,俄羅斯,s-ref", "RU,RUS,Russia,s-ref")
    problems = problems_for(mini, tmp_path)
    assert "raw/countries/countries.csv, line 4: ragged row: it has 4 fields, the header has 6" in problems


def test_every_problem_in_one_run(mini, tmp_path):
    edit(mini / "studios" / "studios.csv", ",open,", ",,")
    edit(mini / "companies" / "companies.csv", ",2005,", ",2505,")
    (mini / "events" / "events.csv").write_text("", encoding="utf-8")
    problems = problems_for(mini, tmp_path)
    assert len(problems) >= 3
    assert {p.split(",")[0].split(":")[0] for p in problems} >= {
        "raw/studios/studios.csv", "raw/companies/companies.csv", "raw/events/events.csv"}


def test_cli_reports_and_keeps_the_good_warehouse(mini, tmp_path):
    out = tmp_path / "out"
    good = build(mini, out, root=tmp_path).path
    before = hashlib.sha256(good.read_bytes()).hexdigest()
    edit(mini / "claims" / "claims.csv", "c-hz-700,city,hangzhou,film_companies,700,", "c-hz-700,city,hangzhou,film_companies,lots,")
    run = subprocess.run([sys.executable, "-m", "etl", "build", "--raw", str(mini), "--out", str(out)],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 1
    assert "column 'value', value 'lots': is not a number" in run.stderr
    assert "The last good warehouse is unchanged and keeps serving." in run.stderr
    assert current_path(out) == good
    assert hashlib.sha256(good.read_bytes()).hexdigest() == before
