"""Presenter mode in headless Chromium, every non-local request blocked: the FilMart deck run with a
clicker's keys, legible from the back of a hall (no text under 24 CSS px, plotly's SVG text
included; nothing overflowing, outside the screen or overlapping) at 1920x1080 and 1280x720 in
all three languages. Screenshots of every slide go to tests/artifacts/present-*.png."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from filmdash.core import db
from filmdash.core import deck as deck_module
from filmdash.core.i18n import LANGUAGES
from filmdash.presenter import slides as present
from tests.browser.conftest import ARTIFACTS, Page, run_in_netns

pytestmark = pytest.mark.browser
SCREENS = ((1920, 1080), (1280, 720))
DECK = present.read_deck()

# Everything a viewer sees on the slide, measured in the page: text size, overflow, boxes outside the
# screen, and plotly texts drawn over each other.
MEASURE = r"""() => {
  const vw = window.innerWidth, vh = window.innerHeight, problems = [];
  const main = document.querySelector('[data-testid=stMain]');
  const visible = el => el && el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
  const label = el => (el.getAttribute('data-testid') || el.className.baseVal || el.className || el.tagName)
    .toString().slice(0, 50);
  let texts = 0;
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!node.textContent.trim() || !visible(el) || el.closest('style,script')) continue;
    texts++;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 24) problems.push(`small text ${size}px: "${node.textContent.trim().slice(0, 40)}" in ${label(el)}`);
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width === 0 || r.height === 0) continue;
      if (r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1)
        problems.push(`off screen: "${node.textContent.trim().slice(0, 40)}" at ${Math.round(r.left)},${Math.round(r.top)}-${Math.round(r.right)},${Math.round(r.bottom)}`);
    }
  }
  for (const el of main.querySelectorAll('*')) {
    if (!(el instanceof HTMLElement) || !visible(el) || el.closest('.js-plotly-plot')) continue;
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
      problems.push(`overflows across: ${label(el)} ${el.scrollWidth} > ${el.clientWidth}`);
    if (el.scrollHeight > el.clientHeight + 1 && ['hidden', 'auto', 'scroll', 'clip'].includes(getComputedStyle(el).overflowY))
      problems.push(`overflows down: ${label(el)} ${el.scrollHeight} > ${el.clientHeight}`);
  }
  const boxes = [];
  for (const el of main.querySelectorAll('.js-plotly-plot svg text')) {
    if (!el.textContent.trim() || !visible(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0) continue;
    // two rotated tick labels side by side have overlapping axis-aligned boxes but glyphs apart
    boxes.push([el.textContent.trim(), r, /rotate\(/.test(el.getAttribute('transform') || '')]);
  }
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, ra, rotA] = boxes[i], [b, rb, rotB] = boxes[j];
    if (rotA && rotB) continue;
    const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
    const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
    if (w > 3 && h > 3) problems.push(`overlap: "${a.slice(0, 30)}" / "${b.slice(0, 30)}"`);
  }
  return {problems, texts, svgTexts: boxes.length};
}"""


_OPEN: list[Page] = []


@pytest.fixture(autouse=True)
def _close_pages_left_open():
    """A test that fails midway leaves its page open; a page left in autoplay keeps the shared server
    rerunning four times a second and starves every later test on this worker. Close them all."""
    yield
    while _OPEN:
        page = _OPEN.pop()
        try:
            page.close()
        except Exception:  # noqa: BLE001 - already closed by the test
            pass


def open_present(browser, server, query: str, width: int = 1920, height: int = 1080) -> Page:
    page = Page(browser, server)
    _OPEN.append(page)
    page.context.close()
    page.context = browser.new_context(viewport={"width": width, "height": height}, locale="en-GB")
    page.page = page.context.new_page()
    page.page.route("**/*", page._route)
    page.page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.open(f"/present?{query}")
    wait_slide(page, None)
    return page


def wait_slide(page: Page, number: int | None, lang: str | None = None) -> None:
    """The slide shown is `number` (in `lang`), its chart drawn and the script at rest."""
    p = page.page
    selector = ".present-state" + (f'[data-slide="{number}"]' if number else "")
    p.wait_for_selector(selector, state="attached", timeout=60_000)
    if lang:
        p.wait_for_selector(f'.present-takeaway[lang="{lang}"]', timeout=60_000)
    p.wait_for_selector(".st-key-present_stage .main-svg", timeout=60_000)
    page.wait_drawn()


def state(page: Page) -> tuple[int, str]:
    slide = int(page.page.get_attribute(".present-state", "data-slide"))
    lang = page.page.get_attribute(".present-takeaway", "lang")
    return slide, lang


def url_params(page: Page) -> dict[str, str]:
    return dict(re.findall(r"[?&]([^=&]+)=([^&]*)", page.page.url))


@pytest.mark.parametrize("width,height", SCREENS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_slide_is_legible(browser, server, lang, width, height):
    page = open_present(browser, server, f"slide=1&lang={lang}", width, height)
    failures = {}
    for number in range(1, len(DECK) + 1):
        if number > 1:
            page.page.keyboard.press("ArrowRight")
            wait_slide(page, number, lang)
        assert state(page) == (number, lang)
        page.page.wait_for_timeout(300)  # plotly's last relayout to the stage's size
        result = page.page.evaluate(MEASURE)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.page.screenshot(path=str(ARTIFACTS / f"present-{lang}-{width}x{height}-{number:02d}.png"))
        assert result["texts"] > 5 and result["svgTexts"] > 0, result  # the slide and its chart drew
        if result["problems"]:
            failures[number] = result["problems"]
    assert not failures, failures
    assert page.external == [], page.external
    assert page.errors == [], page.errors
    page.close()


def test_keys_move_through_the_deck_and_languages(browser, server):
    page = open_present(browser, server, "slide=2&lang=en")
    keys = page.page.keyboard
    total = len(DECK)
    for key, expected in (("PageDown", 3), ("ArrowRight", 4), ("PageUp", 3), ("ArrowLeft", 2), ("End", total),
                          ("Home", 1), ("7", 7)):
        keys.press(key)
        wait_slide(page, expected)
        assert state(page)[0] == expected, key
        assert url_params(page)["slide"] == str(expected), (key, page.page.url)
    # two digits in a row: slide 10
    keys.press("1")
    keys.press("0")
    wait_slide(page, 10)
    assert url_params(page)["slide"] == "10"
    # L cycles the language and keeps the slide
    for lang in ("zh-Hans", "zh-Hant", "en"):
        keys.press("l")
        wait_slide(page, 10, lang)
        assert state(page) == (10, lang)
        assert url_params(page)["lang"] == lang
    # F: full screen, and back
    keys.press("f")
    page.page.wait_for_function("() => document.fullscreenElement !== null", timeout=10_000)
    keys.press("f")
    page.page.wait_for_function("() => document.fullscreenElement === null", timeout=10_000)
    assert page.external == [] and page.errors == [], (page.external, page.errors)
    page.close()


def test_bilingual_titles_and_the_view_a_qr_code_opens(browser, server):
    slide = DECK.slide(7)
    page = open_present(browser, server, "slide=7&lang=zh-Hant&bilingual=1&public_url=http://192.168.1.20:8501")
    titles = page.page.locator(".present-title")
    assert titles.count() == 2
    assert titles.nth(0).get_attribute("lang") == "en" and titles.nth(0).inner_text() == slide.title["en"]
    assert titles.nth(1).get_attribute("lang") == "zh-Hant" and titles.nth(1).inner_text() == slide.title["zh-Hant"]
    qr_url = page.page.get_attribute(".present-qr", "title")
    assert qr_url == "http://192.168.1.20:8501/coproductions?" + slide.query("zh-Hant")
    # the QR's link, opened here, shows the same view on the page itself
    page.page.goto(page.base_url + qr_url.removeprefix("http://192.168.1.20:8501"))
    page.wait_drawn()
    view = present.slide_view(db.warehouse_id(), slide.box, slide.params, "zh-Hant")
    assert page.page.get_by_text(view.takeaway).count() >= 1
    page.close()


def test_present_on_a_page_shows_that_pages_view(browser, server):
    page = open_present(browser, server, "")  # warms the server through app.py
    page.page.goto(page.base_url + "/studios?studio=oriental-movie-metropolis&studios_section=comparison&present=1")
    page.wait_drawn()
    page.page.wait_for_selector(".st-key-present_stage .main-svg", timeout=60_000)
    view = present.slide_view(db.warehouse_id(), "studios_comparison", {"studios_section": "comparison"}, "en")
    assert page.page.locator(".present-title").inner_text() == view.title
    assert not page.page.locator("[data-testid=stSidebar]").is_visible()
    page.close()


def test_a_bad_deck_names_slide_and_field(browser, server, tmp_path):
    bad = deck_module.DECKS_DIR / "zz-test-bad.toml"
    bad.write_text('title = { en = "x" }\n[[slides]]\npage = "studios"\nparams = { studio_section = "x" }\n'
                   'notes = "n"\n', encoding="utf-8")
    try:
        page = Page(browser, server).open("/present?deck=zz-test-bad")
        text = page.page.locator("[data-testid=stMain]").inner_text()
        assert "slide 1 (studios): field 'params.studio_section'" in text
        page.close()
    finally:
        bad.unlink()


def test_handouts_download_from_presenter_mode(browser, server):
    from pptx import Presentation
    from pypdf import PdfReader

    page = open_present(browser, server, "slide=4&lang=zh-Hans")
    tools = page.page.locator(".st-key-present_tools")
    assert not tools.is_visible()  # no controls on the slide until the presenter asks
    page.page.keyboard.press("d")
    tools.wait_for(state="visible")
    with page.page.expect_download(timeout=240_000) as pptx:
        page.page.locator(".st-key-present_pptx button").click()
    with page.page.expect_download(timeout=240_000) as pdf:
        page.page.locator(".st-key-present_pdf button").click()
    assert pptx.value.suggested_filename == "filmart-zh-Hans.pptx"
    slides = Presentation(pptx.value.path()).slides
    assert len(slides) == len(DECK)
    assert DECK.slide(1).title["zh-Hans"] in [s.text_frame.text for s in slides[0].shapes if s.has_text_frame]
    text = "".join(p.extract_text() for p in PdfReader(pdf.value.path()).pages)
    assert DECK.slide(10).title["zh-Hans"] in re.sub(r"\s+", "", text)
    assert page.external == [], page.external
    page.close()


def server_rss_kb(server_url: str) -> int:
    """Resident memory of the Streamlit process serving server_url (found by its port)."""
    port = server_url.rsplit(":", 1)[1]
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
            status = (proc / "status").read_text()
        except OSError:
            continue
        if b"filmdash.serve" in cmdline and port.encode() in cmdline:
            return int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
    raise LookupError(f"no server process on port {port}")


@pytest.mark.timeout(1800)  # a compressed run of hours: several hundred advances on a shared machine
def test_kiosk_autoplay_loops_without_growing_memory(browser, server):
    """?autoplay advances and loops; a compressed run of ADVANCES advances leaves the page's JS
    heap and the server's memory where a first round of the deck left them."""
    page = open_present(browser, server, "slide=1&lang=en&autoplay=0.25")
    cdp = page.context.new_cdp_session(page.page)
    cdp.send("Performance.enable")
    page.page.evaluate("""() => {
      window.__advances = 0; window.__seen = new Set();
      let last = document.querySelector('.present-state').dataset.slide;
      setInterval(() => {
        const el = document.querySelector('.present-state');
        if (el && el.dataset.slide !== last) { last = el.dataset.slide; window.__advances++; window.__seen.add(last); }
      }, 20);
    }""")

    def advances() -> int:
        return page.page.evaluate("() => window.__advances")

    def heap() -> int:
        cdp.send("HeapProfiler.collectGarbage")
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        return int(metrics["JSHeapUsedSize"])

    # one full loop and a little: every view drawn once (and cached), the baseline taken after it
    page.page.wait_for_function(f"() => window.__advances >= {len(DECK) + 2}", timeout=300_000)
    # it goes round, every slide shown (a slide shown for less than the 20 ms poll is seen on the next loop)
    page.page.wait_for_function(f"() => window.__seen.size === {len(DECK)}", timeout=300_000)
    heap_before, rss_before = heap(), server_rss_kb(server)
    start = advances()
    page.page.wait_for_function(f"() => window.__advances >= {start + ADVANCES}", timeout=1_500_000, polling=1000)
    heap_after, rss_after = heap(), server_rss_kb(server)
    report = f"JS heap {heap_before / 1e6:.1f} -> {heap_after / 1e6:.1f} MB, server {rss_before / 1e3:.0f} -> {rss_after / 1e3:.0f} MB"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "present-autoplay-memory.txt").write_text(f"{advances() - start} advances: {report}\n")
    assert heap_after <= heap_before * 1.25 + 2e6, report
    assert rss_after <= rss_before + 40_000, report  # kB
    assert page.errors == [] and page.external == [], (page.errors, page.external)
    page.close()


def test_kiosk_autoplay_pauses_when_the_presenter_takes_over_and_p_resumes(browser, server):
    """At a booth on ?autoplay, a key the deck answers to pauses the loop (the presenter has taken
    over; the slide stays), P resumes it, and P pauses it again."""
    page = open_present(browser, server, "slide=1&lang=en&autoplay=0.4")
    p = page.page

    def settled_slide() -> int:
        """The slide once every rerun started before now has finished."""
        p.wait_for_timeout(200)
        page.wait_drawn()
        return state(page)[0]

    def stays(number: int, seconds: float = 4.0) -> bool:
        """No advance over ten periods of the loop."""
        p.wait_for_timeout(seconds * 1000)
        return settled_slide() == number

    playing = "() => document.documentElement.dataset.presentAutoplay"
    assert p.evaluate(playing) == "playing"
    p.wait_for_function("() => +document.querySelector('.present-state').dataset.slide >= 3", timeout=120_000)

    p.keyboard.press("ArrowLeft")  # the presenter steps back to a slide to talk about it
    assert p.evaluate(playing) == "paused"
    held = settled_slide()
    assert stays(held), "autoplay advanced after a key press"

    p.keyboard.press("p")
    assert p.evaluate(playing) == "playing"
    p.wait_for_function(f"() => +document.querySelector('.present-state').dataset.slide !== {held}", timeout=60_000)

    p.keyboard.press("P")
    assert p.evaluate(playing) == "paused"
    assert stays(settled_slide()), "autoplay advanced after P paused it"
    assert page.errors == [] and page.external == [], (page.errors, page.external)
    page.close()


def test_p_does_nothing_without_autoplay(browser, server):
    page = open_present(browser, server, "slide=2&lang=en")
    page.page.keyboard.press("p")
    page.page.wait_for_timeout(1500)
    page.wait_drawn()
    assert state(page)[0] == 2
    assert page.page.evaluate("() => document.documentElement.dataset.presentAutoplay") is None
    page.close()


NETNS_GUARD = "FILMDASH_PRESENT_IN_NETNS"
ADVANCES = 240


def test_presenter_mode_with_only_loopback():
    """The keys and one screen's legibility again, in a network namespace with only loopback
    (`unshare -n`, as root): the FilMart hall with its network down."""
    run_in_netns("tests/browser/test_present_browser.py", "keys_move or legible and zh-Hant-1920", NETNS_GUARD,
                 passed=2, timeout=900)
