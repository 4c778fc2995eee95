"""The release: `python -m etl build` publishes, then writes the DuckDB copy, Parquet and CSV per
table, a datapackage.json that frictionless validates, SHA256SUMS that hold, and one zip."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import duckdb
import pandas as pd
import pytest

from etl.__main__ import main
from etl.build import current_path


@pytest.fixture
def released(mini, tmp_path):
    out = tmp_path / "out"
    assert main(["build", "--raw", str(mini), "--out", str(out)]) == 0
    warehouse = current_path(out)
    return warehouse, out / "release" / warehouse.stem, out / "release" / f"{warehouse.stem}.zip"


def test_release_files_and_checksums(released):
    warehouse, folder, archive = released
    con = duckdb.connect(str(warehouse), read_only=True)
    tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
    counts = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    con.close()
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert files == sorted(["SHA256SUMS", "datapackage.json", "warehouse.duckdb", *(f"csv/{t}.csv" for t in tables),
                            *(f"parquet/{t}.parquet" for t in tables)])
    sums = dict(reversed(line.split("  ")) for line in (folder / "SHA256SUMS").read_text().splitlines())
    assert sorted(sums) == sorted(f for f in files if f != "SHA256SUMS")
    for name, digest in sums.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    for table in tables:
        assert len(pd.read_parquet(folder / "parquet" / f"{table}.parquet")) == counts[table]
        assert len(pd.read_csv(folder / "csv" / f"{table}.csv", encoding="utf-8-sig")) == counts[table]
    assert (folder / "csv" / "cities.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    with zipfile.ZipFile(archive) as zf:
        assert sorted(zf.namelist()) == sorted(f"{warehouse.stem}/{f}" for f in files)
        assert zf.read(f"{warehouse.stem}/SHA256SUMS") == (folder / "SHA256SUMS").read_bytes()


def test_the_copy_is_the_warehouse_with_its_comments(released):
    warehouse, folder, _ = released
    copy = duckdb.connect(str(folder / "warehouse.duckdb"), read_only=True)
    live = duckdb.connect(str(warehouse), read_only=True)
    try:
        query = "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE NOT internal ORDER BY ALL"
        assert copy.execute(query).fetchall() == live.execute(query).fetchall()
        assert copy.execute("SELECT * FROM cities ORDER BY city_id").fetchall() == \
            live.execute("SELECT * FROM cities ORDER BY city_id").fetchall()
        assert copy.execute("SELECT comment FROM duckdb_tables() WHERE table_name = 'cities'").fetchone()[0] == \
            "Cities the dashboard covers, with names in three scripts and their country."
    finally:
        copy.close()
        live.close()


def test_datapackage_validates_and_describes_every_field(released):
    from frictionless import Package

    _, folder, _ = released
    report = Package(str(folder / "datapackage.json")).validate()
    assert report.valid, report.flatten(["resourceName", "type", "note"])[:5]
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    cities = next(r for r in descriptor["resources"] if r["name"] == "cities")
    fields = {f["name"]: f for f in cities["schema"]["fields"]}
    assert fields["name_zh_hans"]["description"] == "Name in Simplified Chinese (简体), where a source gives it."
    assert cities["hash"].startswith("sha256:") and cities["encoding"] == "utf-8-sig"
    assert any(r["path"] == "warehouse.duckdb" for r in descriptor["resources"])
    bibliography = pd.read_csv(folder / "csv" / "sources.csv", encoding="utf-8-sig")
    assert [s["path"] for s in descriptor["sources"]] == bibliography.sort_values("source_id")["url"].tolist()
    assert all(s["licence"] for s in descriptor["sources"])


def test_up_to_date_build_writes_a_missing_release(released, mini):
    import shutil

    warehouse, folder, archive = released
    shutil.rmtree(folder)
    archive.unlink()
    assert main(["build", "--raw", str(mini), "--out", str(warehouse.parent), "--if-stale"]) == 0
    assert archive.is_file() and (folder / "SHA256SUMS").is_file()
    assert main(["export", "--out", str(warehouse.parent)]) == 0
    assert zipfile.ZipFile(io.BytesIO(archive.read_bytes())).testzip() is None
