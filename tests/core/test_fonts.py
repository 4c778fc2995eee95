"""The shipped fonts draw every character the app can show: each is in Noto Sans SC or TC (subset by
`python -m etl fonts`) or in Streamlit's own Source Sans. Fails when data or catalogues bring a new
character: run `make fonts` and commit static/fonts/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import streamlit
from fontTools.ttLib import TTFont

from etl.fonts import shown_characters
from filmdash.core.paths import ROOT, STATIC_DIR

FONTS = STATIC_DIR / "fonts"
SOURCE_SANS = next((Path(streamlit.__file__).parent / "static" / "static" / "media").glob("SourceSansVF-Upright*.woff2"))


def cmap(path: Path) -> set[int]:
    return set(TTFont(path).getBestCmap())


@pytest.fixture(scope="module")
def shown() -> set[str]:
    return shown_characters(ROOT)


def test_every_shown_character_has_a_shipped_font(shown):
    latin = cmap(SOURCE_SANS)
    for weight in (400, 700):
        han = (cmap(FONTS / f"noto-sans-sc-{weight}.woff2") | cmap(FONTS / f"noto-sans-tc-{weight}.woff2")
               | cmap(FONTS / f"noto-sans-kr-{weight}.woff2"))
        missing = sorted(c for c in shown if ord(c) not in han | latin)
        assert missing == [], f"weight {weight}: no shipped font draws {missing}; run `make fonts`"


def test_each_script_has_its_own_forms(shown):
    sc, tc = cmap(FONTS / "noto-sans-sc-400.woff2"), cmap(FONTS / "noto-sans-tc-400.woff2")
    # the reader's own script is in their font: 电影 in SC, 電影 in TC
    assert {ord("电"), ord("影"), ord("东")} <= sc
    assert {ord("電"), ord("影"), ord("東")} <= tc
    assert "电" in shown and "電" in shown


def test_no_emoji_or_compatibility_ideograph_is_shown(shown):
    assert not [c for c in shown if 0x1F000 <= ord(c) <= 0x1FAFF or c == "\ufe0f"]
    assert not [c for c in shown if 0xF900 <= ord(c) <= 0xFAFF]  # NFC turns these into the unified form


def test_manifest_and_licences_are_shipped():
    manifest = json.loads((FONTS / "MANIFEST.json").read_text(encoding="utf-8"))
    assert set(manifest["files"]) == {f"noto-sans-{s}-{w}.woff2" for s in ("sc", "tc", "kr") for w in (400, 700)}
    for name, info in manifest["files"].items():
        assert info["licence"] == "SIL Open Font License 1.1"
        assert (FONTS / name).stat().st_size == info["bytes"]
    for package in ("noto-sans-sc", "noto-sans-tc", "noto-sans-kr"):
        assert "SIL OPEN FONT LICENSE" in (FONTS / f"OFL-{package}.txt").read_text(encoding="utf-8").upper()


def test_the_pages_ask_for_the_korean_font_for_exactly_the_ranges_it_was_cut_to():
    from etl.fonts import HANGUL
    from filmdash.core import document

    assert document.HANGUL_RANGE == ",".join(f"U+{lo:04X}-{hi:04X}" for lo, hi in HANGUL)
    for lang in ("en", "zh-Hans", "zh-Hant"):
        frame = document.frame_html(lang)
        assert frame.count("noto-sans-kr-400.woff2") == 2 and frame.count(document.HANGUL_RANGE) == 4
    korean = cmap(FONTS / "noto-sans-kr-400.woff2")
    assert korean and all(any(lo <= cp <= hi for lo, hi in HANGUL) for cp in korean if cp > 0x7F)
