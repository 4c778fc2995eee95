"""The SQL box on the shipped warehouse: queries run, every escape is refused with its reason, a
runaway query is interrupted while other queries are served, rows are capped."""

from __future__ import annotations

import threading
import time

import pytest

from filmdash.core import db, explore, sqlbox


@pytest.fixture(scope="module")
def con(shipped_warehouse):
    return db.connection(shipped_warehouse.parent)


@pytest.fixture(scope="module")
def published(con):
    return set(explore.catalogue(con.cursor()))


def test_a_query_runs_and_matches_the_warehouse(con, published):
    result = sqlbox.run(con, "SELECT type, count(*) AS n FROM companies GROUP BY type ORDER BY n DESC, type;",
                        published)
    expected = con.cursor().execute("SELECT type, count(*) FROM companies GROUP BY type ORDER BY 2 DESC, 1").fetchall()
    assert list(result.frame.itertuples(index=False, name=None)) == expected and not result.truncated


@pytest.mark.parametrize("sql", [
    "WITH t AS (SELECT * FROM companies) SELECT count(*) FROM t", "DESCRIBE companies", "SHOW companies",
    "SUMMARIZE companies", "SHOW TABLES", "FROM sources LIMIT 2", "SELECT * FROM range(3)", "VALUES (1), (2)",
])
def test_reading_forms_are_allowed(con, published, sql):
    assert len(sqlbox.run(con, sql, published).frame) > 0


@pytest.mark.parametrize("sql, key", [
    ("", "sql_error_empty"),
    ("SELECT 1; SELECT 2", "sql_error_one_statement"),
    ("SELECT * FROM companies; DROP TABLE companies", "sql_error_one_statement"),
    ("SELECT * FROM read_csv('/etc/passwd')", "sql_error_function"),
    ("SELECT * FROM read_csv_auto('/etc/passwd')", "sql_error_function"),
    ("SELECT read_text('/etc/passwd')", "sql_error_function"),
    ("SELECT * FROM glob('/*')", "sql_error_function"),
    ("SELECT getenv('HOME')", "sql_error_function"),
    ("SELECT * FROM duckdb_settings()", "sql_error_function"),
    ("SELECT * FROM read_parquet('https://example.com/x.parquet')", "sql_error_function"),
    ("SELECT * FROM query('SELECT 1')", "sql_error_function"),
    ("FROM '/etc/passwd'", "sql_error_table"),
    ("SELECT * FROM 'https://example.com/data.csv'", "sql_error_table"),
    ("SELECT * FROM information_schema.tables", "sql_error_table"),
    ("SELECT * FROM nope", "sql_error_table"),
    ("COPY companies TO '/tmp/leak.csv'", "sql_error_not_a_query"),
    ("COPY (SELECT 1) TO '/tmp/leak.csv'", "sql_error_not_a_query"),
    ("ATTACH '/tmp/other.duckdb' AS other", "sql_error_not_a_query"),
    ("INSTALL httpfs", "sql_error_not_a_query"),
    ("LOAD httpfs", "sql_error_not_a_query"),
    ("SET enable_external_access = true", "sql_error_not_a_query"),
    ("RESET lock_configuration", "sql_error_not_a_query"),
    ("PRAGMA enable_profiling", "sql_error_not_a_query"),
    ("CALL pragma_version()", "sql_error_not_a_query"),
    ("EXPLAIN SELECT 1", "sql_error_not_a_query"),
    ("DROP TABLE companies", "sql_error_not_a_query"),
    ("DELETE FROM companies", "sql_error_not_a_query"),
    ("CREATE TABLE x AS SELECT 1", "sql_error_not_a_query"),
    ("DESCRIBE read_csv('/etc/passwd')", "sql_error_syntax"),
    ("SUMMARIZE SELECT * FROM read_csv('/etc/passwd')", "sql_error_describe"),
    ("SELEC 1", "sql_error_syntax"),
    ("SELECT nope FROM companies", "sql_error_syntax"),
    ("SELECT $city", "sql_error_parameters"),
])
def test_every_escape_is_refused_with_its_reason(con, published, sql, key, tmp_path):
    with pytest.raises(sqlbox.Refused) as refused:
        sqlbox.run(con, sql, published)
    assert refused.value.key == key
    assert "Traceback" not in refused.value.detail and "\n" not in refused.value.detail


def test_the_sandbox_holds_even_without_the_checks(con, tmp_path):
    """Layer 3 on its own: the connection the box runs on cannot read or write files."""
    import duckdb

    with pytest.raises(duckdb.PermissionException):
        con.cursor().execute("SELECT * FROM read_csv('/etc/passwd')").fetchall()
    with pytest.raises(duckdb.Error):
        con.cursor().execute(f"COPY (SELECT 1) TO '{tmp_path}/leak.csv'")
    assert not (tmp_path / "leak.csv").exists()


def test_row_cap(con, published):
    result = sqlbox.run(con, "SELECT * FROM range(100)", published, row_cap=30)
    assert result.truncated and result.frame["range"].tolist() == list(range(30))
    exact = sqlbox.run(con, "SELECT * FROM range(30)", published, row_cap=30)
    assert not exact.truncated and len(exact.frame) == 30


def test_a_runaway_query_is_interrupted_and_others_are_served(con, published):
    runaway = "SELECT count(*) FROM source_usage a, fct_claims b, sources c, countries d"
    outcome = {}

    def slow():
        started = time.perf_counter()
        try:
            sqlbox.run(con, runaway, published, timeout=2.0)
        except sqlbox.Refused as exc:
            outcome["key"] = exc.key
        outcome["seconds"] = time.perf_counter() - started

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.3)
    served = []
    while thread.is_alive():  # another viewer's queries keep being answered meanwhile
        started = time.perf_counter()
        n = sqlbox.run(con, "SELECT count(*) AS n FROM companies", published).frame["n"].iloc[0]
        served.append(time.perf_counter() - started)
        time.sleep(0.1)
    thread.join()
    assert outcome["key"] == "sql_error_timeout" and 1.9 < outcome["seconds"] < 6
    assert n == con.cursor().execute("SELECT count(*) FROM companies").fetchone()[0] and len(served) >= 3 and max(served) < 1.5
    assert sqlbox.run(con, "SELECT 1 AS one", published).frame["one"].tolist() == [1]  # the connection is fine


def test_canned_queries_run_with_their_defaults(con, published):
    canned = sqlbox.canned()
    assert sorted(canned) == ["city_companies", "coverage", "disputed_figures", "sco_coproductions"]
    assert canned["sco_coproductions"].params == (("since", "2020"),)
    sco = sqlbox.run(con, canned["sco_coproductions"].sql, published, {"since": 2020}).frame
    page = db.query("coproductions_sco_since_2020", build_dir=db.current_warehouse().parent)
    assert sorted(sco["production_id"]) == sorted(page["production_id"])
    assert sco["publisher"].notna().all() and sco["quote"].notna().all()
    firms = sqlbox.run(con, canned["city_companies"].sql, published, {"city": "hangzhou", "type": "animation"}).frame
    expected = con.cursor().execute("SELECT company_id FROM companies WHERE city_id = 'hangzhou' AND "
                                    "type = 'animation'").fetchall()
    assert sorted(firms["company_id"]) == sorted(r[0] for r in expected)
    for query in canned.values():
        assert sqlbox.parameters(query.sql) == [k for k, _ in query.params]


def test_parameters_and_typing():
    assert sqlbox.parameters("SELECT $a, '$not', $b, $a") == ["a", "b"]
    assert sqlbox.typed("2020") == 2020 and sqlbox.typed("hangzhou") == "hangzhou" and sqlbox.typed(" 07 ") == 7
