"""axe-core (npm, `npm ci`) in Chromium on every page in every language, the researchers' desk (/data,
its three tabs) and presenter mode (/present) included: no critical or serious WCAG 2.1 A/AA violation
(colour contrast at AA through the app's theme) and headings in order (h1, then h2 ...). The charts
keep their takeaway as their accessible description; the desk's controls are reachable by Tab (the
slides move by a clicker's keys alone: test_present_browser.py). One server and one Chromium for the
whole run (conftest's session fixtures), one page load a case; the same load checks that `<html lang>`
follows the page's language (test_language_browser.py checks it after a switch)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import ROOT

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ("/", "/cities", "/companies", "/coproductions", "/studios", "/events", "/map", "/sources", "/data",
         "/present")
# the desk's other tabs, one language each (their markup does not change with the language)
MORE = (("/data?tab=sql", "zh-Hans"), ("/data?tab=release", "zh-Hant"))
RUN_AXE = """async () => {
  const result = await axe.run(document, {runOnly: {type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
  return result.violations
    .filter(v => v.impact === 'critical' || v.impact === 'serious' || v.id === 'heading-order')
    .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.html.slice(0, 160))}));
}"""


CASES = [(path, lang) for path in PAGES for lang in ("en", "zh-Hans", "zh-Hant")] + list(MORE)


@pytest.mark.parametrize("path, lang", CASES)
def test_axe_finds_no_serious_violation(open_page, path, lang):
    assert AXE.exists(), "node_modules/axe-core is missing: run `npm ci` (make test does)"
    page = open_page(f"{path}{'&' if '?' in path else '?'}lang={lang}")
    # the document's language follows the page's (screen readers, fonts): checked on the same load
    assert page.page.evaluate("() => document.documentElement.lang") == lang, (path, lang)
    page.page.add_script_tag(path=str(AXE))
    violations = page.page.evaluate(RUN_AXE)
    assert violations == [], violations
    headings = page.page.evaluate("() => [...document.querySelectorAll('[data-testid=stMain] h1, "
                                  "[data-testid=stMain] h2, [data-testid=stMain] h3')].map(h => +h.tagName[1])")
    assert headings[0] == 1 and headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(headings, headings[1:])), headings
    assert page.external == [], page.external
    if path.startswith(("/data", "/present")):  # the pages this check came to last: look at them
        page.screenshot(f"axe{path.replace('/', '-').replace('?', '-')}-{lang}")


def test_axe_reports_what_it_should(open_page):
    """The check can fail: grey text planted on white is reported as a serious contrast violation."""
    page = open_page("/?lang=en")
    page.page.evaluate("""() => { const p = document.createElement('p'); p.textContent = 'low contrast';
        p.style.color = '#bbbbbb'; document.querySelector('[data-testid=stMain] h1').after(p); }""")
    page.page.add_script_tag(path=str(AXE))
    assert [v["id"] for v in page.page.evaluate(RUN_AXE)] == ["color-contrast"]


def test_charts_carry_their_takeaway_as_description(open_page):
    page = open_page("/?lang=zh-Hant")
    described = page.page.evaluate("""() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')]
        .map(c => c.getAttribute('aria-label') || (c.querySelector('[aria-label]') || {}).ariaLabel || '')""")
    assert described and all(d.strip() for d in described), described


FOCUSED = """() => { const e = document.activeElement, r = e.getBoundingClientRect();
  return {tag: e.tagName, label: (e.getAttribute('aria-label') || e.getAttribute('placeholder') || e.textContent || '')
          .trim().slice(0, 60), testid: (e.closest('[data-testid]') || {}).dataset?.testid || '',
          shown: r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'}; }"""


def test_the_desk_is_reachable_by_keyboard(open_page):
    """Tab alone reaches the language switch, the table picker, search, sort, the page controls and the
    downloads on /data, each visible when it has the focus; the grid does not trap the focus."""
    page = open_page("/data?lang=en&table=companies")
    reached = []
    for _ in range(90):
        page.page.keyboard.press("Tab")
        reached.append(page.page.evaluate(FOCUSED))
    shown = [f"{f['testid']}:{f['label']}" for f in reached if f["shown"]]
    for wanted in ("stButtonGroup:English", "stSelectbox:Table", "stTextInputField:Search", "stSelectbox:Sort by",
                   "stBaseButton-secondary:Next page", "stBaseButton-secondary:Rows shown: CSV ("):
        assert any(s.startswith(wanted) for s in shown), (wanted, shown)
    downloads = [s for s in shown if s.startswith("stBaseButton-secondary:") and "CSV (" in s]
    assert downloads, shown

