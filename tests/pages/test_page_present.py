"""Presenter mode under AppTest: the slide in the URL, the hidden buttons the keys click (next,
previous, jump, next language keeping the slide), and ?present=1 on a page."""

from __future__ import annotations

from filmdash.core import db
from filmdash.presenter import slides as present
from tests.pages.apptest import in_root, run_app

DECK = present.read_deck()


def shown_html(at) -> str:
    return "\n".join(str(h.proto.body) for h in at.get("html"))


def click(at, key: str):
    with in_root():
        at.button(key=key).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_slide_and_language_live_in_the_url():
    at = run_app("/present", slide="2", lang="zh-Hans")
    view = present.slide_view(db.warehouse_id(), DECK.slide(2).box, DECK.slide(2).params, "zh-Hans")
    html = shown_html(at)
    assert view.takeaway in html and 'data-slide="2"' in html and f'data-total="{len(DECK)}"' in html
    click(at, "present_next")
    assert at.query_params["slide"] == "3"
    assert 'data-slide="3"' in shown_html(at)
    click(at, "present_prev")
    click(at, "present_prev")
    assert at.query_params["slide"] == "1"
    click(at, f"present_goto_{len(DECK)}")
    assert at.query_params["slide"] == str(len(DECK))
    click(at, "present_loop")  # autoplay's step wraps round
    assert at.query_params["slide"] == "1"
    click(at, "present_lang")
    assert at.query_params["lang"] == "zh-Hant" and at.query_params["slide"] == "1"
    title = DECK.slide(1).title["zh-Hant"]
    assert title in shown_html(at)


def test_an_out_of_range_slide_is_clamped():
    at = run_app("/present", slide="99", lang="en")
    assert at.query_params["slide"] == str(len(DECK))


def test_present_on_a_page_shows_its_chart_box():
    at = run_app("/studios", studios_section="comparison", present="1", lang="en")
    view = present.slide_view(db.warehouse_id(), "studios_comparison", {"studios_section": "comparison"}, "en")
    html = shown_html(at)
    assert view.title in html and view.takeaway in html
    assert not at.get("selectbox")  # no controls: the page's own script did not run
