"""What the page's document needs for its language, as fixed HTML: the `<html lang>` and the fonts.

Pure (no Streamlit): ui.document_frame() puts it on every page. Nothing here carries data: each
language has one constant script and one constant stylesheet, chosen by the language code (one of
i18n.LANGUAGES), so nothing a source wrote can reach the document.

- Chromium picks Chinese glyph forms from the document's language; Streamlit always serves
  `<html lang="en">` and has no API to change it, so a one-line script sets it.
- The fonts are Noto Sans SC and TC, subset by `python -m etl fonts` and served by Streamlit from
  static/fonts/ at app/static/fonts/ (relative: it works under every page's URL). The theme
  (.streamlit/config.toml) draws text with Streamlit's Source Sans, then "Filmdash Han", then
  "Filmdash Han Alt". Which file each of those two names means depends on the language: a 繁體 page
  draws Han characters with Noto Sans TC first, the others with Noto Sans SC first (each falls back
  to the other for a character it lacks). One family name per role, redefined per language, is
  what lets the order change without overriding Streamlit's own CSS on every element. Hangul (the
  quotes of Korean-language sources) comes from Noto Sans KR, cut to Hangul alone and declared for
  both names with a unicode-range, so the browser fetches it only for a page that shows Korean.
"""

from __future__ import annotations

from filmdash.core.i18n import LANGUAGES

FONT_URL = "app/static/fonts/"
HAN, HAN_ALT = "Filmdash Han", "Filmdash Han Alt"
WEIGHTS = (400, 700)
# the shipped Han fonts in the order a language prefers them
FONT_ORDER = {"en": ("sc", "tc"), "zh-Hans": ("sc", "tc"), "zh-Hant": ("tc", "sc")}
# the fonts a machine may have installed, in each language's order: the last resort for a character
# the shipped subsets lack
SYSTEM_HAN = {"sc": ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"),
              "tc": ("Noto Sans CJK TC", "Noto Sans CJK HK", "Source Han Sans TC", "Microsoft JhengHei",
                     "PingFang TC")}


# the same shipped fonts as exported images see them (export_fonts: TrueType under names of their own,
# through fontconfig), so an exported chart is drawn with them and not with whatever the machine has
EXPORT_HAN = {"sc": "Filmdash Noto Sans SC", "tc": "Filmdash Noto Sans TC"}


def font_family(lang: str) -> str:
    """The CSS font-family for charts: Latin, this app's Han fonts (as the page loads them, then as
    exported images find them), then installed ones, in the language's order."""
    order = FONT_ORDER[lang]
    names = ["Source Sans", HAN, HAN_ALT, EXPORT_HAN[order[0]], EXPORT_HAN[order[1]],
             *SYSTEM_HAN[order[0]], *SYSTEM_HAN[order[1]], "Noto Sans"]
    return ", ".join(f"'{n}'" for n in names) + ", sans-serif"


HANGUL_RANGE = "U+1100-11FF,U+3130-318F,U+AC00-D7AF"  # etl.fonts.HANGUL


def _font_faces(lang: str) -> str:
    rules = []
    for family, script in zip((HAN, HAN_ALT), FONT_ORDER[lang]):
        for weight in WEIGHTS:
            rules.append(f'@font-face{{font-family:"{family}";font-style:normal;font-weight:{weight};'
                         f'font-display:swap;src:url({FONT_URL}noto-sans-{script}-{weight}.woff2) format("woff2")}}')
            rules.append(f'@font-face{{font-family:"{family}";font-style:normal;font-weight:{weight};'
                         f'font-display:swap;src:url({FONT_URL}noto-sans-kr-{weight}.woff2) format("woff2");'
                         f'unicode-range:{HANGUL_RANGE}}}')
    return "\n".join(rules)


# WCAG AA contrast where Streamlit's own styles fall short and the theme cannot reach: a disabled
# widget's label (drawn at 40 % of the text colour, 2.6:1) at 5.7:1
CONTRAST_CSS = 'label[data-testid="stWidgetLabel"][disabled] p { color: #666666; }'


def _frame(lang: str) -> str:
    return (f"<style>\n{_font_faces(lang)}\n{CONTRAST_CSS}\n</style>\n"
            f'<script>document.documentElement.lang = "{lang}";</script>')


# built once from the closed list of languages: the only HTML this module ever returns
FRAMES = {lang: _frame(lang) for lang in LANGUAGES}


def frame_html(lang: str) -> str:
    """The fixed <style> and <script> for a language (KeyError for anything else)."""
    return FRAMES[lang]
