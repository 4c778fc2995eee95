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
    tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' "
                                        "ORDER BY 1").fetchall()]
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
        query = ("SELECT table_name, column_name, comment FROM duckdb_columns() WHERE NOT internal "
                 "AND schema_name = 'main' ORDER BY ALL")
        assert copy.execute(query).fetchall() == live.execute(query).fetchall()
        # the app's search keys (schema search) index the warehouse's rows; the release leaves them out
        keys = "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'search'"
        assert copy.execute(keys).fetchone()[0] == 0 < live.execute(keys).fetchone()[0]
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
    assert fields["name_zh_hans"]["descriptions"] == {"zh-Hans": "简体中文名称（如有来源给出）。",
                                                      "zh-Hant": "簡體中文名稱（如有來源給出）。"}
    assert cities["descriptions"]["zh-Hant"] == "本數據覆蓋的城市，附三種文字的名稱及所屬國家。"
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


def test_a_table_written_in_chunks_is_the_file_csv_bytes_writes_whole(tmp_path, monkeypatch):
    """The release writes big tables (a registry's million companies) chunk by chunk: the bytes are those of
    csv_bytes on the whole table, though a chunk alone holds only whole numbers, no gap, or no formula."""
    import duckdb

    from etl import export
    from etl.datapackage import csv_bytes, write_csv_chunks

    monkeypatch.setattr(export, "CHUNK_VECTORS", 1)  # 2,048 rows a chunk: three chunks here
    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute("""CREATE TABLE t AS SELECT i AS id,
                       CASE WHEN i < 4000 THEN i * 1.0 ELSE i + 0.5 END AS mostly_whole,
                       CASE WHEN i > 3000 AND i % 7 = 0 THEN NULL ELSE i END AS gaps_later,
                       CASE WHEN i = 4500 THEN '=HYPERLINK("x")' WHEN i % 3 = 0 THEN NULL ELSE '名' || i END AS text,
                       CASE WHEN i = 10 THEN ['a', 'b'] ELSE [] END AS list_col,
                       NULL::DOUBLE AS empty
                   FROM range(5000) r(i)""")
    con.close()
    con = duckdb.connect()
    con.execute(f"ATTACH '{path}' AS src (READ_ONLY)")
    columns = con.execute("SELECT column_name, data_type, comment FROM duckdb_columns() WHERE database_name = 'src' "
                          "AND table_name = 't' ORDER BY column_index").fetchall()
    out = tmp_path / "t.csv"
    assert write_csv_chunks(out, export._chunks(con, '"t"'), export._whole_columns(con, '"t"', columns)) == 5000
    assert out.read_bytes() == csv_bytes(con.execute("SELECT * FROM src.main.t").df())
    assert b"4500.5" in out.read_bytes() and b"'=HYPERLINK" in out.read_bytes()
