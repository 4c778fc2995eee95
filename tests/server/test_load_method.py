"""The load test's arithmetic (bench/load/__main__.py): exact percentiles over the answered reruns,
and the target's verdict. The runs themselves are `make load`, on an idle machine."""

from __future__ import annotations

from bench.load.__main__ import percentile, verdict


def test_percentiles_are_exact_nearest_rank():
    times = [float(ms) for ms in range(1, 101)]  # 1 ... 100 ms
    assert (percentile(times, 50), percentile(times, 95), percentile(times, 99)) == (50, 95, 99)
    assert percentile([1049.0], 95) == 1049  # Locust would report 1000: the 1 s target passed
    assert percentile([], 95) == 0
    assert percentile([10.0, 20.0, 30.0], 95) == 30


def level(**changes) -> dict:
    base = {"p95_ms": 800, "failures": 0, "unanswered_waited_s": [0.4], "reruns_per_s": 10.0, "offered_per_s": 10.0}
    return {**base, **changes}


def test_the_target_is_met_only_with_nothing_missed():
    assert verdict(level()) == "**met**"
    assert verdict(level(p95_ms=1000)).startswith("**missed**: p95 1000 ms")
    assert "2 failed" in verdict(level(failures=2))
    assert "1 left waiting" in verdict(level(unanswered_waited_s=[0.2, 3.5]))
    assert "7.9 of 10.0 reruns/s served" in verdict(level(reruns_per_s=7.9))
    assert verdict(None) == "not run"


def test_a_language_switch_keeps_every_other_url_value():
    from bench.load.pages import with_lang

    assert with_lang("lang=en&cities=busan%2Cqingdao&metric=x", "zh-Hant") == \
        "lang=zh-Hant&cities=busan%2Cqingdao&metric=x"
    assert with_lang("", "en") == "lang=en"
    assert with_lang("q=&lang=zh-Hans", "en") == "lang=en&q="  # a blank value is kept, ?lang= goes first


def test_rerun_cpu_sets_a_pages_filter_to_each_option_as_a_browser_sends_it():
    from streamlit.proto.MultiSelect_pb2 import MultiSelect
    from streamlit.proto.Selectbox_pb2 import Selectbox

    from bench.load.viewer import Run
    from bench.rerun_cpu import filter_states

    run = Run(widgets={"url_status": ("multiselect", MultiSelect(id="$$ID-ab-url_status", options=["a", "b"])),
                       "url_city": ("selectbox", Selectbox(id="$$ID-cd-url_city", options=["x", "y", "z"]))})
    multi = filter_states(run, "url_status")
    assert [(s.id, list(s.string_array_value.data)) for s in multi] == [("$$ID-ab-url_status", ["a"]),
                                                                          ("$$ID-ab-url_status", ["b"])]
    assert [s.string_value for s in filter_states(run, "url_city")] == ["x", "y", "z"]
    assert filter_states(run, None) == [] and filter_states(run, "url_other") == []
