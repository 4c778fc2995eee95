"""Presenter slides on the shipped warehouse: each is the page's own view (the same title, takeaway
and figure its view function gives), restyled large; sources in one line; QR links."""

from __future__ import annotations

import pytest

from filmdash.core import db, qr
from filmdash.core.i18n import LANGUAGES, t
from filmdash.presenter import slides as present
from filmdash.views import coproductions as cp
from filmdash.views import overview, studios

DECK = present.read_deck()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_slide_of_the_deck_draws_in_every_language(lang):
    warehouse = db.warehouse_id()
    for slide in DECK.slides:
        view = present.slide_view(warehouse, slide.box, slide.params, lang)
        assert view.title and view.takeaway and view.source_ids, (slide.number, lang)
        assert len(view.figure.data) > 0, slide.number


def test_a_slide_is_the_pages_own_view():
    warehouse = db.warehouse_id()
    content = overview.content(warehouse, "zh-Hant")
    stages = present.slide_view(warehouse, "omm_stages", {}, "zh-Hant")
    assert (stages.title, stages.takeaway) == (content.stages_title, content.stages_takeaway)
    assert stages.figure is content.stages_figure  # the page's cached figure, not a copy of its query
    name = "Oriental Movie Metropolis"
    view = studios.productions_view(warehouse, "oriental-movie-metropolis", name, "en")
    slide = present.slide_view(warehouse, "studio_productions", {"studio": "oriental-movie-metropolis"}, "en")
    assert slide.takeaway == view.takeaway and slide.figure is view.figure and slide.source_ids == view.source_ids
    span = db.query("coproductions_options").query("kind == 'years'").iloc[0]
    filters = cp.Filters(int(span["first_year"]), int(span["last_year"]), (), ("CN", "RU"))
    network = present.slide_view(warehouse, "coproductions_network", {"country": "CN,RU"}, "en")
    assert network.takeaway == cp.network_view(warehouse, filters, "en").takeaway
    assert network.title == t("coproductions_box_network_title", "en")


def test_the_presenter_figure_has_no_text_under_24_px():
    warehouse = db.warehouse_id()
    for slide in DECK.slides:
        fig = present.presenter_figure(present.slide_view(warehouse, slide.box, slide.params, "en").figure)
        layout = fig.layout
        assert layout.font.size >= 24 and layout.legend.font.size >= 24
        for axis in [a for name in dir(layout) if name.startswith(("xaxis", "yaxis")) for a in [getattr(layout, name)]]:
            if axis is not None:
                assert axis.tickfont.size >= 24 and axis.title.font.size >= 24, slide.number
        for annotation in layout.annotations:
            assert annotation.font.size >= 24
        for trace in fig.data:
            if "textfont" in trace and trace.textfont.size is not None:
                assert trace.textfont.size >= 24
        assert layout.uniformtext.minsize >= 24  # bar labels that do not fit are hidden, never shrunk


def test_the_sources_line_fits_its_budget_and_counts_every_source():
    warehouse = db.warehouse_id()
    view = present.slide_view(warehouse, "coproductions_network", {}, "en")
    line = present.sources_line(view.source_ids, "en", 32)
    n = len(set(view.source_ids))
    assert line.startswith(f"Sources ({n}): ") and " more" in line
    assert present._em(line) <= 32
    assert present.sources_line([], "en") == t("no_sources", "en")


def test_qr_links_point_at_the_same_view(monkeypatch):
    slide = DECK.slide(7)
    monkeypatch.delenv(qr.PUBLIC_URL_ENV, raising=False)
    assert qr.public_base("javascript:alert(1)", None) is None
    assert qr.public_base(None, "http://localhost:8501/present") == "http://localhost:8501/present"
    monkeypatch.setenv(qr.PUBLIC_URL_ENV, "http://10.0.0.5:8501/")
    base = qr.public_base(None, "http://localhost:8501")
    assert base == "http://10.0.0.5:8501"
    assert qr.public_base("https://booth.example/fd?x=1#y") == "https://booth.example/fd"
    url = qr.view_url(base, present.PAGE_PATHS[slide.page], slide.query("zh-Hans"))
    assert url == "http://10.0.0.5:8501/coproductions?coproductions_section=network&country=CN%2CRU&lang=zh-Hans"
    png = qr.png(url)
    assert png.startswith(b"\x89PNG") and png != qr.png(url + "&slide=2")
    assert qr.svg(url).lstrip().startswith("<svg")


def test_bilingual_titles():
    titles = present.titles({"en": "E", "zh-Hant": "繁"}, "zh-Hant", True, lambda code: f"view-{code}")
    assert titles == [("en", "E"), ("zh-Hant", "繁")]
    assert present.titles(None, "en", True, lambda code: f"view-{code}") == [("en", "view-en"),
                                                                             ("zh-Hans", "view-zh-Hans")]
    assert present.titles(None, "zh-Hans", False, lambda code: f"view-{code}") == [("zh-Hans", "view-zh-Hans")]


def test_the_stage_figure_is_made_once_and_is_the_presenter_figure():
    warehouse = db.warehouse_id()
    params = {"country": "CN,RU"}
    first = present.stage_figure(warehouse, "coproductions_network", params, "zh-Hans")
    assert present.stage_figure(warehouse, "coproductions_network", dict(params), "zh-Hans") is first
    expected = present.presenter_figure(present.slide_view(warehouse, "coproductions_network", params, "zh-Hans").figure)
    assert first.to_json() == expected.to_json()
    assert present.stage_figure(warehouse, "coproductions_network", params, "en").to_json() != first.to_json()
