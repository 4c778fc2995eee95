"""axe-core (npm, `npm ci`) in Chromium on every page in every language: no critical or serious
WCAG 2.1 A/AA violation (colour contrast at AA through the app's theme) and headings in order
(h1, then h2 ...). The charts keep their takeaway as their accessible description."""

from __future__ import annotations

import pytest

from tests.browser.conftest import ROOT

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ("/", "/cities", "/companies", "/coproductions", "/studios", "/events", "/map", "/sources")
RUN_AXE = """async () => {
  const result = await axe.run(document, {runOnly: {type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
  return result.violations
    .filter(v => v.impact === 'critical' || v.impact === 'serious' || v.id === 'heading-order')
    .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.html.slice(0, 160))}));
}"""


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", ["en", "zh-Hans", "zh-Hant"])
def test_axe_finds_no_serious_violation(open_page, path, lang):
    assert AXE.exists(), "node_modules/axe-core is missing: run `npm ci` (make test does)"
    page = open_page(f"{path}?lang={lang}")
    page.page.add_script_tag(path=str(AXE))
    violations = page.page.evaluate(RUN_AXE)
    assert violations == [], violations
    headings = page.page.evaluate("() => [...document.querySelectorAll('[data-testid=stMain] h1, "
                                  "[data-testid=stMain] h2, [data-testid=stMain] h3')].map(h => +h.tagName[1])")
    assert headings[0] == 1 and headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(headings, headings[1:])), headings
    assert page.external == [], page.external


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
