"""Every link is safe: any value in any URL parameter of any page is read by a parser in
core.params; a value it refuses is ignored with a visible, translated notice, never an exception.

Each case opens a page with a set of its parameters all holding one hostile value (a gate such as
?cities= that stops the page when empty gets a case of its own, so the rest are read) and checks:
the page ran without an exception, and each parameter named is quoted in a notice."""

from __future__ import annotations

import pytest

from filmdash.core.i18n import t
from tests.pages.apptest import open_app

# The values an attacker tried, and their cousins: numbers that overflow int(float(...)), digits
# that are digits only to Unicode, unknown options, empty and unknown multi-values, control and
# bidirectional-override characters with markup, and a value longer than any control could write.
HOSTILE = {
    "inf": "inf",
    "minus_inf": "-inf",
    "1e400": "1e400",
    "fullwidth": "２０２１",
    "multi": ",,zz,,2016-2020-2030,",
    "control": "\x00\u202e<b>x</b>\n[a](https://evil.example)",
    "long": "9" * 5000,
}
# Free text (a search box): what a person could type is a valid value, so only values no one could
# type get a notice.
TEXT = {"q", "sources_q"}
TEXT_REFUSED = {"control", "long"}

# page -> cases: (valid parameters that pick a section, the parameters made hostile)
CASES = {
    "/": [({}, ["lang", "cities_of_film_view", "omm_stages_view", "omm_investment_view"])],
    "/cities": [
        ({}, ["cities"]),
        ({}, ["city", "metric", "mode", "cities_counts_view", "cities_claims_view"]),
    ],
    "/companies": [({}, ["q", "city", "type", "decade", "listed", "by", "company", "companies_chart_view"])],
    "/coproductions": [
        ({}, ["years", "status", "country", "year", "coproductions_section", "coproductions_network_view"]),
        ({"coproductions_section": "by_year"}, ["year", "years", "coproductions_by_year_view"]),
        ({"coproductions_section": "documented"}, ["coproductions_documented_view"]),
    ],
    "/studios": [
        ({}, ["studio", "studios_section", "studio_productions_view"]),
        ({"studios_section": "facts"}, ["studio_fact"]),
        ({"studios_section": "incentives"}, ["studio_incentives_view"]),
        ({"studios_section": "comparison"}, ["studios_comparison_view"]),
    ],
    "/events": [({}, ["events_city", "events_kind", "events_status", "events_focus", "events_rows", "events_list",
                      "events_timeline_view"])],
    "/map": [({}, ["layers", "years", "link_status", "sel", "zoom", "mode", "map_view"])],
    "/sources": [
        ({}, ["sources_section"]),
        ({"sources_section": "bibliography"}, ["sources_q", "sources_kind", "sources_source", "sources_by_year_view"]),
        ({"sources_section": "conflicts"}, ["sources_types", "sources_conflicts_rows", "sources_conflict"]),
        ({"sources_section": "uncorroborated"}, ["sources_types", "sources_seeds"]),
        ({"sources_section": "coverage"}, ["sources_coverage_view"]),
        ({"sources_section": "dictionary"}, ["sources_tables"]),
    ],
}
PARAMS = [(page, i, valid, hostile) for page, cases in CASES.items() for i, (valid, hostile) in enumerate(cases)]


def open_page(path: str, query: dict):
    return open_app(path, **query)


@pytest.mark.parametrize("kind", list(HOSTILE))
@pytest.mark.parametrize(("page", "case", "valid", "hostile"), PARAMS,
                         ids=[f"{p.strip('/') or 'overview'}-{i}" for p, i, _, _ in PARAMS])
def test_hostile_value_is_ignored_with_a_notice(page, case, valid, hostile, kind):
    value = HOSTILE[kind]
    at = open_page(page, {**valid, **dict.fromkeys(hostile, value)})
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == t(f"{page.strip('/') or 'overview'}_title", "en")  # that page, drawn
    notices = [w.value for w in at.warning]
    expected = [p for p in hostile if p not in TEXT or kind in TEXT_REFUSED]
    for name in expected:
        assert any(f"`{name}`" in n for n in notices), (name, notices)
    # the notice quotes the value cut short and escaped: no markup, no link, no control character
    for notice in notices:
        assert "<b>" not in notice and "](https" not in notice and "\x00" not in notice and "9" * 100 not in notice


def test_notice_is_translated():
    at = open_page("/coproductions", {"lang": "zh-Hant", "year": "inf"})
    assert not at.exception
    expected = t("param_ignored", "zh-Hant", name="year", value="inf")
    assert [w.value for w in at.warning] == [expected]


def test_unknown_language_is_a_notice_in_the_default_language():
    at = open_page("/", {"lang": "klingon"})
    assert not at.exception
    assert any("klingon" in w.value and "lang" in w.value for w in at.warning)
    assert at.query_params["lang"] == "en"  # and the URL corrected


def test_valid_links_give_no_notice():
    at = open_page("/coproductions", {"year": "2021", "years": "2010-2024", "coproductions_section": "by_year",
                                      "lang": "zh-Hans"})
    assert not at.exception
    assert not at.warning
