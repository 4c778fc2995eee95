"""The Studios page on the shipped warehouse: every language, the studio in the URL, exact figures."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.apptest import rerun, run_app, text_of
from tests.shipped import rows as warehouse


def open_page(**query) -> AppTest:
    return run_app("/studios", **query)



def section_switch(at: AppTest):
    return next(b for b in at.get("button_group") if b.key == "url_studios_section")


def bold(at: AppTest) -> list[str]:
    return [m.value.replace("\\", "") for m in at.markdown if m.value.startswith("**")]


@pytest.mark.parametrize("lang, title, studio, productions, stages", [
    ("en", "Studio bases: what they built, by whose account", "Oriental Movie Metropolis (Qingdao)",
     "Productions shot at Oriental Movie Metropolis, by year", "Sound stages: 30 to 52, by source"),
    ("zh-Hans", "影视基地：建成了什么，谁说的", "青岛东方影都 (青岛)", "在青岛东方影都拍摄的作品（按年份）",
     "摄影棚数量：30至52（按来源）"),
    ("zh-Hant", "影視基地：建成了什麼，誰說的", "青島東方影都 (", "在青島東方影都拍攝的作品（按年份）",
     "攝影棚數量：30至52（按來源）"),
])
def test_default_studio_in_every_language(lang, title, studio, productions, stages):
    at = open_page(lang=lang)
    assert at.title[0].value == title
    assert at.selectbox(key="url_studio").value == "oriental-movie-metropolis"
    subheaders = [text_of(s.value) for s in at.header]
    # the card, then the default section: productions by year, the page's one chart
    assert subheaders[0].startswith(studio)
    assert subheaders[1:] == [productions]
    assert len(at.get("plotly_chart")) == 1
    at = open_page(lang=lang, studios_section="facts")
    assert stages in [text_of(s.value) for s in at.header]


def test_conflicting_claims_are_all_listed_never_averaged():
    at = open_page(studios_section="facts", studio_sound_stages_view="table")
    tables = [d.value for d in at.dataframe]
    stages = next(t for t in tables if "Sources disagree" in t.columns and len(t) == 13)
    expected = warehouse("""SELECT count(*), count(DISTINCT value_base) FROM fct_claims
                            WHERE entity_type = 'studio' AND entity_id = 'oriental-movie-metropolis'
                              AND metric = 'sound_stages'""")[0]
    assert expected == (13, 4)
    assert sorted(set(stages["Value"])) == ["30", "40", "about 40", "planned 30", "planned 45", "planned 52"]
    # every figure now has a second source (52 planned: China News Service and China Daily)
    assert "**13 sources give 4 different figures for Sound stages; none is picked, all are shown.**" in bold(at)


def test_seed_hotel_subsidy_is_marked_uncorroborated():
    at = open_page(studios_section="incentives", studio_incentives_view="table")
    warnings = [w.value.replace("\\", "") for w in at.warning]
    assert warnings == ["Hotel subsidy share of about 40% is uncorroborated: it appears only in a seed article "
                        "(Bastille Post (China Media Group / CGTN), Aug 2025), and no other source states it."]
    table = next(d.value for d in at.dataframe if "Applies to" in d.value.columns)
    hotel = table[table["Figure"] == "Hotel subsidy share"]
    assert hotel["Corroborated"].tolist() == ["uncorroborated (one source)"]
    assert warehouse("""SELECT corroborated FROM fct_claims WHERE metric = 'hotel_subsidy_share'
                        AND entity_id = 'oriental-movie-metropolis'""") == [(False,)]


def test_picking_a_studio_changes_the_page_and_the_url():
    at = open_page()
    at.selectbox(key="url_studio").set_value("versa-leeds-studios")
    at = rerun(at)
    assert at.query_params["studio"] in ("versa-leeds-studios", ["versa-leeds-studios"])
    assert text_of(at.header[0].value) == "Versa Leeds Studios (Leeds)"
    n = warehouse("SELECT count(DISTINCT production_id) FROM production_locations WHERE studio_id = 'versa-leeds-studios'")
    assert n == [(2,)]
    assert "**2 productions documented as shot at Versa Leeds Studios, 2023–2023; a source dates the shoot for 0 of " \
           "them.**" in bold(at)
    # GB incentives apply to a Leeds base
    section_switch(at).set_value("incentives")
    at = rerun(at)
    assert at.query_params["studios_section"] in ("incentives", ["incentives"])
    assert any("Production incentive rate of 53%" in w.value for w in at.warning)


def test_url_round_trip_and_comparison_table():
    at = open_page(studio="hengdian-world-studios", studios_section="comparison", studios_comparison_view="table")
    assert at.selectbox(key="url_studio").value == "hengdian-world-studios"
    table = next(d.value for d in at.dataframe if "Productions documented" in d.value.columns)
    rows = dict(zip(table["Studio base"], zip(table["Productions documented"], table["Figures reported (claims)"])))
    expected = warehouse("""SELECT s.name_en,
        (SELECT count(DISTINCT production_id) FROM production_locations l WHERE l.studio_id = s.studio_id),
        (SELECT count(*) FROM claims c WHERE c.entity_type = 'studio' AND c.entity_id = s.studio_id)
        FROM studios s""")
    assert rows == {name: (p, c) for name, p, c in expected}
    assert rows["Oriental Movie Metropolis"] == max(rows.values())  # the best documented base


def test_every_claim_of_every_fact_is_listed_and_one_fact_is_charted():
    at = open_page(studios_section="facts")
    summary = next(d.value for d in at.dataframe if "Publisher" in d.value.columns and "Figure" in d.value.columns)
    expected = warehouse("""SELECT m.label_en, count(*), count(*) FILTER (WHERE NOT c.corroborated),
                                   count(*) FILTER (WHERE c.in_conflict)
        FROM fct_claims c JOIN metrics m USING (metric)
        WHERE c.entity_type = 'studio' AND c.entity_id = 'oriental-movie-metropolis'
          AND c.metric NOT IN ('hotel_subsidy_share', 'production_cost_subsidy_share', 'film_fund', 'incentive_rate')
        GROUP BY m.label_en""")
    assert sum(n for _, n, _, _ in expected) == len(summary) > len(expected) > 1
    counted = summary.groupby("Figure").agg(n=("Value", "size"),
                                            lonely=("Corroborated", lambda s: (s != "yes").sum()),
                                            disputed=("Sources disagree", lambda s: (s == "yes").sum()))
    assert {f: tuple(int(v) for v in row) for f, row in counted.iterrows()} == \
        {label: (n, lonely, disputed) for label, n, lonely, disputed in expected}
    assert list(dict.fromkeys(summary["Figure"]))[:4] == ["Sound stages", "Investment", "Largest sound stage area",
                                                          "Site area"]
    stages = summary[summary["Figure"] == "Sound stages"]
    assert sorted(set(stages["Value"])) == ["30", "40", "about 40", "planned 30", "planned 45", "planned 52"]
    # only the fact picked is drawn, and only this section's chart
    assert at.get("pills")[0].value == "sound_stages"
    assert len(at.get("plotly_chart")) == 1


def test_the_fact_charted_lives_in_the_url():
    at = open_page(studios_section="facts", studio_fact="investment", studio_investment_view="table")
    assert at.get("pills")[0].value == "investment"
    table = next(d.value for d in at.dataframe if "Qualifier" in d.value.columns)  # the fact box's table
    n = warehouse("""SELECT count(*) FROM fct_claims WHERE entity_type = 'studio' AND metric = 'investment'
                     AND entity_id = 'oriental-movie-metropolis'""")[0][0]
    assert len(table) == n > 1
    assert any(text_of(s.value).startswith("Investment") for s in at.header)
    assert not any(text_of(s.value).startswith("Sound stages") for s in at.header)
    # a fact another studio lacks falls back to that studio's first fact
    at.selectbox(key="url_studio").set_value("studio81-leeds")
    at = rerun(at)
    assert at.get("pills")[0].options == ["Sound stages", "Opening"]
    assert at.get("pills")[0].value == "sound_stages"
    assert any(text_of(s.value).startswith("Sound stages") for s in at.header)


def test_a_studio_without_figures_says_so():
    at = open_page(studio="cangmashan-film-city", studios_section="facts")
    assert warehouse("SELECT count(*) FROM claims WHERE entity_type = 'studio' AND entity_id = 'cangmashan-film-city'") \
        == [(0,)]
    assert "No source reports figures for this base yet." in [i.value for i in at.info]
    assert not at.get("pills")


def test_one_section_at_a_time_switched_in_place():
    """The section switch swaps the content under the card and writes ?studios_section=; the card stays."""
    at = open_page()
    assert section_switch(at).value == "productions" and "studios_section" not in at.query_params
    assert [text_of(s.value) for s in at.header] == ["Oriental Movie Metropolis (Qingdao)",
                                                "Productions shot at Oriental Movie Metropolis, by year"]
    section_switch(at).set_value("comparison")
    at = rerun(at)
    assert at.query_params["studios_section"] in ("comparison", ["comparison"])
    assert [text_of(s.value) for s in at.header] == ["Oriental Movie Metropolis (Qingdao)", "The bases side by side"]
    (n,), = warehouse("SELECT count(*) FROM studios")
    (productions, claims), = warehouse("""SELECT
        (SELECT count(DISTINCT production_id) FROM production_locations WHERE studio_id = 'oriental-movie-metropolis'),
        (SELECT count(*) FROM claims WHERE entity_type = 'studio' AND entity_id = 'oriental-movie-metropolis')""")
    assert bold(at) == [f"**Oriental Movie Metropolis is the best documented of {n} bases: {productions} productions "
                        f"and {claims} reported figures.**"]
    assert len(at.get("plotly_chart")) == 1
    # the URL reproduces it in a fresh session
    fresh = open_page(studios_section="comparison")
    assert [text_of(s.value) for s in fresh.header] == [text_of(s.value) for s in at.header]
