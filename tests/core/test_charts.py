"""The shared figure helpers: value axes whose tick labels follow the reader's language."""

import pandas as pd

from filmdash.core import charts
from filmdash.views import cities


def test_nice_ticks_are_round_steps_from_zero_up_to_the_top():
    assert charts.nice_ticks(55e9) == [0, 20e9, 40e9]
    assert charts.nice_ticks(55e9, count=2) == [0, 50e9]
    assert charts.nice_ticks(1.0) == [0, 0.25, 0.5, 0.75, 1.0]
    assert charts.nice_ticks(0.37) == [0, 0.1, 0.2, 0.3]  # no 0.30000000000000004
    assert charts.nice_ticks(0) == [0.0]
    assert charts.nice_ticks(float("nan")) == [0.0]


def test_value_axis_labels_follow_the_language_not_plotly_si_suffixes():
    assert charts.value_axis(55e9, "en")["ticktext"] == ["0", "20 bn", "40 bn"]
    assert charts.value_axis(55e9, "zh-Hans")["ticktext"] == ["0", "200亿", "400亿"]
    assert charts.value_axis(55e9, "zh-Hant")["ticktext"] == ["0", "200億", "400億"]
    assert charts.value_axis(55e9, "en")["tickvals"] == [0, 20e9, 40e9]


def test_claims_and_city_comparison_axes_use_the_language_ticks():
    frame = pd.DataFrame({"value_base": [50e9, 30e9], "unit": ["CNY", "CNY"], "publisher": ["A", "B"],
                          "as_of": ["2013", "2016"], "in_conflict": [True, True], "quote": ["q", "r"]})
    fig = charts.claims_side_by_side(frame, "zh-Hant")
    assert list(fig.layout.xaxis.ticktext) == ["0", "500億"]  # two ticks: the panel may be narrow
    assert list(fig.layout.xaxis.range) == [0, 50e9 * 1.1]
    rows = pd.DataFrame({"city_id": ["qingdao"], "city": ["青岛"], "claim_id": ["c1"], "as_of": ["2021"],
                         "publisher": ["China Daily"], "shown": [4000.0], "value": [4000.0], "qualifier": [None],
                         "quote": ["q"], "in_conflict": [False], "corroborated": [True]})
    fig = cities.comparison_figure(rows, "count", "absolute", "zh-Hans")
    assert list(fig.layout.xaxis.ticktext) == ["0", "2,000", "4,000"]  # top 5,800: 45% room for the labels


def test_claim_labels_keep_the_sources_qualifier():
    frame = pd.DataFrame({"value_base": [52.0, 30.0, 40.0], "unit": ["count"] * 3, "publisher": ["A", "B", "C"],
                          "as_of": ["2018", "2018", "2019"], "in_conflict": [True] * 3, "quote": ["q", "r", "s"],
                          "qualifier": ["planned", None, "about"]})
    assert list(charts.claims_side_by_side(frame, "en").data[0].text) == ["planned 52", "30", "about 40"]
    assert list(charts.claims_side_by_side(frame, "zh-Hans").data[0].text) == ["计划52", "30", "约40"]


def test_a_long_publisher_is_cut_on_the_axis_and_whole_in_the_hover():
    long = "China News Service (repost on haijuwang.com)"
    frame = pd.DataFrame({"value_base": [52.0, 30.0], "unit": ["count"] * 2, "publisher": [long, "ECNS"],
                          "as_of": ["2018-04-28", "2018-04-30"], "in_conflict": [True] * 2, "quote": ["q", "r"]})
    trace = charts.claims_side_by_side(frame, "en").data[0]
    assert list(trace.y) == ["China News Service (repost … (28 Apr 2018)", "ECNS (30 Apr 2018)"]
    assert [list(c) for c in trace.customdata] == [[f"{long} (28 Apr 2018)", "q"], ["ECNS (30 Apr 2018)", "r"]]
    assert list(charts.claims_side_by_side(frame, "zh-Hant").data[0].y)[1] == "ECNS (2018年4月30日)"


# --- data reaches a figure as text -------------------------------------------------------------

HOSTILE = '<a href="https://evil.example">EVIL</a><b>BOLD</b>'


def test_plain_escapes_tags_once():
    from filmdash.core.charts import plain

    assert plain(HOSTILE) == '&lt;a href="https://evil.example"&gt;EVIL&lt;/a&gt;&lt;b&gt;BOLD&lt;/b&gt;'
    assert plain(plain(HOSTILE)) == plain(HOSTILE)  # idempotent: a cached input may pass twice
    assert plain(["<b>", "ok"]) == ["&lt;b&gt;", "ok"] and plain(5) == 5 and plain("Film & TV") == "Film & TV"


def test_a_builder_draws_data_markup_as_text():

    import numpy as np

    from filmdash.core.charts import cities_of_film_by_year

    frame = pd.DataFrame({"year": [2009, 2014], "cities": [1, 2],
                          "names_en": [np.array(["Bradford" + HOSTILE]), np.array([HOSTILE, "Rome"])]})
    spec = cities_of_film_by_year(frame, "en").to_json()
    assert "EVIL" in spec and "<a href" not in spec and "<b>BOLD" not in spec
    assert frame["names_en"][0][0].endswith(HOSTILE)  # the caller's frame is left as it was
