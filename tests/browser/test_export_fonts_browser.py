"""Exported images draw Chinese with the fonts the app ships, on a machine with no Chinese fonts.

kaleido's Chromium finds fonts through fontconfig only. Here it runs (in a child process, as kaleido
starts once per process) with fontconfig limited to one Latin font folder (DejaVu), as
test_fonts_browser.py does for the pages. Empty boxes are detected without knowing how they look:
two different Chinese titles of the same length give different pictures only when their glyphs are
drawn; boxes (or nothing) are the same for every character. The control run, with the fix switched
off, must give the same picture for both titles, so the check can fail."""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, ROOT

pytestmark = pytest.mark.browser
LATIN_ONLY_DIR = "/usr/share/fonts/truetype/dejavu"
TITLES = ("电影之都合拍影片", "国际合作城市年表")  # same length, no character in common
RENDER = r"""
import json, sys
from pathlib import Path
import plotly.graph_objects as go
from filmdash.core import export_fonts, images
from filmdash.core.style import base_layout

mode, out, lang, titles = sys.argv[1], Path(sys.argv[2]), sys.argv[3], json.loads(sys.argv[4])
if mode == "without-fix":  # the control: kaleido's Chromium left with the machine's fonts only
    export_fonts.use_for_children = lambda: None
for i, title in enumerate(titles):
    fig = go.Figure()
    fig.update_layout(**base_layout(lang=lang, height=200))
    fig.update_layout(title={"text": title, "font": {"size": 64}, "x": 0.5, "xanchor": "center",
                             "yref": "container", "y": 0.5, "yanchor": "middle"},
                      xaxis={"visible": False}, yaxis={"visible": False})
    (out / f"{i}.png").write_bytes(images.export_image(fig, "png", 900, 200))
    if mode == "with-fix":
        (out / f"{i}.svg").write_bytes(images.export_image(fig, "svg", 900, 200))
"""


@pytest.fixture(scope="module")
def latin_only_config(tmp_path_factory) -> Path:
    assert Path(LATIN_ONLY_DIR, "DejaVuSans.ttf").exists()
    folder = tmp_path_factory.mktemp("latin-fontconfig")
    conf = folder / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
                    f"<dir>{LATIN_ONLY_DIR}</dir><cachedir>{folder / 'cache'}</cachedir></fontconfig>\n")
    return conf


def render(tmp_path: Path, name: str, mode: str, fontconfig: Path, lang: str = "zh-Hans",
           titles=TITLES) -> list[Path]:
    out = tmp_path / name
    out.mkdir()
    env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig)}
    env["FILMDASH_BUILD_DIR"] = str(tmp_path / f"build-{name}")  # the TrueType files made afresh
    result = subprocess.run([sys.executable, "-c", RENDER, mode, str(out), lang, json.dumps(titles)], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shots = sorted(out.glob("*.png"))
    for shot in shots:
        (ARTIFACTS / f"export-fonts-{name}-{shot.name}").write_bytes(shot.read_bytes())
    return shots


def same_picture(a: Path, b: Path) -> bool:
    from PIL import Image, ImageChops

    with Image.open(a) as x, Image.open(b) as y:
        return ImageChops.difference(x.convert("RGB"), y.convert("RGB")).getbbox() is None


def ink(path: Path) -> int:
    from PIL import Image

    with Image.open(path) as image:
        return sum(image.convert("L").histogram()[:128])  # dark pixels


@pytest.fixture(scope="module")
def latin_only_browser(browser, latin_only_config):
    b = browser.browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                    env={"FONTCONFIG_FILE": str(latin_only_config), "HOME": str(latin_only_config.parent)})
    yield b
    b.close()


def svg_shot(browser, svg: bytes, out: Path) -> Path:
    """The SVG as an image in a page (as a viewer or a slide shows it), screenshotted."""
    context = browser.new_context(viewport={"width": 900, "height": 200})
    try:
        page = context.new_page()
        page.set_content('<body style="margin:0"><img id="chart" src="data:image/svg+xml;base64,'
                         + base64.b64encode(svg).decode() + '"></body>')
        page.wait_for_function("() => document.getElementById('chart').complete")
        page.wait_for_timeout(300)
        page.locator("#chart").screenshot(path=str(out))
        (ARTIFACTS / f"export-fonts-{out.name}").write_bytes(out.read_bytes())
    finally:
        context.close()
    return out


def test_exported_chinese_is_drawn_by_the_shipped_fonts(tmp_path, latin_only_config, latin_only_browser):
    fixed = render(tmp_path, "latin-only", "with-fix", latin_only_config)
    assert all(ink(p) > 2000 for p in fixed)
    assert not same_picture(*fixed), "both titles drew the same: empty boxes, not glyphs"

    # the control: without the shipped fonts the two titles are the same row of boxes
    control = render(tmp_path, "latin-only-control", "without-fix", latin_only_config)
    assert same_picture(*control), "the control drew glyphs: this machine view still has a Chinese font"

    # the SVGs, shown by a Chromium that sees the same Latin-only fonts, draw the glyphs from the fonts
    # they carry; the same SVGs stripped of them draw boxes
    svgs = [p.with_suffix(".svg") for p in fixed]
    carried = [svg_shot(latin_only_browser, s.read_bytes(), tmp_path / f"svg-{i}.png") for i, s in enumerate(svgs)]
    assert all(ink(p) > 2000 for p in carried) and not same_picture(*carried)
    bare = [svg_shot(latin_only_browser, re.sub(rb"<defs><style>@font-face.*?</style></defs>", b"", s.read_bytes(),
                                                count=1, flags=re.S), tmp_path / f"bare-{i}.png")
            for i, s in enumerate(svgs)]
    assert same_picture(*bare)


def test_exported_chinese_follows_the_readers_script(tmp_path, latin_only_config):
    """直 has different forms in the SC and TC fonts: a 繁體 export puts Noto Sans TC first."""
    hans = render(tmp_path, "hans", "with-fix", latin_only_config, "zh-Hans", ["直真角今"])
    hant = render(tmp_path, "hant", "with-fix", latin_only_config, "zh-Hant", ["直真角今"])
    assert ink(hans[0]) > 1000 and not same_picture(hans[0], hant[0])
