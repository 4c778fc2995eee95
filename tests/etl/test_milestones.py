"""A production's dated milestones (production_milestones) on the mini fixture: the refusals, each one exact
problem naming file, line, column, value and reason; and the year a title was initiated, which the SCO counting
rules count by (a title released in 2025 but announced in 2019 is not a co-production initiated since 2020)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.build import build
from tests.etl.helpers import problems_for

MILESTONES = "raw/production_milestones/pm.csv"
HEADER = "production_id,milestone,date,dated_by,country_iso2,source_id,quote\n"


def with_milestones(raw: Path, rows: str) -> None:
    (raw / "production_milestones").mkdir()
    (raw / "production_milestones" / "pm.csv").write_text(HEADER + rows, encoding="utf-8")
    with (raw / "manifest.toml").open("a", encoding="utf-8") as f:
        f.write('\n[[file]]\npath = "production_milestones/pm.csv"\nencoding = "utf-8"\ncurator = "tests"\n'
                'description = "mini milestones"\n')


def counts(path: Path) -> tuple:
    con = duckdb.connect(str(path), read_only=True)
    try:
        dates = con.execute("SELECT production_id, announced, announced_precision, shooting_started_precision, "
                            "released, released_precision, released_country_iso2, initiated_year, initiated_by "
                            "FROM coproduction_dates").fetchall()
        strict = con.execute("SELECT titles FROM sco_coproduction_counts WHERE rule = 'strict'").fetchone()[0]
        documented = con.execute("SELECT documented FROM documented_vs_reported "
                                 "WHERE measure = 'sco_coproductions_since_2020'").fetchone()[0]
        return dates, strict, documented
    finally:
        con.close()


def test_a_title_announced_before_2020_and_released_since_is_not_initiated_since_2020(mini, tmp_path):
    # the mini's red-silk: CN-RU, year of record 2025 (released-RU); here announced in March 2019 (s-seed's month)
    with_milestones(mini, "red-silk,announced,2019-03,publication,,s-seed,a Russia-China film\n"
                          "red-silk,shooting-started,2023,quote,RU,s-news,shooting began in 2023\n"
                          "red-silk,released,2023-05-02,publication,RU,s-news,premiered\n")
    dates, strict, documented = counts(build(mini, tmp_path / "out", root=tmp_path).path)
    # by hand: the earliest of announced (2019-03) and shooting-started (2023) is March 2019, so initiated 2019 < 2020
    assert dates == [("red-silk", "2019-03", "month", "year", "2023-05-02", "day", "RU", 2019, "announced")]
    assert (strict, documented) == (0, 0)


def test_without_a_dated_milestone_the_year_of_record_counts(mini, tmp_path):
    # only a release is dated: nothing says when it was initiated, so the year of record (2025) stands
    with_milestones(mini, "red-silk,released,2023-05-02,publication,RU,s-news,premiered\n")
    dates, strict, documented = counts(build(mini, tmp_path / "out", root=tmp_path).path)
    assert dates == [("red-silk", None, None, None, "2023-05-02", "day", "RU", 2025, "year-of-record")]
    assert (strict, documented) == (1, 1)


@pytest.mark.parametrize("rows, expected", [
    # released (2019-03) surely before shooting started (2023): line 3 is the release, line 2 the shooting
    ("red-silk,shooting-started,2023,quote,,s-news,shooting began in 2023\n"
     "red-silk,released,2019-03,publication,,s-seed,released\n",
     f"{MILESTONES}, line 3, column 'date', value '2019-03': is before the title's shooting-started milestone "
     f"(2023, {MILESTONES}, line 2): a title is released after it is announced, agreed and shot"),
    # a release the same year as the announcement, at year precision, may well come after it: not refused;
    # but one a year earlier is
    ("red-silk,announced,2024,quote,,s-wiki,announced in 2024\nred-silk,released,2023,quote,,s-wiki,2023\n",
     f"{MILESTONES}, line 3, column 'date', value '2023': is before the title's announced milestone (2024, "
     f"{MILESTONES}, line 2): a title is released after it is announced, agreed and shot"),
    # dated by publication, but s-news was published on 2023-05-02
    ("red-silk,announced,2023-06,publication,,s-news,announced\n",
     f"{MILESTONES}, line 2, column 'date', value '2023-06': is dated by its source's publication date, but s-news "
     f"was published 2023-05-02: give that date (or its year or month), or date it by the quote"),
    ("red-silk,announced,2023,publication,,s-wiki,announced\n",
     f"{MILESTONES}, line 2, column 'date', value '2023': is dated by its source's publication date, but s-wiki "
     f"was published on no recorded date: give that date (or its year or month), or date it by the quote"),
    # a source of 2 May 2023 announcing a release on 25 May: a plan, not a release
    ("red-silk,released,2023-05-25,quote,RU,s-news,will be released on 25 May\n",
     f"{MILESTONES}, line 2, column 'date', value '2023-05-25': is after s-news was published (2023-05-02): a source "
     f"cannot report a released milestone that had not happened yet; a plan ('will be released on ...') is not a "
     f"milestone: cite a later report, or leave it out"),
    # a release dated at year precision by a source with no publication date: nothing contradicts it
    ("great-wall,released,2016,quote,CN,s-wiki,opens\n",
     None),
])
def test_milestones_that_contradict_each_other_or_their_source_are_refused(mini, tmp_path, rows, expected):
    with_milestones(mini, rows)
    if expected is None:
        assert build(mini, tmp_path / "out", root=tmp_path).path is not None
    else:
        assert problems_for(mini, tmp_path) == [expected]


def test_a_release_date_for_a_title_not_released_is_refused(mini, tmp_path):
    text = (mini / "productions" / "productions.csv").read_text(encoding="utf-8")
    (mini / "productions" / "productions.csv").write_text(
        text.replace("feature-film,released,2025", "feature-film,in-production,2025"), encoding="utf-8")
    with_milestones(mini, "red-silk,released,2025,quote,RU,s-wiki,released in 2025\n")
    assert problems_for(mini, tmp_path) == [
        f"{MILESTONES}, line 2, column 'milestone', value 'released': 'red-silk' has status 'in-production' in "
        f"productions: a title with a release date has status released"]


def test_a_milestone_is_one_of_four_and_one_per_title(mini, tmp_path):
    with_milestones(mini, "red-silk,premiered,2025,quote,RU,s-wiki,premiered\n"
                          "red-silk,announced,2024,quote,,s-wiki,a\nred-silk,announced,2023,quote,,s-wiki,b\n")
    assert problems_for(mini, tmp_path) == [
        f"{MILESTONES}, line 2, column 'milestone', value 'premiered': is not an accepted value; accepted: announced, "
        f"agreement-signed, shooting-started, released",
        f"{MILESTONES}, line 4, column 'production_id, milestone', value 'red-silk / announced': duplicate key: already "
        f"used at {MILESTONES}, line 3"]
