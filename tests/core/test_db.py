"""Warehouse access: sandboxed, read-only, a cursor per query, new builds picked up live."""

from __future__ import annotations

import threading

import duckdb
import pytest

from etl.build import build
from filmdash.core import db


@pytest.fixture
def published(mini, tmp_path):
    out = tmp_path / "out"
    build(mini, out, root=tmp_path)
    return mini, out


def test_query_reads_the_current_warehouse(published):
    _, out = published
    frame = db.query("cities_of_film", build_dir=out)
    assert frame["city_id"].tolist() == ["bradford", "qingdao"]
    assert frame["film_designation_year"].tolist() == [2009, 2017]


def test_sql_cannot_touch_files(published):
    _, out = published
    con = db.connection(out)
    with pytest.raises(duckdb.PermissionException):
        con.cursor().execute("SELECT * FROM read_csv('/etc/passwd')").fetchall()
    with pytest.raises(duckdb.Error):
        con.cursor().execute(f"COPY (SELECT 1) TO '{out}/leak.csv'")
    with pytest.raises(duckdb.Error):
        con.cursor().execute("SET enable_external_access = true")
    with pytest.raises(duckdb.Error):
        con.cursor().execute("DELETE FROM cities")
    assert not (out / "leak.csv").exists()


def test_a_new_build_is_picked_up_without_restart(published):
    mini, out = published
    assert len(db.query("cities_of_film", build_dir=out)) == 2
    path = mini / "memberships" / "memberships.csv"
    path.write_text(path.read_text(encoding="utf-8") +
                    "film-hangzhou,unesco-creative-cities-film,city,hangzhou,city-of-film,2030,,s-seed,test\n",
                    encoding="utf-8")
    build(mini, out, root=out.parent)
    assert db.query("cities_of_film", build_dir=out)["city_id"].tolist() == ["bradford", "qingdao", "hangzhou"]


def test_parallel_queries_give_right_answers(published):
    _, out = published
    db._cached.cache_clear()
    errors, results = [], []

    def work(i):
        try:
            name = "cities_of_film" if i % 2 else "headline_counts"
            db._cached.cache_clear()
            results.append((name, len(db.query(name, build_dir=out))))
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(16)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert sorted(set(results)) == [("cities_of_film", 2), ("headline_counts", 6)]


def test_unknown_query_is_refused():
    with pytest.raises(KeyError):
        db.sql_text("../../etc/passwd")


def test_missing_warehouse_is_explained(tmp_path):
    with pytest.raises(db.WarehouseMissing, match="make build"):
        db.current_warehouse(tmp_path)
