"""Cached content shared across sessions: frozen, and each session's DataFrames its own."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from filmdash.core.cache import ChartView, fresh, shared


def test_a_session_changing_its_frame_changes_nobody_elses():
    calls = []

    @shared(maxsize=4)
    def view(key: str) -> ChartView:
        calls.append(key)
        return ChartView(None, "takeaway", pd.DataFrame({"city": ["Qingdao", "Bradford"], "n": [1045, 3]}),
                         ["s-1", "s-2"], {"s-1": "quote"})

    first = view("a")
    first.table.loc[0, "n"] = -1
    first.table["extra"] = 0
    second = view("a")
    assert calls == ["a"]  # built once, handed out twice
    assert second.table.to_dict("list") == {"city": ["Qingdao", "Bradford"], "n": [1045, 3]}
    assert second.source_ids == ("s-1", "s-2")
    with pytest.raises(dataclasses.FrozenInstanceError):
        second.takeaway = "another"
    with pytest.raises(TypeError):
        second.quotes["s-1"] = "another quote"


def test_fresh_freezes_containers_and_copies_frames_inside_them():
    frame = pd.DataFrame({"x": [1]})
    out = fresh({"rows": [frame, {"k": "v"}], "n": 3})
    assert out["n"] == 3 and out["rows"][1]["k"] == "v"
    assert isinstance(out["rows"], tuple) and out["rows"][0] is not frame
    out["rows"][0].loc[0, "x"] = 2
    assert frame.loc[0, "x"] == 1
