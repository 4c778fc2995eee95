"""The Sources page's builders on small hand-made frames, with exact output."""

from __future__ import annotations

import pandas as pd

from filmdash.views import sources


def claims() -> pd.DataFrame:
    base = {"entity_type": "studio", "entity_id": "omm", "name_en": "OMM", "name_zh_hans": "东方影都",
            "name_zh_hant": None, "metric": "sound_stages", "label_en": "Sound stages", "label_zh_hans": "摄影棚",
            "label_zh_hant": "攝影棚", "value_text": None, "unit": "count", "scale": None, "qualifier": None,
            "period_key": None, "corroborated": False, "in_conflict": True, "n_values_reported": 2,
            "n_sources_same_value": 1, "group_key": "studio/omm/sound_stages/count", "quote": "q",
            "title": "T", "published": "2018", "from_seed": False}
    return pd.DataFrame([
        {**base, "claim_id": "a", "value": 30.0, "value_base": 30.0, "as_of": "2018", "source_id": "s1",
         "publisher": "Variety", "url": "https://v"},
        {**base, "claim_id": "b", "value": 52.0, "value_base": 52.0, "as_of": "2018-04", "qualifier": "about",
         "source_id": "s2", "publisher": "Xinhua", "url": "https://x", "from_seed": True},
        {**base, "claim_id": "c", "entity_type": "country", "entity_id": "CN", "name_en": "China",
         "metric": "box_office", "label_en": "Box office", "value": 8.2, "value_base": 8.2e9, "unit": "USD",
         "scale": "billion", "period_key": 2019, "as_of": "2019", "source_id": "s3", "publisher": "Reuters",
         "url": "https://r", "group_key": "country/CN/box_office/USD/2019", "n_values_reported": 2},
    ])


def test_conflicts_are_grouped_with_every_value_and_its_source_side_by_side():
    groups = sources.conflict_groups(claims(), "en")
    assert groups.drop(columns=["group_key"]).to_dict("records") == [
        {"About": "studio", "Entity": "OMM", "Figure": "Sound stages", "Year": "", "Values": 2, "Sources": 2,
         "Each value with its source": "30 (Variety, 2018 (year only)) | about 52 (Xinhua, Apr 2018 (month only))"},
        {"About": "country", "Entity": "China", "Figure": "Box office", "Year": "2019", "Values": 1, "Sources": 1,
         "Each value with its source": "8.2 bn USD (Reuters, 2019 (year only))"},
    ]


def test_group_label_in_chinese_uses_data_names():
    assert sources.group_label(claims(), "studio/omm/sound_stages/count", "zh-Hans") == "东方影都 · 摄影棚（2个数值）"
    assert sources.group_label(claims(), "country/CN/box_office/USD/2019", "en", with_count=False) \
        == "China · Box office 2019"


def test_claims_table_marks_uncorroborated_and_seed_claims():
    table = sources.claims_table(claims().iloc[[1]], "en")
    assert table.iloc[0].to_dict() == {
        "About": "studio", "Entity": "OMM", "Figure": "Sound stages", "Value": "about 52",
        "As of": "Apr 2018 (month only)", "Corroborated": "uncorroborated (one source)", "Seed article": "yes",
        "Publisher": "Xinhua", "Link": "https://x", "Quote": "q", "Source id": "s2"}


def test_summaries_and_coverage_takeaway():
    counts = pd.DataFrame([{"claims": 356, "uncorroborated": 289, "uncorroborated_seed": 7, "in_conflict": 146,
                            "conflict_groups": 43}])
    assert sources.uncorroborated_summary(counts, "en") == \
        "289 of 356 claims rest on one source only; 7 of them on the project's seed articles."
    assert sources.conflicts_summary(counts, "zh-Hant") == "共有43個數字存在爭議：來自不同來源的146條數據互不一致。"
    coverage = pd.DataFrame({"table_name": ["claims", "events"], "rows": [10, 3], "sources": [4, 3],
                             "uncorroborated": [6, None]})
    assert sources.coverage_takeaway(coverage, "en") == \
        "2 curated tables hold 13 rows; the largest is claims (10 rows from 4 sources)."
    assert sources.coverage_table(coverage, "en")["Uncorroborated"].tolist() == ["6", "—"]


def test_bibliography_and_dictionary_tables():
    bib = pd.DataFrame([{"source_id": "s1", "publisher": "P", "title": "T", "url": "https://p", "published": None,
                         "accessed": "2026-12-02", "language": "zh-Hans", "kind": "seed", "rows_cited": 4,
                         "claims": 1, "tables": None}])
    row = sources.bibliography_table(bib, "en").iloc[0].to_dict()
    assert row["Published"] == "undated" and row["Accessed"] == "2 Dec 2026" and row["Kind"] == "seed article"
    assert row["Tables citing it"] == "no data" and row["Rows citing it"] == 4
    cols = pd.DataFrame({"table_name": ["events", "events"], "column_name": ["a", "b"], "data_type": ["VARCHAR"] * 2,
                         "comment": ["Unique id.", None]})
    assert sources.columns_table(cols, "en")["Comment"].tolist() == ["Unique id.", "no data"]
    assert sources.undocumented_columns(cols) == 1


def test_group_labels_name_every_disputed_figure_in_one_pass():
    frame = claims()
    assert sources.group_labels(frame, "en") == {
        "studio/omm/sound_stages/count": "OMM · Sound stages (2 values)",
        "country/CN/box_office/USD/2019": "China · Box office 2019 (2 values)",
    }
    assert sources.group_labels(frame, "zh-Hans") == {k: sources.group_label(frame, k, "zh-Hans")
                                                     for k in frame["group_key"]}


def test_sources_by_year_and_kind():
    frame = pd.DataFrame({"year": [2018.0, 2018.0, 2020.0, None], "kind": ["news", "official", "news", "news"],
                          "sources": [3, 1, 2, 4]})
    fig = sources.by_year_figure(frame, "en")
    assert [tr.name for tr in fig.data] == ["news", "official"]
    assert list(fig.data[0].x) == ["2018", "2020", "undated"] and list(fig.data[0].y) == [3, 2, 4]
    assert list(fig.data[1].y) == [1, 0, 0] and set(fig.data[1].customdata) == {"official"}
    assert sources.by_year_takeaway(frame, "en") == (
        "10 sources, published 2018–2020, 4 undated; the most common kind is news (9).")
    assert sources.by_year_table(frame, "zh-Hant").iloc[3].tolist() == ["日期不詳", "新聞", 4]
