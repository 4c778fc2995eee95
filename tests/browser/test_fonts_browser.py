"""Chinese on a machine with no Chinese fonts: Chromium runs with fontconfig limited to one Latin
font folder (DejaVu), so every Han character on the page can only be drawn by the fonts this app
serves (static/fonts/, Noto Sans SC and TC subsets). Chromium's DevTools report which font drew
each element's text (CSS.getPlatformFontsForNode): every element with Chinese text must be drawn
by the app's fonts alone (no DejaVu, no .notdef boxes), with the reader's script first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, Page

pytestmark = pytest.mark.browser
LATIN_ONLY_DIR = "/usr/share/fonts/truetype/dejavu"
SHIPPED = re.compile(r"^(Noto Sans (SC|TC)\b.*|SourceSans3VF|Material Symbols Rounded)$")
MARK_HAN = """() => {
  let n = 0;
  for (const el of document.querySelectorAll('[data-testid=stApp] *')) {
    const own = [...el.childNodes].filter(c => c.nodeType === 3).map(c => c.textContent).join('');
    if (/[\\u3400-\\u9fff]/.test(own) && el.getClientRects().length) { el.setAttribute('data-han', ''); n++; }
  }
  return n;
}"""


@pytest.fixture(scope="module")
def latin_only_browser(browser, tmp_path_factory):
    """A second Chromium from the session's Playwright (one Playwright per process)."""
    assert Path(LATIN_ONLY_DIR, "DejaVuSans.ttf").exists()
    folder = tmp_path_factory.mktemp("fontconfig")
    conf = folder / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
                    f"<dir>{LATIN_ONLY_DIR}</dir><cachedir>{folder / 'cache'}</cachedir></fontconfig>\n")
    b = browser.browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                    env={"FONTCONFIG_FILE": str(conf), "HOME": str(folder)})
    yield b
    b.close()


def fonts_of_han_elements(page: Page) -> tuple[int, dict[str, int], dict[str, set[str]]]:
    """(elements with Chinese text, {font family: glyphs it drew}, {family: the elements' tags})."""
    p = page.page
    p.wait_for_function("() => document.fonts.status === 'loaded'")
    count = p.evaluate(MARK_HAN)
    cdp = p.context.new_cdp_session(p)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    used: dict[str, int] = {}
    where: dict[str, set[str]] = {}
    for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "[data-han]"})["nodeIds"]:
        tag = cdp.send("DOM.describeNode", {"nodeId": node})["node"]["localName"]
        for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
            used[font["familyName"]] = used.get(font["familyName"], 0) + font["glyphCount"]
            where.setdefault(font["familyName"], set()).add(tag)
    return count, used, where


def h1_fonts(page: Page) -> list[str]:
    p = page.page
    cdp = p.context.new_cdp_session(p)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "h1 span"})["nodeId"]
    return [f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]


@pytest.mark.parametrize("path, lang, script", [
    ("/", "zh-Hant", "TC"), ("/", "zh-Hans", "SC"), ("/companies", "zh-Hant", "TC"),
    ("/map", "zh-Hans", "SC"), ("/", "en", "SC"),
])
def test_chinese_is_drawn_by_the_shipped_fonts_only(latin_only_browser, server, path, lang, script):
    page = Page(latin_only_browser, server).open(f"{path}?lang={lang}")
    try:
        count, used, where = fonts_of_han_elements(page)
        assert count >= 3  # the language switch's 简体 and 繁體 at least
        others = {family: where[family] for family in used if not SHIPPED.match(family)}
        assert others == {}, f"drawn by fonts the app does not ship (boxes on this machine): {others}"
        assert any(f.startswith(f"Noto Sans {script}") for f in used), used
        if lang != "en":
            assert h1_fonts(page)[0].startswith(f"Noto Sans {script}")  # the reader's script first
        # the check can fail: Chinese asked of the machine's only font is drawn by it (as boxes)
        page.page.evaluate("""() => { const s = document.createElement('span'); s.id = 'control';
            s.style.fontFamily = 'DejaVu Sans'; s.textContent = '電影'; document.body.appendChild(s); }""")
        cdp = page.page.context.new_cdp_session(page.page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
        control = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "#control"})["nodeId"]
        assert [f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": control})["fonts"]] \
            == ["DejaVu Sans"]
        page.screenshot(f"latin-only-fonts{path.replace('/', '-')}-{lang}")
        assert page.external == [], page.external
    finally:
        page.close()
