"""Running every page: no page changes a figure it gets from a shared cache, and nothing it calls is
deprecated. Figures are the one part of a cached view that
is handed to every session as the same object (copying one re-validates it), so this is checked: every
figure a cached view hands out while all eight pages run, in every language, is the same JSON after."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from filmdash.core import cache
from tests.pages.apptest import run_app

PAGES = ["/", "/cities", "/companies", "/coproductions", "/studios", "/events", "/map", "/sources"]


def figures_in(value) -> list:
    if isinstance(value, go.Figure):
        return [value]
    if hasattr(value, "__dataclass_fields__"):
        return [f for name in value.__dataclass_fields__ for f in figures_in(getattr(value, name))]
    if isinstance(value, list | tuple):
        return [f for v in value for f in figures_in(v)]
    return []


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_pages_leave_the_shared_figures_as_they_got_them(monkeypatch, lang):
    handed_out: list[tuple[go.Figure, str]] = []
    original = cache.fresh

    def recording(value):
        handed_out.extend((fig, fig.to_json()) for fig in figures_in(value))
        return original(value)

    monkeypatch.setattr(cache, "fresh", recording)
    # and Streamlit warns of nothing deprecated that a page uses (it logs those; it does not raise them)
    from streamlit import deprecation_util

    deprecations: list[str] = []
    deprecation_util._shown_warnings.clear()
    monkeypatch.setattr(deprecation_util._LOGGER, "warning", lambda message, *a, **k: deprecations.append(message))
    for path in PAGES:
        at = run_app(path, lang=lang)
        assert not at.exception, path
    assert len(handed_out) >= 8  # every page draws at least one cached figure
    changed = [fig.layout.title.text for fig, before in handed_out if fig.to_json() != before]
    assert changed == []
    assert deprecations == []
