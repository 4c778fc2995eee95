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
