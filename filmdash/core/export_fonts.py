"""The shipped Han fonts for exported images: kaleido draws PNGs (and the handouts' chart images) in
its own headless Chromium, which loads no web font from this app and finds fonts through fontconfig
only. On a machine with no Chinese fonts every Han character came out as an empty box.

So, before kaleido starts its Chromium, the shipped subsets (static/fonts/*.woff2, built by `make
fonts`) are written once as plain TrueType files into build/fonts/export/ under family names of their
own ("Filmdash Noto Sans SC" / "... TC": no installed font can answer to them), and FONTCONFIG_FILE
points the children of this process at a config that includes the machine's own (or the one already
named in FONTCONFIG_FILE) plus that folder. The charts' font-family names those families before any
installed CJK font (document.font_family), so exported Chinese is drawn by the fonts the app ships,
on every machine, in the reader's script order.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from filmdash.core.paths import BUILD_DIR, STATIC_DIR

SHIPPED_DIR = STATIC_DIR / "fonts"
EXPORT_DIR = BUILD_DIR / "fonts" / "export"
FAMILIES = {"sc": "Filmdash Noto Sans SC", "tc": "Filmdash Noto Sans TC"}
WEIGHTS = {400: "Regular", 700: "Bold"}
SYSTEM_CONFIG = "/etc/fonts/fonts.conf"
_BASE_CONFIG: str | None = None


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    tmp.write_bytes(data)
    tmp.replace(path)


def signature() -> str:
    """Which shipped fonts these are (their hashes): part of the key of any image cached on disk."""
    return "-".join(_digest(SHIPPED_DIR / f"noto-sans-{s}-{w}.woff2") for s in FAMILIES for w in WEIGHTS)


def truetype(script: str, weight: int) -> Path:
    """The shipped woff2 of one script and weight as a TrueType file with this app's family name,
    made once per version of the woff2 (its hash is in the file name)."""
    import io

    from fontTools.ttLib import TTFont

    source = SHIPPED_DIR / f"noto-sans-{script}-{weight}.woff2"
    out = EXPORT_DIR / f"filmdash-noto-sans-{script}-{weight}-{_digest(source)}.ttf"
    if out.exists():
        return out
    EXPORT_DIR.mkdir(parents=True, exist_ok=True)
    font = TTFont(str(source))
    font.flavor = None
    family, style = FAMILIES[script], WEIGHTS[weight]
    names = font["name"]
    for name_id in (1, 2, 3, 4, 6, 16, 17, 21, 22):
        names.removeNames(nameID=name_id)
    for name_id, text in ((1, family), (2, style), (3, f"{family} {style} {_digest(source)}"),
                          (4, f"{family} {style}"), (6, f"{family.replace(' ', '')}-{style}")):
        names.setName(text, name_id, 3, 1, 0x409)
    os2 = font["OS/2"]
    os2.usWeightClass = weight
    os2.fsSelection = (os2.fsSelection & ~0b1100001) | (0b100000 if weight == 700 else 0b1000000)
    font["head"].macStyle = 1 if weight == 700 else 0
    buffer = io.BytesIO()
    font.save(buffer)
    _write_atomically(out, buffer.getvalue())
    return out


def config() -> Path:
    """A fontconfig file: the machine's configuration (or the one this process was started with),
    then the folder of the shipped fonts as TrueType."""
    global _BASE_CONFIG
    if _BASE_CONFIG is None:
        given = os.environ.get("FONTCONFIG_FILE")
        _BASE_CONFIG = given if given and Path(given).parent != EXPORT_DIR else SYSTEM_CONFIG
    files = [truetype(script, weight) for script in FAMILIES for weight in WEIGHTS]
    for stale in EXPORT_DIR.glob("filmdash-noto-sans-*.ttf"):
        if stale not in files:
            stale.unlink(missing_ok=True)
    text = ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            f'  <include ignore_missing="yes">{_BASE_CONFIG}</include>\n'
            f"  <dir>{EXPORT_DIR}</dir>\n"
            f"  <cachedir>{EXPORT_DIR / 'cache'}</cachedir>\n"
            "</fontconfig>\n")
    path = EXPORT_DIR / f"fonts-{hashlib.sha256(text.encode()).hexdigest()[:12]}.conf"
    if not path.exists():
        _write_atomically(path, text.encode())
    return path


def use_for_children() -> Path:
    """Point every process started from now on (kaleido's Chromium) at config(); returns it."""
    path = config()
    os.environ["FONTCONFIG_FILE"] = str(path)
    return path


def _subset_woff2(script: str, weight: int, characters: str) -> bytes:
    """The shipped font of one script and weight cut to the given characters, as woff2."""
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(SHIPPED_DIR / f"noto-sans-{script}-{weight}.woff2"))
    options = subset.Options()
    options.flavor = "woff2"
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = "woff2"
    font.save(buffer)
    return buffer.getvalue()


def embed_in_svg(svg: bytes) -> bytes:
    """An SVG keeps its text as text, drawn by the viewer's fonts: the shipped fonts go inside it, cut
    to the Han characters it holds, as @font-face rules under the names the chart asks for, so it
    shows the same on a machine with no Chinese font. An SVG without Chinese is returned as it is."""
    import base64
    import html

    text = svg.decode("utf-8")
    han = "".join(sorted({ch for ch in html.unescape(text) if ord(ch) >= 0x2E80}))
    if not han:
        return svg
    rules = []
    for script, family in FAMILIES.items():
        for weight in WEIGHTS:
            data = base64.b64encode(_subset_woff2(script, weight, han)).decode("ascii")
            rules.append(f'@font-face{{font-family:"{family}";font-style:normal;font-weight:{weight};'
                         f'src:url(data:font/woff2;base64,{data}) format("woff2")}}')
    end = text.index(">", text.index("<svg")) + 1
    return (text[:end] + "<defs><style>" + "".join(rules) + "</style></defs>" + text[end:]).encode("utf-8")
