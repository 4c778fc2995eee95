"""The fixed HTML each language puts in the document, and the fonts charts ask for."""

from __future__ import annotations

import re

import pytest

from filmdash.core import document
from filmdash.core.i18n import LANGUAGES
from filmdash.core.paths import STATIC_DIR
from filmdash.core.style import base_layout


@pytest.mark.parametrize("lang", LANGUAGES)
def test_frame_sets_the_document_language_and_nothing_else(lang):
    html = document.frame_html(lang)
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert scripts == [f'document.documentElement.lang = "{lang}";']


def test_frame_is_only_for_the_three_languages():
    assert set(document.FRAMES) == {"en", "zh-Hans", "zh-Hant"}
    with pytest.raises(KeyError):
        document.frame_html('en";alert(1);"')


@pytest.mark.parametrize("lang, first, second", [
    ("en", "sc", "tc"), ("zh-Hans", "sc", "tc"), ("zh-Hant", "tc", "sc"),
])
def test_han_font_faces_follow_the_language(lang, first, second):
    faces = re.findall(r'font-family:"([^"]+)";font-style:normal;font-weight:(\d+);font-display:swap;'
                       r'src:url\(app/static/fonts/([^)]+)\)', document.frame_html(lang))
    han = [face for face in faces if "-kr-" not in face[2]]
    assert han == [("Filmdash Han", "400", f"noto-sans-{first}-400.woff2"),
                   ("Filmdash Han", "700", f"noto-sans-{first}-700.woff2"),
                   ("Filmdash Han Alt", "400", f"noto-sans-{second}-400.woff2"),
                   ("Filmdash Han Alt", "700", f"noto-sans-{second}-700.woff2")]
    for _, _, file in han:
        assert (STATIC_DIR / "fonts" / file).stat().st_size > 100_000
    # Hangul for both names, from the Korean cut (tests/core/test_fonts.py checks its ranges)
    assert sorted(face for face in faces if "-kr-" in face[2]) == sorted(
        (family, weight, f"noto-sans-kr-{weight}.woff2") for family in ("Filmdash Han", "Filmdash Han Alt")
        for weight in ("400", "700"))


def test_chart_fonts_put_the_readers_script_first():
    hant = base_layout(lang="zh-Hant")["font"]["family"]
    hans = base_layout(lang="zh-Hans")["font"]["family"]
    assert hant.index("Noto Sans CJK TC") < hant.index("Noto Sans CJK SC")
    assert hans.index("Noto Sans CJK SC") < hans.index("Noto Sans CJK TC")
    assert hant.startswith("'Source Sans', 'Filmdash Han', 'Filmdash Han Alt', 'Filmdash Noto Sans TC', "
                           "'Filmdash Noto Sans SC', 'Noto Sans CJK TC'")
    assert base_layout(lang="zh-Hant")["hoverlabel"]["font"]["family"] == hant
