"""The shipped Han fonts as kaleido's Chromium finds them: TrueType copies of static/fonts/*.woff2
under names no installed font has, in a fontconfig file that adds them to the machine's own."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from fontTools.ttLib import TTFont

from filmdash.core import document, export_fonts


@pytest.fixture
def export_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(export_fonts, "EXPORT_DIR", tmp_path / "export")
    monkeypatch.setattr(export_fonts, "_BASE_CONFIG", None)
    monkeypatch.delenv("FONTCONFIG_FILE", raising=False)
    return tmp_path / "export"


@pytest.mark.parametrize("script, weight", [("sc", 400), ("sc", 700), ("tc", 400), ("tc", 700)])
def test_each_shipped_font_becomes_truetype_under_its_own_name(export_dir, script, weight):
    path = export_fonts.truetype(script, weight)
    font = TTFont(str(path))
    shipped = TTFont(str(export_fonts.SHIPPED_DIR / f"noto-sans-{script}-{weight}.woff2"))
    assert font.flavor is None and path.read_bytes()[:4] == b"\x00\x01\x00\x00"  # plain TrueType
    assert font["name"].getDebugName(1) == f"Filmdash Noto Sans {script.upper()}"
    assert font["name"].getDebugName(2) == ("Bold" if weight == 700 else "Regular")
    assert font["OS/2"].usWeightClass == weight
    assert font.getBestCmap() == shipped.getBestCmap()  # the same characters, nothing added or lost
    assert export_fonts.truetype(script, weight) == path  # made once


@pytest.mark.skipif(not shutil.which("fc-match"), reason="fontconfig's fc-match is not installed")
@pytest.mark.parametrize("family, file", [("Filmdash Noto Sans SC", "sc-400"), ("Filmdash Noto Sans TC:bold", "tc-700")])
def test_fontconfig_finds_the_shipped_fonts_by_their_names(export_dir, family, file):
    conf = export_fonts.config()
    assert f"<include ignore_missing=\"yes\">{export_fonts.SYSTEM_CONFIG}</include>" in conf.read_text()
    found = subprocess.run(["fc-match", "-f", "%{file}", family], capture_output=True, text=True,
                           env={**os.environ, "FONTCONFIG_FILE": str(conf)}, check=True).stdout
    assert found.startswith(str(export_dir / f"filmdash-noto-sans-{file}-"))
    # without the config the machine has no such font: fontconfig falls back to another family
    other = subprocess.run(["fc-match", "-f", "%{file}", family], capture_output=True, text=True, check=True).stdout
    assert str(export_dir) not in other


def test_a_given_fontconfig_is_kept_underneath(export_dir, tmp_path, monkeypatch):
    given = tmp_path / "latin.conf"
    given.write_text("<fontconfig/>")
    monkeypatch.setenv("FONTCONFIG_FILE", str(given))
    conf = export_fonts.use_for_children()
    assert os.environ["FONTCONFIG_FILE"] == str(conf)
    assert f"<include ignore_missing=\"yes\">{given}</include>" in conf.read_text()
    assert export_fonts.use_for_children() == conf  # a second call does not include itself


@pytest.mark.parametrize("lang, first", [("en", "SC"), ("zh-Hans", "SC"), ("zh-Hant", "TC")])
def test_chart_fonts_name_the_shipped_fonts_before_any_installed_one(lang, first):
    family = document.font_family(lang)
    assert family.index(f"'Filmdash Noto Sans {first}'") < family.index("'Noto Sans CJK")
    assert set(export_fonts.FAMILIES.values()) == set(document.EXPORT_HAN.values())


def test_an_svg_carries_the_shipped_fonts_cut_to_its_characters():
    import base64
    import io
    import re
    import xml.etree.ElementTree as ET

    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><text x="0" y="40" '
           b'style="font-family: \'Filmdash Noto Sans TC\'">\xe9\x9b\xbb\xe5\xbd\xb1 &amp; Film</text></svg>')  # 電影
    out = export_fonts.embed_in_svg(svg)
    ET.fromstring(out)  # still one well-formed SVG
    faces = re.findall(rb'font-family:"([^"]+)";font-style:normal;font-weight:(\d+);'
                       rb'src:url\(data:font/woff2;base64,([A-Za-z0-9+/=]+)\)', out)
    assert [(f.decode(), int(w)) for f, w, _ in faces] == [
        ("Filmdash Noto Sans SC", 400), ("Filmdash Noto Sans SC", 700),
        ("Filmdash Noto Sans TC", 400), ("Filmdash Noto Sans TC", 700)]
    for _, _, data in faces:
        font = TTFont(io.BytesIO(base64.b64decode(data)))
        assert font.flavor == "woff2"
        assert {chr(c) for c in font.getBestCmap()} >= {"電", "影"}  # the characters it draws, and few others
        assert len(font.getBestCmap()) < 10
    assert len(out) < 20_000
    latin = b'<svg xmlns="http://www.w3.org/2000/svg"><text>Film</text></svg>'
    assert export_fonts.embed_in_svg(latin) == latin
