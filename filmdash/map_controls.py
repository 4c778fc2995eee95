"""The map page's Streamlit controls that ui.url_widget does not cover: a year-range slider and the
clicked city or country, both kept in the URL (so a fresh URL reproduces the view)."""

from __future__ import annotations

import streamlit as st

from filmdash import maps, ui

SELECTION_PARAM = "sel"


def year_range(label: str, name: str, first: int, last: int) -> tuple[int, int]:
    """A range slider whose value lives in the URL as 'from-to' (left out when it is the full span)."""
    key = f"url_{name}"
    raw = ui.param(name)
    if key not in st.session_state or st.session_state.get(f"{key}_url") != raw:
        st.session_state[key] = maps.parse_years(raw, first, last)
        st.session_state[f"{key}_url"] = raw

    def sync():
        lo, hi = st.session_state[key]
        ui.set_param(name, f"{lo}-{hi}", f"{first}-{last}")
        st.session_state[f"{key}_url"] = ui.param(name)

    if first >= last:
        return first, last
    lo, hi = st.slider(label, min_value=first, max_value=last, step=1, key=key, on_change=sync)
    return int(lo), int(hi)


def selection() -> tuple[str, str] | None:
    return maps.parse_selection(ui.param(SELECTION_PARAM))


def follow_click(event) -> None:
    """A click on a city or country goes to the URL. Streamlit keeps reporting the last click on
    every rerun, so only a click different from the last one handled counts (a cleared selection
    is not brought back by the stale event)."""
    points = (event or {}).get("selection", {}).get("points", []) if hasattr(event, "get") else []
    clicked = maps.selection_from_points(points)
    if clicked is None or clicked == st.session_state.get("map_last_click"):
        return
    st.session_state["map_last_click"] = clicked
    if clicked != ui.param(SELECTION_PARAM):
        ui.set_param(SELECTION_PARAM, clicked)
        st.rerun()


def clear_selection() -> None:
    ui.set_param(SELECTION_PARAM, None)
