"""Deck files: the shipped FilMart deck is valid, and every kind of mistake is reported with the
slide and the field it is in, all at once."""

from __future__ import annotations

import pytest

from filmdash.core import deck
from filmdash.presenter import slides as present


def write(tmp_path, text: str):
    path = tmp_path / "deck.toml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD_SLIDE = '[[slides]]\npage = "overview"\nbox = "omm_stages"\nnotes = "n"\n'


def test_the_filmart_deck_tells_the_seeds_story():
    the_deck = present.read_deck()
    assert 8 <= len(the_deck) <= 12
    boxes = [s.box for s in the_deck.slides]
    # Qingdao's studio base and its productions, Cities of Film, the SCO network and Red Silk's pair,
    # the documented SCO co-productions, Hangzhou's companies, FilMart and the Hangzhou pavilion
    for box in ("studio_productions", "omm_stages", "cities_of_film", "coproductions_network",
                "coproductions_documented", "companies_chart", "events_timeline"):
        assert box in boxes, box
    network = next(s for s in the_deck.slides if s.box == "coproductions_network")
    assert set(network.params["country"].split(",")) == {"CN", "RU"}
    assert "Red Silk" in network.notes["en"] and "红丝绸" in network.notes["zh-Hans"]
    filmart = the_deck.slides[-1]
    assert filmart.params["events_kind"] == "market,pavilion"
    for slide in the_deck.slides:
        assert set(slide.notes) == {"en", "zh-Hans", "zh-Hant"}, slide.number
        assert not slide.title or set(slide.title) == {"en", "zh-Hans", "zh-Hant"}, slide.number


def test_every_problem_is_named_by_slide_and_field(tmp_path):
    path = write(tmp_path, """
title = { en = "A deck", fr = "Un deck" }
[[slides]]
page = "overview"
box = "omm_stages"
notes = "fine"
[[slides]]
page = "nowhere"
notes = "x"
[[slides]]
page = "studios"
params = { studio_section = "facts", studios_section = "everything" }
notes = { zh-Hans = "只有中文" }
[[slides]]
page = "cities"
box = "omm_stages"
notes = "x"
[[slides]]
page = "events"
colour = "red"
title = { en = "" }
notes = "x"
""")
    with pytest.raises(deck.DeckError) as caught:
        present.read_deck(path)
    problems = caught.value.problems
    assert problems == [
        "deck title: unknown language 'fr' (one of en, zh-Hans, zh-Hant)",
        "slide 2: field 'page': 'nowhere' is not a page with charts (one of cities, companies, coproductions, "
        "events, overview, studios)",
        "slide 3 (studios): field 'params.studio_section': not a parameter of /studios (it keeps studio, "
        "studios_section, studio_fact)",
        "slide 3 (studios): field 'params.studios_section': 'everything' is not one of productions, facts, "
        "incentives, comparison",
        "slide 3 (studios): field 'notes': the English text ('en') is required",
        "slide 4 (cities): field 'box': 'omm_stages' is not a chart box of /cities (one of cities_claims, "
        "cities_counts)",
        "slide 5: unknown field 'colour' (one of page, box, params, title, notes)",
        "slide 5 (events): field 'title'.en: must be a non-empty text",
    ]
    assert str(path) in str(caught.value)


def test_syntax_errors_missing_files_and_empty_decks(tmp_path):
    with pytest.raises(deck.DeckError, match="not valid TOML"):
        present.read_deck(write(tmp_path, "[[slides]\npage = 1"))
    with pytest.raises(deck.DeckError, match="does not exist"):
        present.read_deck(tmp_path / "missing.toml")
    with pytest.raises(deck.DeckError) as caught:
        present.read_deck(write(tmp_path, 'title = { en = "t" }\n'))
    assert caught.value.problems == ["deck: no [[slides]]: a deck needs at least one slide"]


def test_a_slide_defaults_to_the_box_its_section_shows(tmp_path):
    the_deck = present.read_deck(write(tmp_path, 'title = { en = "t" }\n' + GOOD_SLIDE + """
[[slides]]
page = "studios"
params = { studios_section = "comparison" }
notes = "n"
[[slides]]
page = "cities"
notes = "n"
"""))
    assert [s.box for s in the_deck.slides] == ["omm_stages", "studios_comparison", "cities_claims"]
    assert the_deck.slide(99).number == 3 and the_deck.slide(0).number == 1
    assert the_deck.slides[1].query("zh-Hant") == "studios_section=comparison&lang=zh-Hant"
