"""The Sources page on the shipped warehouse: every section and language, exact counts against SQL."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from filmdash.views.sources import SECTIONS
from tests.pages.apptest import rerun, run_app
from tests.shipped import rows as sql


def run_sources(**query) -> AppTest:
    return run_app("/sources", **query)



def one(query: str, params=None):
    return sql(query, params)[0][0]


@pytest.mark.parametrize("lang", ["en", "zh-Hans", "zh-Hant"])
@pytest.mark.parametrize("section", SECTIONS)
def test_every_section_renders_in_every_language(section, lang):
    at = run_sources(lang=lang, sources_section=section)
    assert at.button_group[0].value == section
    assert len(at.dataframe) >= 1


def test_bibliography_lists_every_source_and_search_narrows_it_exactly():
    at = run_sources()
    assert len(at.dataframe[0].value) == one("SELECT count(*) FROM sources")
    at.text_input[0].input("Telegraph")
    at = rerun(at)
    assert at.query_params["sources_q"] in ("Telegraph", ["Telegraph"])
    expected = one("SELECT count(*) FROM sources WHERE contains(lower(concat_ws(' ', source_id, publisher, title, url)),"
                   " 'telegraph')")
    assert len(at.dataframe[0].value) == expected > 0


def test_a_source_from_the_url_shows_the_rows_and_claims_it_supports():
    at = run_sources(sources_source="seed-000", sources_q="seed")
    assert at.text_input[0].value == "seed"
    assert at.selectbox[0].value == "seed-000"
    supported = at.dataframe[1].value
    cited = one("SELECT sum(rows) FROM source_usage WHERE source_id = 'seed-000'")
    assert len(supported) == cited
    assert "uk-china-film-bureau-bradford" in supported["Row"].tolist()
    claims = at.dataframe[2].value
    assert len(claims) == one("SELECT count(*) FROM claims WHERE source_id = 'seed-000'")
    assert set(claims["Seed article"]) == {"yes"}


def test_conflicts_are_grouped_and_each_group_is_charted():
    at = run_sources(sources_section="conflicts")
    groups = one("SELECT count(DISTINCT (entity_type, entity_id, metric, unit, period_key)) FROM fct_claims "
                 "WHERE in_conflict")
    table = [d.value for d in at.dataframe if "Each value with its source" in d.value.columns][0]
    assert len(table) == groups
    # the list first; nothing is charted until a reader picks a figure (here or by its row)
    assert at.selectbox[0].value is None
    values = one("SELECT count(DISTINCT value_base) FROM fct_claims WHERE in_conflict AND entity_id = 'hangzhou' "
                 "AND metric = 'animation_companies'")
    assert values == 3
    assert at.selectbox[0].options[0] == f"Hangzhou · Animation companies ({values} values)"
    assert len(at.get("plotly_chart")) == 0
    assert any(c.value.startswith("Pick a disputed figure here, or click its row") for c in at.main.caption)
    at = run_sources(sources_section="conflicts", sources_types="studio",
                     sources_conflict="studio/oriental-movie-metropolis/sound_stages/count")
    assert at.multiselect[0].value == ["studio"]
    table = [d.value for d in at.dataframe if "Each value with its source" in d.value.columns][0]
    assert set(table["About"]) == {"studio"}
    assert len(table) == one("SELECT count(DISTINCT (entity_id, metric, unit, period_key)) FROM fct_claims "
                             "WHERE in_conflict AND entity_type = 'studio'")
    stages = one("SELECT count(*) FROM fct_claims WHERE in_conflict AND entity_id = 'oriental-movie-metropolis' "
                 "AND metric = 'sound_stages'")
    assert any(s.value.startswith("Oriental Movie Metropolis · Sound stages") for s in at.header)
    assert len(at.get("plotly_chart")) == 1
    omm = table[(table["Entity"] == "Oriental Movie Metropolis") & (table["Figure"] == "Sound stages")].iloc[0]
    assert omm["Sources"] <= stages and omm["Each value with its source"].count(" | ") == stages - 1


def test_conflicts_show_the_figures_or_every_claim_one_table_at_a_time():
    at = run_sources(sources_section="conflicts", sources_types="studio")
    figures = one("SELECT count(DISTINCT (entity_id, metric, unit, period_key)) FROM fct_claims "
                  "WHERE in_conflict AND entity_type = 'studio'")
    claims = one("SELECT count(*) FROM fct_claims WHERE in_conflict AND entity_type = 'studio'")
    switch = next(b for b in at.button_group if b.key == "url_sources_conflicts_rows")
    assert switch.value == "figures"
    # the chart box's own table view is off, so the page shows one table: the disputed figures
    tables = [d.value for d in at.dataframe]
    assert [len(t) for t in tables] == [figures]
    assert "Each value with its source" in tables[0].columns
    switch.set_value("claims")
    rerun(at)
    assert at.query_params["sources_conflicts_rows"] == "claims"
    tables = [d.value for d in at.dataframe]
    assert [len(t) for t in tables] == [claims]
    assert set(tables[0]["About"]) == {"studio"} and "Quote" in tables[0].columns
    assert claims > figures
    # the URL alone reproduces it
    fresh = run_sources(sources_section="conflicts", sources_types="studio", sources_conflicts_rows="claims")
    assert [len(d.value) for d in fresh.dataframe] == [claims]


def test_uncorroborated_count_and_seed_filter():
    at = run_sources(sources_section="uncorroborated")
    n = one("SELECT count(*) FROM fct_claims WHERE NOT corroborated")
    assert len(at.dataframe[0].value) == n
    assert {m.label: m.value for m in at.metric}["Uncorroborated (one source)"] == str(n)
    at.button_group[1].set_value("seeds")
    at = rerun(at)
    seeds = one("SELECT count(*) FROM fct_claims c JOIN sources s USING (source_id) "
                "WHERE NOT c.corroborated AND s.kind = 'seed'")
    assert len(at.dataframe[0].value) == seeds
    assert set(at.dataframe[0].value["Seed article"]) == {"yes"}


def test_coverage_and_documented_vs_reported():
    at = run_sources(sources_section="coverage", sources_coverage_view="table")
    coverage = at.dataframe[0].value
    assert dict(zip(coverage["Table"], coverage["Rows"])) == dict(sql("SELECT table_name, rows FROM coverage"))
    documented = at.dataframe[1].value
    assert len(documented) == one("SELECT count(*) FROM documented_vs_reported")


def test_data_dictionary_documents_every_column_and_filters_by_table():
    at = run_sources(sources_section="dictionary")
    columns = at.dataframe[1].value
    assert len(columns) == one("SELECT count(*) FROM duckdb_columns() WHERE NOT internal AND schema_name = 'main'")
    at = run_sources(sources_section="dictionary", sources_tables="events,partnerships")
    assert at.multiselect[0].value == ["events", "partnerships"]
    columns = at.dataframe[1].value
    assert set(columns["Table"]) == {"events", "partnerships"}
    assert len(columns) == one("SELECT count(*) FROM duckdb_columns() WHERE table_name IN ('events', 'partnerships')")
    comment = columns[(columns["Table"] == "events") & (columns["Column"] == "event_id")]["Comment"].item()
    assert comment == one("SELECT comment FROM duckdb_columns() WHERE table_name = 'events' AND column_name = 'event_id'")


@pytest.mark.parametrize("lang, table, column", [
    ("zh-Hans", "影视企业，附所在城市、类型及上市情况。", "企业所在城市（cities.city_id）。"),
    ("zh-Hant", "影視企業，附所在城市、類型及上市情況。", "企業所在城市（cities.city_id）。"),
])
def test_data_dictionary_in_the_page_language(lang, table, column):
    from filmdash.core.i18n import t

    at = run_sources(sources_section="dictionary", sources_tables="companies", lang=lang)
    tables = at.dataframe[0].value
    name, meaning = t("sources_col_table", lang), t("sources_col_comment", lang)
    assert dict(zip(tables[name], tables[meaning]))["companies"] == table
    columns = at.dataframe[1].value
    meanings = dict(zip(columns[t("sources_col_column", lang)], columns[meaning]))
    assert meanings["city_id"] == column
    assert meanings == dict(sql("SELECT column_name, text FROM descriptions WHERE table_name = 'companies' "
                                "AND column_name IS NOT NULL AND lang = $lang", {"lang": lang}))


def test_input_files_with_checksums():
    at = run_sources(sources_section="inputs", lang="zh-Hant")
    files = at.dataframe[0].value
    expected = dict(sql("SELECT path, sha256 FROM input_files"))
    assert dict(zip(files["文件"], files["SHA-256"])) == expected
    assert all(len(h) == 64 for h in expected.values())


def test_sources_by_year_chart_follows_the_bibliography_filters():
    at = run_sources(sources_kind="official", sources_by_year_view="table")
    table = at.dataframe[0].value
    assert set(table["Kind"]) == {"official"}
    assert int(table["Sources"].sum()) == one("SELECT count(*) FROM sources WHERE kind = 'official'") \
        == len(at.dataframe[1].value)
    undated = table[table["Published"] == "undated"]["Sources"].sum()
    assert undated == one("SELECT count(*) FROM sources WHERE kind = 'official' AND published IS NULL")


def test_the_list_ticks_the_figure_the_url_or_the_picker_chose():
    key = "studio/oriental-movie-metropolis/sound_stages/count"

    def ticked(at):
        table = [d.value for d in at.dataframe if "Each value with its source" in d.value.columns][0]
        rows = at.session_state["sources_conflicts_table"]["selection"]["rows"]
        return [(table.iloc[r]["Entity"], table.iloc[r]["Figure"]) for r in rows], table

    at = run_sources(sources_section="conflicts", sources_conflict=key)
    picked, table = ticked(at)
    assert picked == [("Oriental Movie Metropolis", "Sound stages")]
    row_among_all = at.session_state["sources_conflicts_table"]["selection"]["rows"][0]
    # another filter redraws the list with other rows: the tick follows the figure, not the row number
    at.multiselect[0].set_value(["studio"])
    rerun(at)
    picked, table = ticked(at)
    assert set(table["About"]) == {"studio"} and len(table) < row_among_all
    assert picked == [("Oriental Movie Metropolis", "Sound stages")]
    assert at.query_params["sources_conflict"] == key
    # the picker moves the tick: to another disputed studio figure, found here from the claims themselves
    other, entity, figure = sql("""
        SELECT DISTINCT 'studio/' || c.entity_id || '/' || c.metric || '/' || c.unit, s.name_en, m.label_en
        FROM fct_claims c JOIN studios s ON s.studio_id = c.entity_id JOIN metrics m USING (metric)
        WHERE c.entity_type = 'studio' AND c.in_conflict AND c.period_key IS NULL AND c.metric <> 'sound_stages'
        ORDER BY 1 LIMIT 1""")[0]
    at.selectbox(key="url_sources_conflict").set_value(other)
    rerun(at)
    assert ticked(at)[0] == [(entity, figure)]
    assert at.query_params["sources_conflict"] == other


@pytest.mark.parametrize("lang, tickets", [("zh-Hans", "亿张票"), ("zh-Hant", "億張票")])
def test_units_read_in_chinese_on_a_chinese_page(lang, tickets):
    """China's cinema admissions are claimed in tickets: on a Chinese page the unit is Chinese too."""
    at = run_sources(lang=lang, sources_section="conflicts", sources_conflicts_rows="claims")
    cells = [str(v) for d in at.dataframe for v in d.value.astype(str).to_numpy().ravel()]
    assert any(tickets in c for c in cells)
    assert not [c for c in cells if re.search(r"\d (tickets|people|screens|years)\b", c)]
