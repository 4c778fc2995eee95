"""Presenter mode on screen (the Streamlit side of presenter.slides): one slide full screen, no
sidebar, header, toolbar or controls; title and takeaway in large type, the chart filling the rest,
the sources in one line at the foot, a 'data as of' stamp and a QR code for the same view.

The keyboard (a clicker sends PageDown/PageUp) drives hidden buttons through one fixed script with
no data in it; the slide and the language live in the URL (?slide=3&lang=zh-Hant).
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Mapping
from pathlib import Path

import streamlit as st

from filmdash.core import db, deck, qr, ui
from filmdash.core.i18n import LANGUAGES, language, set_language, t
from filmdash.core.params import parse_choice, parse_count, parse_seconds, parse_url
from filmdash.presenter import slides as present

STATIC = Path(__file__).resolve().parent  # present.css and keys.js beside this file
_DECK_NAME = re.compile(r"[a-z0-9_-]{1,40}")
# parameters of presenter mode itself, never a page's view
OWN_PARAMS = ("present", "slide", "lang", "bilingual", "autoplay", "public_url", "deck")
SWITCH = ("0", "1")
# ?autoplay=N: seconds between slides; keys.js reads the same range (AUTOPLAY_MIN, AUTOPLAY_MAX)
AUTOPLAY_MIN, AUTOPLAY_MAX = 0.2, 86_400


def requested() -> bool:
    """?present=1 on any page (any value but 0 or 1 is ignored with a notice)."""
    return ui.url_value("present", lambda raw: parse_choice(raw, SWITCH)) == "1"


def _style() -> None:
    st.html(f"<style>{(STATIC / 'present.css').read_text(encoding='utf-8')}</style>")


def _script() -> str:
    return f"<script>{(STATIC / 'keys.js').read_text(encoding='utf-8')}</script>"


def deck_path() -> Path:
    """?deck=NAME picks data/decks/NAME.toml (a plain name of a deck that exists); the FilMart deck
    by default, and for any other value, with a notice."""
    return ui.url_value("deck", parse_deck) or deck.DEFAULT_DECK


def parse_deck(raw: str | None) -> Path | None:
    """The deck file a ?deck= value names, or None (not a plain name, or no such deck)."""
    name = str(raw).strip() if raw is not None else ""
    path = deck.DECKS_DIR / f"{name}.toml"
    return path if _DECK_NAME.fullmatch(name) and path.is_file() else None


def _public_base(notice: bool = True) -> str | None:
    """?public_url= (a refused value said once, by the slide), else the environment's or the browser's."""
    fallback = None
    try:
        url = st.context.url
        fallback = url.split("?")[0].rsplit("/", 1)[0] if url else None
    except AttributeError:
        pass
    requested = ui.url_value("public_url", parse_url) if notice else parse_url(ui.param("public_url"))
    return qr.public_base(requested, fallback)


def _heading(lang: str, bilingual: bool, title_override: Mapping[str, str] | None, view_title) -> str:
    shown = present.titles(title_override, lang, bilingual, view_title)
    return "".join(f'<h1 class="present-title" lang="{code}">{html.escape(text)}</h1>' for code, text in shown)


def slide(box: str, params: Mapping[str, str], page: str, title_override: Mapping[str, str] | None = None,
          counter: str = "") -> None:
    """Draw one slide: the chart box `box` of `page` at `params`."""
    lang = language()
    warehouse = db.warehouse_id()
    bilingual = ui.url_value("bilingual", lambda raw: parse_choice(raw, SWITCH)) == "1"
    _style()
    try:
        view = present.slide_view(warehouse, box, params, lang)
    except Exception as error:  # a slide that cannot be drawn says so and the deck goes on
        st.error(t("present_slide_error", n=counter or "?", error=error))
        return

    def view_title(code: str) -> str:
        return view.title if code == lang else present.slide_view(warehouse, box, params, code).title

    base = _public_base()
    url = qr.view_url(base, present.PAGE_PATHS[page], deck.Slide(0, page, box, dict(params)).query(lang)) if base else None
    if url is not None and not qr.encodable(url):  # a link too long for a code a phone can read
        url = None
    with st.container(horizontal=True, key="present_top", vertical_alignment="top"):
        with st.container(key="present_heading"):
            st.html(_heading(lang, bilingual, title_override, view_title)
                    + f'<p class="present-takeaway" lang="{lang}">{html.escape(view.takeaway)}</p>')
        if url:
            with st.container(key="present_qr", width=190):
                st.html(f'<figure class="present-qr" title="{html.escape(url)}" '
                        f'><img alt="{html.escape(t("present_qr_alt", url=url))}" src="data:image/png;base64,'
                        f'{base64.b64encode(qr.png(url)).decode("ascii")}">'
                        f'<figcaption lang="{lang}">{html.escape(t("present_qr_caption"))}</figcaption></figure>')
    with st.container(key="present_stage"):
        st.plotly_chart(present.stage_figure(warehouse, box, params, lang), key="present_chart", height="stretch",
                        config={**ui.PLOTLY_CONFIG, "displayModeBar": False, "responsive": True},
                        width="stretch", alt=view.takeaway)
    stamp = present.data_as_of(warehouse, lang) + (f" · {counter}" if counter else "")
    st.html(f'<footer class="present-foot" lang="{lang}"><span class="present-sources">'
            f'{html.escape(present.sources_line(view.source_ids, lang))}</span>'
            f'<span class="present-stamp">{html.escape(stamp)}</span></footer>')


def _goto(number: int) -> None:
    st.query_params["slide"] = str(number)


def _next_language(lang: str) -> None:
    chosen = LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]
    st.query_params["lang"] = chosen
    st.session_state["language_choice"] = chosen
    set_language(chosen)


def _controls(number: int, total: int, lang: str) -> None:
    """Hidden buttons the key script clicks (a rerun, no page reload), and the script itself."""
    with st.container(key="present_keys"):
        st.button(t("present_prev"), key="present_prev", on_click=_goto, args=(max(1, number - 1),))
        st.button(t("present_next"), key="present_next", on_click=_goto, args=(min(total, number + 1),))
        st.button(t("present_next_loop"), key="present_loop", on_click=_goto, args=(number % total + 1,))
        for n in range(1, total + 1):
            st.button(t("present_goto", n=n), key=f"present_goto_{n}", on_click=_goto, args=(n,))
        st.button(t("present_language"), key="present_lang", on_click=_next_language, args=(lang,))
        st.html(f'<span class="present-state" data-slide="{number}" data-total="{total}"></span>')
        st.html(_script(), unsafe_allow_javascript=True)


def _handouts_module():
    from filmdash.presenter import handouts  # kaleido, python-pptx and fpdf2 load only when a handout is asked for

    return handouts


def _handouts(the_deck: deck.Deck, lang: str) -> None:
    """The deck as PPTX and PDF, built when clicked (kaleido draws the charts offline). Shown when
    the presenter presses D."""
    warehouse = db.warehouse_id()
    base = _public_base(notice=False)
    with st.container(key="present_tools", horizontal=True):
        st.download_button(t("present_download_pptx"), lambda: _handouts_module().pptx_bytes(the_deck, warehouse, lang, base),
                           file_name=f"{the_deck.path.stem}-{lang}.pptx", key="present_pptx", on_click="ignore",
                           mime="application/vnd.openxmlformats-officedocument.presentationml.presentation")
        st.download_button(t("present_download_pdf"), lambda: _handouts_module().pdf_bytes(the_deck, warehouse, lang, base),
                           file_name=f"{the_deck.path.stem}-{lang}.pdf", key="present_pdf", on_click="ignore",
                           mime="application/pdf")


def run_deck() -> None:
    """/present: the deck's slide ?slide=N (1-based)."""
    ui.warehouse_or_stop()
    lang = language()
    try:
        the_deck = present.load_deck(deck_path())
    except deck.DeckError as error:
        st.error(t("present_deck_error"))
        st.code("\n".join(error.problems), language=None)
        return
    total = len(the_deck)
    ui.url_value("autoplay", lambda raw: parse_seconds(raw, AUTOPLAY_MIN, AUTOPLAY_MAX))  # keys.js acts on it
    number = min(ui.url_value("slide", parse_count) or 1, total)  # past the last slide: the last
    if ui.param("slide") != str(number):
        st.query_params["slide"] = str(number)
    current = the_deck.slide(number)
    slide(current.box, current.params, current.page, current.title, t("present_counter", n=number, total=total))
    _controls(number, total, lang)
    _handouts(the_deck, lang)


def run_page(page_path: str) -> None:
    """?present=1 on a page: that page's first chart box (or the one its section shows) at the page's
    URL parameters, as one slide."""
    ui.warehouse_or_stop()
    page = next((p for p, path in present.PAGE_PATHS.items() if path == page_path), None)
    if page is None:  # a page without a chart box: the deck instead
        run_deck()
        return
    params = {k: v for k, v in st.query_params.to_dict().items() if k in present.PAGE_PARAMS[page]}
    slide(present.default_box(page, params), params, page)
    _controls(1, 1, language())
