"""Issue 20's failure cases: each input that crashed the ETL or was accepted is now one exact problem
naming file, line, column, value and reason."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from etl.__main__ import main
from etl.build import build
from etl.problems import PER_FILE, PER_KIND, visible
from etl.schema import TABLES
from tests.etl.helpers import edit, problems_for

CITIES, CLAIMS, EVENTS = "raw/cities/cities.csv", "raw/claims/claims.csv", "raw/events/events.csv"
GEO, COMPANIES = "raw/city_coordinates/geo.csv", "raw/companies/companies.csv"
NOT_ASCII = " (it has full-width or other non-ASCII digits: write the digits 0-9)"
HIDES = "which hides or reorders text on screen: delete it"
BRADFORD = "bradford,Bradford,布拉德福德,"


def _garbled(text: str, codec: str = "latin-1") -> str:
    return text.encode("utf-8").decode(codec)


@pytest.mark.parametrize("file, old, new, expected", [
    # digits outside ASCII: Python's \d and int() accept them, DuckDB's casts do not
    ("claims/claims.csv", "film_companies,700,", "film_companies,７００,",
     f"{CLAIMS}, line 5, column 'value', value '７００': is not a number (write digits with a decimal point, no units "
     f"or thousands separators){NOT_ASCII}"),
    ("companies/companies.csv", ",2005,", ",٢٠٠٥,",
     f"{COMPANIES}, line 2, column 'founded_year', value '٢٠٠٥': is not a whole number{NOT_ASCII}"),
    ("city_coordinates/geo.csv", ",366187,", ",３６６１８７,",
     f"{GEO}, line 2, column 'population', value '３６６１８７': is not a whole number{NOT_ASCII}"),
    ("events/events.csv", ",2023-04-07,", ",２０２３-04-07,",
     f"{EVENTS}, line 2, column 'start_date', value '２０２３-04-07': is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or "
     f"YYYY){NOT_ASCII}"),
    # whole numbers have an upper bound; claims fit DECIMAL(38, 9) after their scale
    ("city_coordinates/geo.csv", ",366187,", ",99999999999999999999,",
     f"{GEO}, line 2, column 'population', value '99999999999999999999': is out of range: a value must lie between 0 "
     f"and 10000000000"),
    ("city_coordinates/geo.csv", "bradford,2654993,", "bradford,9223372036854775808,",
     f"{GEO}, line 2, column 'geonames_id', value '9223372036854775808': is out of range: a value must lie between 1 "
     f"and 2147483647"),
    ("claims/claims.csv", "film_companies,700,", "film_companies," + "1" + "0" * 28 + ",",
     f"{CLAIMS}, line 5, column 'value', value '1{'0' * 28}': is too large: at most 28 digits before the decimal "
     f"point"),
    ("claims/claims.csv", "box_office,60.98,,CNY,billion", "box_office,60000000000000000000,,CNY,billion",
     f"{CLAIMS}, line 6, column 'value', value '60000000000000000000': is too large: the value times its scale must "
     f"stay below 10^28 (the warehouse stores claims as DECIMAL(38, 9))"),
    ("claims/claims.csv", "sound_stages,40,", "sound_stages,-40,",
     f"{CLAIMS}, line 4, column 'value', value '-40': is negative, but a figure in count cannot be"),
    ("events/events.csv", "2023-04-07,2023-04-09", "2023-04-07,2023-04-01",
     f"{EVENTS}, line 2, column 'end_date', value '2023-04-01': ends before it starts (start_date is 2023-04-07)"),
    ("events/events.csv", "2023-04-07,2023-04-09", "2023-04-07,2023-03",
     f"{EVENTS}, line 2, column 'end_date', value '2023-03': ends before it starts (start_date is 2023-04-07)"),
    # invisible characters in names
    ("cities/cities.csv", BRADFORD, "bradford,Brad\x00ford,布拉德福德,",
     f"{CITIES}, line 2, column 'name_en', value 'Brad\\x00ford': holds a control character (U+0000), which is "
     f"invisible: delete it"),
    ("cities/cities.csv", BRADFORD, "bradford,Brad\x07ford,布拉德福德,",
     f"{CITIES}, line 2, column 'name_en', value 'Brad\\x07ford': holds a control character (U+0007), which is "
     f"invisible: delete it"),
    ("cities/cities.csv", BRADFORD, "bradford,Brad\tford,布拉德福德,",
     f"{CITIES}, line 2, column 'name_en', value 'Brad\\tford': holds a control character (U+0009), which is "
     f"invisible: delete it"),
    ("cities/cities.csv", BRADFORD, "bradford,\u202edrofdarB,布拉德福德,",
     f"{CITIES}, line 2, column 'name_en', value '\\u202edrofdarB': holds a bidirectional control (U+202E), {HIDES}"),
    ("cities/cities.csv", BRADFORD, "bradford,Bradford,布拉德\u2066福德,",
     f"{CITIES}, line 2, column 'name_zh_hans', value '布拉德\\u2066福德': holds a bidirectional control (U+2066), "
     f"{HIDES}"),
    ("cities/cities.csv", BRADFORD, "bradford,Brad\u200bford,布拉德福德,",
     f"{CITIES}, line 2, column 'name_en', value 'Brad\\u200bford': holds an invisible formatting character "
     f"(zero-width or similar) (U+200B), {HIDES}"),
    ("cities/cities.csv", BRADFORD, "bradford,Brad\u200dford,布拉德福德,",
     f"{CITIES}, line 2, column 'name_en', value 'Brad\\u200dford': holds an invisible formatting character "
     f"(zero-width or similar) (U+200D), {HIDES}"),
    ("cities/cities.csv", BRADFORD, "bradford,Brad\u2028ford,布拉德福德,",
     f"{CITIES}, line 2, column 'name_en', value 'Brad\\u2028ford': holds a line break (U+2028): a value in this "
     f"column is one line"),
    ("cities/cities.csv", BRADFORD, "bradford,Brad\x85ford,布拉德福德,",
     f"{CITIES}, line 2, column 'name_en', value 'Brad\\x85ford': holds a line break (U+0085): a value in this column "
     f"is one line"),
    ("cities/cities.csv", BRADFORD, "bradford,Brad\ue000ford,布拉德福德,",
     f"{CITIES}, line 2, column 'name_en', value 'Brad\\ue000ford': holds a character that is unassigned or for "
     f"private use (U+E000): delete it"),
    # 120,000 characters is a paste gone wrong
    ("cities/cities.csv", BRADFORD, f"bradford,{'B' * 120_000},布拉德福德,",
     f"{CITIES}, line 2, column 'name_en', value '{'B' * 57}...': is 120000 characters long: at most 200 are allowed "
     f"in this column"),
    ("cities/cities.csv", "Bradford became the first City of Film in 2009", "B" * 401,
     f"{CITIES}, line 2, column 'quote', value '{'B' * 57}...': is 401 characters long: at most 400 are allowed in "
     f"this column"),
    ("production_locations/pl.csv", "great-wall,omm,", "great-wall," + "o" * 101 + ",",
     f"raw/production_locations/pl.csv, line 2, column 'studio_id', value '{'o' * 57}...': is 101 characters long: "
     f"at most 100 are allowed in this column"),
    # UTF-8 read as latin-1 or cp1252 and saved again as UTF-8: mojibake inside a UTF-8 file
    ("cities/cities.csv", BRADFORD, f"bradford,Bradford,{_garbled('布拉德福德')},",
     f"{CITIES}, line 2, column 'name_zh_hans', value '{visible(_garbled('布拉德福德'))}': is garbled text (mojibake: "
     f"UTF-8 read as latin-1; it reads '布拉德福德' repaired): save the file as UTF-8 and declare it so in "
     f"manifest.toml"),
    ("cities/cities.csv", "Qingdao,青岛,青島,CN,Tsingtao", f"Qingdao,青岛,青島,CN,{_garbled('Zürich', 'cp1252')}",
     f"{CITIES}, line 3, column 'aliases', value 'ZÃ¼rich': is garbled text (mojibake: UTF-8 read as latin-1; it "
     f"reads 'Zürich' repaired): save the file as UTF-8 and declare it so in manifest.toml"),
])
def test_a_bad_cell_is_one_exact_problem(mini, tmp_path, file, old, new, expected):
    edit(mini / file, old, new)
    assert problems_for(mini, tmp_path) == [expected]


@pytest.mark.parametrize("old, new", [
    ("2023-04-07,2023-04-09", "2023-04-07,2023-04"),  # a partial end date is not refused for what it leaves out
    ("2023-04-07,2023-04-09", "2023-04-07,2023-04-07"),  # one day
    ("The Great Wall,长城,長城,,", "The Great Wall,长城,長城,دیوار بزرگ‌تر,"),  # a ZWNJ in Persian spelling
    ("film_companies,700,", "film_companies,9999999999999999999999999999,"),  # 28 digits, the largest allowed
    ("box_office,60.98,,CNY,billion", "box_office,9999999999999999999,,CNY,billion"),  # times 10^9: below 10^28
])
def test_values_at_the_edge_of_a_rule_build(mini, tmp_path, old, new):
    file = {"2023": "events/events.csv", "The Great Wall": "productions/productions.csv"}.get(
        old.split("-")[0].split(",")[0], "claims/claims.csv")
    edit(mini / file, old, new)
    assert build(mini, tmp_path / "out", root=tmp_path).path is not None


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def _declare(mini: Path, path: str, encoding: str = '"utf-8"') -> int:
    """Append a [[file]] entry to the manifest; the line of its path."""
    manifest = mini / "manifest.toml"
    with manifest.open("a", encoding="utf-8") as f:
        f.write(f'\n[[file]]\npath = {path}\nencoding = {encoding}\ncurator = "tests"\ndescription = "more"\n')
    return max(n for n, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), 1)
               if line == f"path = {path}")


MANIFEST = "raw/manifest.toml"


@pytest.mark.parametrize("value, reason", [
    ("5", "must be text in quotes, not a number"),
    ('["cities/x.csv"]', "must be text in quotes, not a list"),
    ("true", "must be text in quotes, not a boolean"),
    ('{ a = 1 }', "must be text in quotes, not a table"),
])
def test_a_manifest_field_of_the_wrong_type(mini, tmp_path, value, reason):
    line = _declare(mini, value)
    shown = {"5": "5", "true": "True", '["cities/x.csv"]': "['cities/x.csv']", "{ a = 1 }": "{'a': 1}"}[value]
    assert problems_for(mini, tmp_path) == [f"{MANIFEST}, line {line}, column 'path', value '{shown}': {reason}"]


def test_manifest_fields_missing_or_mistyped_are_all_named(mini, tmp_path):
    manifest = mini / "manifest.toml"
    with manifest.open("a", encoding="utf-8") as f:
        f.write('\n[[file]]\npath = "events/more.csv"\nencoding = 8\ndescription = ""\n')
    entry, encoding, description = (_line_of(manifest, text) for text in (
        'path = "events/more.csv"', "encoding = 8", 'description = ""'))
    number = manifest.read_text(encoding="utf-8").count("[[file]]")
    assert problems_for(mini, tmp_path) == [
        f"{MANIFEST}, line {entry - 1}, column 'curator': file entry {number} lacks curator",
        f"{MANIFEST}, line {encoding}, column 'encoding', value '8': must be text in quotes, not a number",
        f"{MANIFEST}, line {description}, column 'description': file entry {number} lacks description"]


@pytest.mark.parametrize("setup, path, reason", [
    ("folder", '"cities/more"', "is a folder: declare each file in it on its own"),
    ("outside", '"cities/../../outside.csv"', "must stay inside data/raw: '..' is not allowed in a path"),
    ("outside", '"/etc/hostname"', "must be a path relative to data/raw, written with '/' (such as 'cities/core.csv')"),
    ("link-out", '"cities/leak.csv"', "leads outside data/raw (through a symbolic link): only files inside data/raw "
                                      "are read"),
    ("link-in", '"cities/same.csv"', "the file is declared twice in manifest.toml: first at line 4"),
    ("", '"cities/cities.csv"', "the file is declared twice in manifest.toml: first at line 4"),
    ("", '"cities/missing.csv"', "declared in manifest.toml but the file does not exist"),
    ("", '"nowhere/x.csv"', f"the file is not in a table folder; known tables: {', '.join(TABLES)}"),
])
def test_a_manifest_path_that_is_refused(mini, tmp_path, setup, path, reason):
    outside = tmp_path / "outside.csv"
    outside.write_text("secret\n", encoding="utf-8")
    if setup == "folder":
        (mini / "cities" / "more").mkdir()
    elif setup == "link-out":
        (mini / "cities" / "leak.csv").symlink_to(outside)
    elif setup == "link-in":
        (mini / "cities" / "same.csv").symlink_to(mini / "cities" / "cities.csv")
    line = _declare(mini, path)
    assert problems_for(mini, tmp_path) == [f"{MANIFEST}, line {line}, column 'path', value '{path[1:-1]}': {reason}"]


@pytest.mark.parametrize("encoding, reason", [
    ('"klingon"', "the manifest declares an encoding Python does not know"),
    ('"rot13"', "is not a text encoding (use utf-8, gb18030, latin-1 ...)"),
])
def test_a_manifest_encoding_that_is_refused(mini, tmp_path, encoding, reason):
    manifest = mini / "manifest.toml"
    edit(manifest, 'path = "cities/cities.csv"\nencoding = "utf-8"', f'path = "cities/cities.csv"\nencoding = {encoding}')
    line = _line_of(manifest, f"encoding = {encoding}")
    assert problems_for(mini, tmp_path) == [
        f"{MANIFEST}, line {line}, column 'encoding', value '{encoding[1:-1]}': {reason}"]


def test_a_manifest_that_is_not_toml(mini, tmp_path):
    manifest = mini / "manifest.toml"
    edit(manifest, 'curator = "tests"', 'curator = "tests')
    line = _line_of(manifest, 'curator = "tests')
    problems = problems_for(mini, tmp_path)
    assert len(problems) == 1 and problems[0].startswith(f"{MANIFEST}, line {line}: the manifest cannot be read: ")


def test_a_manifest_whose_file_is_not_a_list(mini, tmp_path):
    (mini / "manifest.toml").write_text('file = "cities/cities.csv"\n', encoding="utf-8")
    assert problems_for(mini, tmp_path)[0] == f"{MANIFEST}, line 1, column 'file': must be a list of [[file]] tables"


def test_a_file_holding_only_a_bom(mini, tmp_path):
    (mini / "events" / "events.csv").write_bytes(b"\xef\xbb\xbf")
    assert problems_for(mini, tmp_path) == [
        f"{EVENTS}, line 1: the file holds only a byte-order mark: expected a header row and data rows"]


def test_a_file_with_a_header_only(mini, tmp_path):
    path = mini / "events" / "events.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert problems_for(mini, tmp_path) == [f"{EVENTS}, line 2: the file has a header but no data rows"]


def test_utf8_declared_as_latin1_is_refused(mini, tmp_path):
    edit(mini / "manifest.toml", 'path = "cities/cities.csv"\nencoding = "utf-8"',
         'path = "cities/cities.csv"\nencoding = "latin-1"')
    line = (mini / "cities" / "cities.csv").read_bytes().split(b"\n")[1].decode("latin-1")
    assert problems_for(mini, tmp_path) == [
        f"{CITIES}, line 2, value '{visible(line[:57])}...': is UTF-8 but declared latin-1: read as latin-1 its text "
        f'is garbled (mojibake); declare encoding = "utf-8" in manifest.toml']


def test_a_real_latin1_file_is_read(mini, tmp_path):
    edit(mini / "cities" / "cities.csv", "Bradford,布拉德福德,", "Bradförd,,")
    path = mini / "cities" / "cities.csv"
    text = path.read_text(encoding="utf-8").replace("青岛,青島", ",").replace("杭州,杭州", ",")
    path.write_bytes(text.encode("latin-1"))
    edit(mini / "manifest.toml", 'path = "cities/cities.csv"\nencoding = "utf-8"',
         'path = "cities/cities.csv"\nencoding = "latin-1"')
    built = build(mini, tmp_path / "out", root=tmp_path).path
    con = duckdb.connect(str(built), read_only=True)
    assert con.execute("SELECT name_en FROM cities WHERE city_id = 'bradford'").fetchone() == ("Bradförd",)
    con.close()


def _many_bad_claims(mini: Path, n: int) -> None:
    path = mini / "claims" / "claims.csv"
    lines = [f"c-bad-{i},city,hangzhou,film_companies,lots,,count,,2019,,s-seed,lots\n" for i in range(n)]
    with path.open("a", encoding="utf-8") as f:
        f.writelines(lines)


def test_problems_are_capped_per_kind_with_the_total(mini, tmp_path, capsys):
    _many_bad_claims(mini, 20_000)
    assert main(["check", "--raw", str(mini), "--out", str(tmp_path / "out")]) == 1
    report = capsys.readouterr().err.splitlines()
    assert report[0] == "The input has 20000 problems; nothing was published:"
    listed = [line for line in report if line.startswith("  - ")]
    assert len(listed) == PER_KIND
    assert listed[0].endswith("claims.csv, line 8, column 'value', value 'lots': is not a number (write digits with "
                              "a decimal point, no units or thousands separators)")
    assert report[-1] == (f"  ... and {20_000 - PER_KIND} more problems in {mini}/claims/claims.csv, not listed "
                          f"(at most {PER_KIND} of one kind and {PER_FILE} per file are shown)")
    assert len(report) == PER_KIND + 2


def test_a_large_malformed_file_prints_a_short_report(mini, tmp_path, capsys):
    """About 8 MB of lines with an open quote and a stray one: two kinds, 20 of each shown."""
    path = mini / "production_countries" / "pc.csv"
    with path.open("a", encoding="utf-8") as f:
        for _ in range(60_000):
            f.write(f'red-silk,CN,co-producer,s-news,"Russia-China {"x" * 50}\nred-"silk,CN,co-producer,s-news,x\n')
    assert os.path.getsize(path) > 7_000_000
    assert main(["check", "--raw", str(mini), "--out", str(tmp_path / "out")]) == 1
    report = capsys.readouterr().err.splitlines()
    assert report[0] == "The input has 120000 problems; nothing was published:"
    assert len(report) == 1 + 2 * PER_KIND + 1
    assert report[-1].startswith(f"  ... and {120_000 - 2 * PER_KIND} more problems in ")
