"""Issue 17's refusals, each on a small fixture: a claim whose place type does not fit its metric, a
"held" event with no source published after it, a co-production counted under an SCO status its country
did not have that year. Each is one exact problem naming file, line, column, value and reason; the
shipped data passes all three (etl check)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

import etl.models
from etl.build import build
from etl.validate import PLACE_METRICS, place_metrics, reports_after
from tests.etl.helpers import edit, problems_for

PLACES = "raw/places/places.csv"
CLAIMS = "raw/claims/claims.csv"
EVENTS = "raw/events/events.csv"
PLACE_HEADER = "place_id,place_type,name_en,name_zh_hans,name_zh_hant,parent_id,city_id,country_iso2,aliases,source_id,quote\n"
QINGDAO_PLACES = (
    "qingdao,city,Qingdao,,,,qingdao,CN,,s-wiki,Qingdao\n"
    "west-coast,district,West Coast New Area,青岛西海岸新区,,qingdao,qingdao,CN,,s-news,the new area\n"
    "film-base,site,Film Base,,,west-coast,qingdao,CN,,s-news,the base\n"
)


def with_places(raw: Path, rows: str = QINGDAO_PLACES) -> None:
    (raw / "places").mkdir()
    (raw / "places" / "places.csv").write_text(PLACE_HEADER + rows, encoding="utf-8")
    with (raw / "manifest.toml").open("a", encoding="utf-8") as f:
        f.write('\n[[file]]\npath = "places/places.csv"\nencoding = "utf-8"\ncurator = "tests"\n'
                'description = "mini places"\n')


def add_claims(raw: Path, *lines: str) -> None:
    with (raw / "claims" / "claims.csv").open("a", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in lines))


def add_metric(raw: Path, metric: str) -> None:
    with (raw / "metrics" / "metrics.csv").open("a", encoding="utf-8") as f:
        f.write(f"{metric},{metric},{metric},{metric},,\n")


# --- places ------------------------------------------------------------------------------------

def test_a_district_figure_is_the_districts_and_builds(mini, tmp_path):
    with_places(mini)
    add_claims(mini, "c-wcna,place,west-coast,film_companies,4000,,count,,2021-09,more-than,s-news,4000 companies")
    path = build(mini, tmp_path / "out", root=tmp_path).path
    con = duckdb.connect(str(path), read_only=True)
    # the district's 4,000 is never the city's: documented_vs_reported compares Qingdao with city claims only
    assert con.execute("SELECT reported FROM documented_vs_reported WHERE entity_id = 'qingdao'").fetchall() in (
        [], [(None,)])
    assert con.execute("SELECT place_id, city_id, relation FROM place_cities ORDER BY 1").fetchall() == [
        ("film-base", "qingdao", "inside"), ("qingdao", "qingdao", "is"), ("west-coast", "qingdao", "inside")]
    assert con.execute("SELECT path_en, name_zh_hans, name_zh_hans_source_id FROM dim_places "
                       "WHERE place_id = 'west-coast'").fetchall() == [
        ("Qingdao > West Coast New Area", "青岛西海岸新区", "s-news")]
    con.close()


@pytest.mark.parametrize("claim, expected", [
    # a site's company count is of the companies settled in it, never a film_companies count
    ("c-base,place,film-base,film_companies,1045,,count,,2024-06,,s-news,1045 companies",
     f"{CLAIMS}, line 8, column 'metric', value 'film_companies': is not a metric a site carries ('film-base' is "
     f"a site; etl/rules/place_metrics.toml lists the metrics of each type of place)"),
    # and a city has no resident companies: that is a park's figure
    ("c-res,city,qingdao,resident_companies,600,,count,,2021,about,s-news,600 settled",
     f"{CLAIMS}, line 8, column 'metric', value 'resident_companies': is not a metric a city carries ('qingdao' is "
     f"a city; etl/rules/place_metrics.toml lists the metrics of each type of place)"),
    # a population belongs to a city, district or province, never to a studio base
    ("c-pop,place,film-base,population,2,,people,million,2024,,s-news,2 million",
     f"{CLAIMS}, line 8, column 'metric', value 'population': is not a metric a site carries ('film-base' is a "
     f"site; etl/rules/place_metrics.toml lists the metrics of each type of place)"),
    # a figure for the whole city is a city claim, not a place claim
    ("c-city,place,qingdao,film_companies,9,,count,,2024,,s-news,9 companies",
     f"{CLAIMS}, line 8, column 'entity_type', value 'place': 'qingdao' is a city: a figure for a whole city is "
     f"a claim with entity_type city"),
])
def test_a_claim_whose_place_type_does_not_fit_its_metric_is_refused(mini, tmp_path, claim, expected):
    with_places(mini)
    for metric in ("resident_companies", "population"):
        add_metric(mini, metric)
    add_claims(mini, claim)
    assert problems_for(mini, tmp_path) == [expected]


def test_the_rules_file_is_data_and_every_type_has_rules():
    rules = place_metrics(PLACE_METRICS)
    assert set(rules) == {"province", "region", "city", "district", "site"}
    assert "resident_companies" in rules["site"] and "film_companies" not in rules["site"]
    assert "film_companies" in rules["district"] and "resident_companies" not in rules["city"]


@pytest.mark.parametrize("rows, expected", [
    ("qingdao,city,Qingdao,,,,qingdao,CN,,s-wiki,Qingdao\n"
     "film-base,site,Film Base,,,,qingdao,CN,,s-news,the base\n",
     f"{PLACES}, line 3, column 'parent_id': is empty, but a site lies in a place (its city or a district)"),
    ("qingdao,city,Qingdao,,,,qingdao,CN,,s-wiki,Qingdao\n"
     "shandong,province,Shandong,,,qingdao,,CN,,s-wiki,Shandong\n",
     f"{PLACES}, line 3, column 'parent_id', value 'qingdao': is a city, but a province's parent is one of: none "
     f"(its parent is its country)"),
    ("qingdao,city,Qingdao,,,,qingdao,CN,,s-wiki,Qingdao\n"
     "west-coast,district,West Coast,,,qingdao,hangzhou,CN,,s-news,the new area\n",
     f"{PLACES}, line 3, column 'parent_id', value 'qingdao': lies in city 'qingdao', but this district names "
     f"city 'hangzhou'"),
    ("qingdao,city,Qingdao,,,,qingdao,CN,,s-wiki,Qingdao\n"
     "a,district,A,,,b,qingdao,CN,,s-news,a\nb,district,B,,,a,qingdao,CN,,s-news,b\n",
     f"{PLACES}, line 3, column 'parent_id', value 'b': makes a cycle: a place cannot lie in itself"),
])
def test_places_form_a_tree(mini, tmp_path, rows, expected):
    with_places(mini, rows)
    assert expected in problems_for(mini, tmp_path)


# --- events --------------------------------------------------------------------------------------

def test_a_held_event_with_only_an_announcement_is_refused(mini, tmp_path):
    # s-seed was published in March 2019: it cannot show that a week ending on 9 April 2023 took place
    edit(mini / "events" / "events.csv", ",held,,s-news,", ",held,,s-seed,")
    assert problems_for(mini, tmp_path) == [
        f"{EVENTS}, line 2, column 'status', value 'held': a held event needs a source published on or after its "
        f"last day (2023-04-09), and none of its sources is: s-seed (2019-03); cite a report published after it, "
        f"or set the status to announced"]
    # announced, it builds; or held, once a claim cites a report published after it (s-news, 2023-05-02)
    edit(mini / "events" / "events.csv", ",held,,s-seed,", ",announced,,s-seed,")
    assert build(mini, tmp_path / "a", root=tmp_path).path is not None
    edit(mini / "events" / "events.csv", ",announced,,s-seed,", ",held,,s-seed,")
    add_metric(mini, "attendance")
    add_claims(mini, "c-week,event,qingdao-week-2023,attendance,800,,people,,2023-04,more-than,s-news,800 came")
    assert build(mini, tmp_path / "b", root=tmp_path).path is not None


@pytest.mark.parametrize("published, last_day, after", [
    ("2023-04-10", "2023-04-09", True),
    ("2023-04-09", "2023-04-09", True),   # a closing-day report (final attendance) counts
    ("2023-04-08", "2023-04-09", False),
    ("2023-04", "2023-04-09", False),     # April 2023 may be before the 9th: not shown to be after
    ("2023-05", "2023-04", True),
    ("2019-03", "2019-03", False),        # a month-only event and a source of the same month
    ("2016", "2015-10", True),
    ("", "2015", False),
])
def test_published_after_compares_partial_dates_conservatively(published, last_day, after):
    assert reports_after(published, last_day) is after


# --- SCO status in the title's year --------------------------------------------------------------

def late_member(raw: Path) -> None:
    """India: an observer from 2005, a member from 2017-06-09; a China-India title of 2016 and one of 2021."""
    with (raw / "countries" / "countries.csv").open("a", encoding="utf-8") as f:
        f.write("IN,IND,India,印度,印度,s-ref\n")
    with (raw / "memberships" / "memberships.csv").open("a", encoding="utf-8") as f:
        f.write("sco-in-obs,sco,country,IN,observer,2005,2017-06-09,s-wiki,India observer\n"
                "sco-in,sco,country,IN,member,2017-06-09,,s-wiki,India member\n")
    with (raw / "productions" / "productions.csv").open("a", encoding="utf-8") as f:
        f.write("xuanzang,Xuanzang,大唐玄奘,,,zh,feature-film,released,2016,released-CN,,,true,,s-news,CN-IN\n"
                "later,Later,,,,,feature-film,released,2021,released-CN,,,true,,s-news,CN-IN\n")
    with (raw / "production_countries" / "pc.csv").open("a", encoding="utf-8") as f:
        f.write("xuanzang,CN,co-producer,s-news,CN-IN\nxuanzang,IN,co-producer,s-news,CN-IN\n"
                "later,CN,co-producer,s-news,CN-IN\nlater,IN,co-producer,s-news,CN-IN\n")


def test_a_country_counts_as_a_member_only_for_titles_of_years_it_was_one(mini, tmp_path):
    late_member(mini)
    path = build(mini, tmp_path / "out", root=tmp_path).path
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT production_id, country_iso2, sco_status_in_year, sco_status_today, counts_as_member "
                       "FROM sco_coproduction_countries WHERE country_iso2 = 'IN' ORDER BY 1").fetchall() == [
        ("later", "IN", "member", "member", True), ("xuanzang", "IN", "observer", "member", False)]
    # red-silk (2025, CN-RU) and later (2021, CN-IN) count; xuanzang is before 2020 anyway
    assert con.execute("SELECT documented FROM documented_vs_reported "
                       "WHERE measure = 'sco_coproductions_since_2020'").fetchall() == [(2,)]
    con.close()


def test_a_title_counted_under_a_status_its_country_did_not_have_is_refused(mini, tmp_path, monkeypatch):
    """A counting rule that used today's statuses (India a member for a 2016 title) fails the build, naming
    the production's row."""
    late_member(mini)
    original = etl.models.marts

    def todays_status():
        for mart in original():
            if mart.name == "sco_coproduction_countries":
                mart = mart._replace(sql=mart.sql.replace(
                    "coalesce(sco_status_in_year = 'member', false)", "coalesce(sco_status_today = 'member', false)"))
            yield mart

    monkeypatch.setattr("etl.build.marts", todays_status)
    monkeypatch.setattr("etl.checks.marts", todays_status)
    assert problems_for(mini, tmp_path) == [
        "raw/productions/productions.csv, line 4, column 'production_id', value 'xuanzang': check failed: no "
        "co-production is counted under an SCO status its country did not have in the year the title was initiated "
        "(a country counts as an SCO member state only for a title initiated in a year in which its membership "
        "history shows it a member)"]


# --- companies' places ---------------------------------------------------------------------------

COMPANIES = "raw/companies/companies.csv"
HANGZHOU_PLACES = (
    "hangzhou,city,Hangzhou,,,,hangzhou,CN,,s-seed,Hangzhou\n"
    "yichuang,district,艺创小镇,艺创小镇,,hangzhou,hangzhou,CN,,s-news,the town\n"
)


def place_huace(raw: Path, place_id: str) -> None:
    edit(raw / "companies" / "companies.csv", "city_id,type,", "city_id,place_id,type,")
    edit(raw / "companies" / "companies.csv", "huace,Huace Group,华策影视,,hangzhou,",
         f"huace,Huace Group,华策影视,,hangzhou,{place_id},")


def test_a_company_placed_in_a_town_of_its_city_builds(mini, tmp_path):
    with_places(mini, QINGDAO_PLACES + HANGZHOU_PLACES)
    place_huace(mini, "yichuang")
    path = build(mini, tmp_path / "out", root=tmp_path).path
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT company_id, city_id, place_id FROM dim_companies").fetchall() == [
        ("huace", "hangzhou", "yichuang")]


@pytest.mark.parametrize("place_id", ["west-coast", "film-base", "qingdao", "hangzhou"])
def test_a_company_placed_outside_its_city_or_at_a_city_is_refused(mini, tmp_path, place_id):
    # a Hangzhou company in a Qingdao district or base, or "placed" at a city (its city is city_id's job)
    with_places(mini, QINGDAO_PLACES + HANGZHOU_PLACES)
    place_huace(mini, place_id)
    assert problems_for(mini, tmp_path) == [
        f"{COMPANIES}, line 2, column 'company_id', value 'huace': check failed: a company's place (a district, town "
        f"or park) lies in the company's own city: a company of Hangzhou is never placed in a Qingdao district, and a "
        f"place is never a province or a city"]


def test_a_company_placed_at_an_unknown_place_is_refused(mini, tmp_path):
    with_places(mini, QINGDAO_PLACES + HANGZHOU_PLACES)
    place_huace(mini, "nowhere")
    found = problems_for(mini, tmp_path)
    assert len(found) == 1 and found[0].startswith(f"{COMPANIES}, line 2, column 'place_id', value 'nowhere'")
