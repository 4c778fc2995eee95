"""Every link is safe: any value in any URL parameter of any page is read by a parser in
core.params; a value it refuses is ignored with a visible, translated notice, never an exception.

Each case opens a page with a set of its parameters all holding one hostile value (a gate such as
?cities= that stops the page when empty gets a case of its own, so the rest are read) and checks:
the page ran without an exception, and each parameter named is quoted in a notice.

No page or parameter can be forgotten: the pages are the app's own navigation (core.routes), and
a spy on Streamlit's query parameters records every name each page reads while it runs each case;
a page without cases, or a name read but not fuzzed, fails."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from streamlit.runtime.state.query_params import QueryParams

from filmdash.core import routes
from filmdash.core.i18n import t
from filmdash.presenter import slides
from tests.pages.apptest import open_app

# The values an attacker tried, and their cousins: numbers that overflow int(float(...)), digits
# that are digits only to Unicode, unknown options, empty and unknown multi-values, control and
# bidirectional-override characters with markup, and a value longer than any control could write
# (the SQL box's 20,000 characters included).
HOSTILE = {
    "inf": "inf",
    "minus_inf": "-inf",
    "1e400": "1e400",
    "negative": "-3",
    "fullwidth": "２０２１",
    "multi": ",,zz,,2016-2020-2030,",
    "control": "\x00\u202e<b>x</b>\n[a](https://evil.example)",
    "long": "9" * 25_000,
}
# Free text (a search box, the SQL box and its $parameters, a value to filter a column by): what a
# person could type is a valid value, so only values no one could type get a notice.
TEXT = {"q", "sources_q", "sql", "p.x", "f.type"}
TEXT_REFUSED = {"control", "long"}
# Read by app.py on every page: fuzzed with each page's first case.
EVERY_PAGE = ["lang", "present"]
# ?present=1 on a page shows one of its chart boxes as a slide: the page's parameters pick the box's
# view. The slide builders fall back to their defaults without a notice (the slide has no room for
# one); what is asserted for them is that the slide is drawn, never an exception.
SLIDE_SILENT = {p for params in slides.PAGE_PARAMS.values() for p in params}
FAIR = "https://fair.example/dash"  # a valid public address: the slide then draws its QR code

# page -> cases: (valid parameters that pick a section, the parameters made hostile)
CASES = {
    "/": [({}, ["cities_of_film_view", "omm_stages_view", "omm_investment_view"])],
    "/cities": [
        ({}, ["cities"]),
        ({}, ["city", "metric", "unit", "mode", "cities_counts_view", "cities_claims_view"]),
    ],
    "/companies": [({}, ["q", "city", "type", "decade", "listed", "by", "company", "companies_chart_view"])],
    "/coproductions": [
        ({}, ["years", "status", "country", "year", "coproductions_section", "coproductions_network_view"]),
        ({"coproductions_section": "by_year"}, ["year", "years", "coproductions_by_year_view"]),
        ({"coproductions_section": "documented"}, ["coproductions_documented_view"]),
    ],
    "/studios": [
        ({}, ["studio", "studios_section", "studio_productions_view"]),
        ({"studios_section": "facts"}, ["studio_fact", "studio_sound_stages_view"]),  # studio_<fact>_view
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
    "/data": [
        ({}, ["tab", "table", "q", "sort", "size", "page"]),
        ({"table": "companies"}, ["f.type", "f.no_such_column"]),  # f.<column>=value, repeatable
        ({"tab": "sql"}, ["canned", "sql"]),
        ({"tab": "sql", "sql": "SELECT $x AS x"}, ["p.x"]),  # p.<name>: the statement's $name
        ({"tab": "release"}, []),
    ],
    "/present": [({}, ["deck", "slide", "bilingual", "autoplay", "public_url"])],
}
# ?present=1 on every page that has chart boxes: that page's parameters, and the slide's own
for _page, _params in slides.PAGE_PARAMS.items():
    CASES["/" + slides.PAGE_PATHS[_page]].append(({"present": "1", "public_url": FAIR}, [*_params, "bilingual"]))
    CASES["/" + slides.PAGE_PATHS[_page]].append(({"present": "1"}, ["public_url"]))
for _cases in CASES.values():
    _cases[0] = (_cases[0][0], [*EVERY_PAGE, *_cases[0][1]])

PAGES = routes.url_paths()
PARAMS = [(page, i, valid, hostile) for page in PAGES for i, (valid, hostile) in enumerate(CASES.get(page, []))]


def page_id(page: str) -> str:
    return page.strip("/") or "overview"


def open_page(path: str, query: dict):
    return open_app(path, **query)


def drawn(at, page: str, valid: dict) -> bool:
    """The page asked for is on screen: its title, or for a slide the slide's heading."""
    if page == "/present" or valid.get("present") == "1":
        return any('class="present-title"' in str(h.proto.body) for h in at.get("html"))
    return bool(at.title) and at.title[0].value == t(f"{page_id(page)}_title", "en")


@pytest.mark.parametrize("kind", list(HOSTILE))
@pytest.mark.parametrize(("page", "case", "valid", "hostile"), PARAMS,
                         ids=[f"{page_id(p)}-{i}" for p, i, _, _ in PARAMS])
def test_hostile_value_is_ignored_with_a_notice(page, case, valid, hostile, kind):
    value = HOSTILE[kind]
    at = open_page(page, {**valid, **dict.fromkeys(hostile, value)})
    assert not at.exception, [e.value for e in at.exception]
    assert drawn(at, page, valid)
    notices = [w.value for w in at.warning]
    slide = valid.get("present") == "1"
    expected = [p for p in hostile if (p not in TEXT or kind in TEXT_REFUSED) and not (slide and p in SLIDE_SILENT)]
    for name in expected:
        assert any(f"`{name}`" in n for n in notices), (name, notices)
    # the notice quotes the value cut short and escaped: no markup, no link, no control character
    for notice in notices:
        assert "<b>" not in notice and "](https" not in notice and "\x00" not in notice and "9" * 100 not in notice
    # nothing the link carried reaches the page's HTML as markup (a slide's heading, QR code, footer)
    for html in (str(h.proto.body) for h in at.get("html")):
        assert "<b>x</b>" not in html and "9" * 1000 not in html


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_page_of_the_navigation_is_fuzzed(page):
    assert CASES.get(page), f"{page} is in the app's navigation but has no hostile-link cases"


def test_every_page_script_is_in_the_navigation():
    scripts = {script for script, _, _, _ in routes.registered()}
    assert {f"pages/{p.name}" for p in (routes.ROOT / "pages").glob("*.py")} == scripts


@contextmanager
def names_read():
    """Every query parameter name a run reads (st.query_params[...], .get, `in`, .get_all)."""
    names: set[str] = set()
    getitem, get_all = QueryParams.__getitem__, QueryParams.get_all

    def spy_getitem(self, key):
        names.add(key)
        return getitem(self, key)

    def spy_get_all(self, key):
        names.add(key)
        return get_all(self, key)

    QueryParams.__getitem__, QueryParams.get_all = spy_getitem, spy_get_all
    try:
        yield names
    finally:
        QueryParams.__getitem__, QueryParams.get_all = getitem, get_all


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_parameter_a_page_reads_is_fuzzed(page):
    """Run each case with its valid values only and record the names the page looks up: each must
    be one a case makes hostile. A parameter added to a page without a case fails here."""
    fuzzed = {name for valid, hostile in CASES.get(page, []) for name in hostile}
    read: set[str] = set()
    for valid, _ in CASES.get(page, []):
        with names_read() as names:
            at = open_page(page, valid)
        assert not at.exception, [e.value for e in at.exception]
        read |= names
    assert read, "the spy saw no parameter read"
    assert sorted(read - fuzzed) == []


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
