"""Noto Sans SC and TC, subset to the characters the dashboard can show: `python -m etl fonts`.

Inputs: the npm packages @fontsource/noto-sans-sc, -tc and -kr (SIL Open Font Licence 1.1; `npm ci`),
which split each weight into woff2 files by unicode range. Every character that the curated data,
the string catalogues or the code can put on a page is looked up in those ranges; each file that
holds one is cut to the characters needed, and the pieces are merged into one woff2 per family
and weight under static/fonts/ (served by Streamlit at app/static/fonts/). The output is
committed with the licence and a manifest, so the app and a fresh machine need neither npm nor
fonttools; tests/core/test_fonts.py fails when a character is shown that the fonts lack (run
`make fonts` then).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import sys
from pathlib import Path

from etl.problems import counted

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules" / "@fontsource"
FONTS_DIR = ROOT / "static" / "fonts"
# family key -> (npm package, file prefix, family name in the font)
FAMILIES = {
    "sc": ("noto-sans-sc", "Noto Sans SC"),
    "tc": ("noto-sans-tc", "Noto Sans TC"),
    "kr": ("noto-sans-kr", "Noto Sans KR"),
}
# Hangul (Jamo, compatibility Jamo, syllables): the Korean font is cut to these alone (the quotes of
# Korean-language sources); every Han character comes from SC or TC
HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))
ONLY = {"kr": HANGUL}
WEIGHTS = (400, 700)
# where shown text lives: curated data (names, quotes), catalogues, and strings in the code
TEXT_GLOBS = (("data/raw", "*.csv"), ("filmdash/locales", "*.json"), ("filmdash", "*.py"), ("pages", "*.py"),
              (".", "app.py"))
_FACE = re.compile(r"@font-face\s*{(.*?)}", re.S)


def output_name(family: str, weight: int) -> str:
    return f"noto-sans-{family}-{weight}.woff2"


def shown_characters(root: Path = ROOT) -> set[str]:
    """Every non-ASCII character the app can draw (Latin text is drawn by Streamlit's own font)."""
    chars: set[str] = set()
    for folder, pattern in TEXT_GLOBS:
        base = root / folder
        paths = [base / pattern] if folder == "." else sorted(base.rglob(pattern))
        for path in paths:
            chars.update(c for c in path.read_text(encoding="utf-8") if ord(c) > 0x7F and c.isprintable())
    # currency names the Chinese pages take from CLDR (Babel), for every currency the schema allows
    from babel.numbers import get_currency_name

    from etl.schema import UNITS

    for unit in (u for u in UNITS if u.isupper()):
        for locale in ("zh_Hans_CN", "zh_Hant_HK"):
            chars.update(c for c in get_currency_name(unit, locale=locale) if ord(c) > 0x7F)
    return chars


def _ranges(spec: str) -> list[tuple[int, int]]:
    out = []
    for part in spec.split(","):
        part = part.strip().upper().removeprefix("U+")
        lo, _, hi = part.partition("-")
        out.append((int(lo, 16), int(hi or lo, 16)))
    return out


def chunks(package: Path, weight: int) -> list[tuple[Path, list[tuple[int, int]]]]:
    """(woff2 file, unicode ranges) of every numbered piece of one weight, from the package's CSS."""
    out = []
    for body in _FACE.findall((package / f"{weight}.css").read_text(encoding="utf-8")):
        url = re.search(r"url\(\./(files/[^)]+\.woff2)\)", body).group(1)
        ranges = re.search(r"unicode-range:\s*([^;]+);", body).group(1)
        out.append((package / url, _ranges(ranges)))
    return out


def subset_font(package: Path, weight: int, chars: set[str]) -> tuple[bytes, set[str]]:
    """One woff2 holding every char of `chars` the family has; returns (bytes, chars it holds)."""
    from fontTools import subset
    from fontTools.merge import Merger
    from fontTools.ttLib import TTFont

    wanted = {ord(c) for c in chars}
    pieces, covered = [], set()
    for path, ranges in chunks(package, weight):
        here = {cp for cp in wanted - covered if any(lo <= cp <= hi for lo, hi in ranges)}
        if not here:
            continue
        font = TTFont(path)
        here &= set(font.getBestCmap())
        if not here:
            continue
        options = subset.Options()
        options.hinting = False  # the pieces' hinting programs differ and cannot be merged
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.flavor = None
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(here))
        subsetter.subset(font)
        buffer = io.BytesIO()
        font.save(buffer)
        pieces.append(buffer)
        covered |= here
    if not pieces:
        raise SystemExit(f"{package.name} {weight}: none of the characters found")
    for piece in pieces:
        piece.seek(0)
    merged = Merger().merge(pieces) if len(pieces) > 1 else TTFont(pieces[0])
    merged.flavor = "woff2"
    out = io.BytesIO()
    merged.save(out)
    return out.getvalue(), {chr(cp) for cp in covered}


def build_fonts(root: Path = ROOT, out_dir: Path = FONTS_DIR) -> dict:
    chars = shown_characters(root)
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest: dict = {"characters": len(chars), "files": {}}
    covered_any: set[str] = set()
    for family, (package_name, family_name) in FAMILIES.items():
        package = NODE_MODULES / package_name
        if not package.exists():
            raise SystemExit(f"{package} is missing: run `npm ci` (make fonts does)")
        version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
        shutil.copyfile(package / "LICENSE", out_dir / f"OFL-{package_name}.txt")
        wanted = {c for c in chars if any(lo <= ord(c) <= hi for lo, hi in ONLY[family])} if family in ONLY else chars
        for weight in WEIGHTS:
            data, covered = subset_font(package, weight, wanted)
            covered_any |= covered
            name = output_name(family, weight)
            (out_dir / name).write_bytes(data)
            manifest["files"][name] = {
                "family": family_name, "weight": weight, "from": f"@fontsource/{package_name}@{version}",
                "licence": "SIL Open Font License 1.1", "glyphs_for": len(covered),
                "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(),
            }
    manifest["not_in_either_font"] = "".join(sorted(chars - covered_any))
    (out_dir / "MANIFEST.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n",
                                           encoding="utf-8")
    return manifest


def main() -> int:
    manifest = build_fonts()
    for name, info in manifest["files"].items():
        print(f"static/fonts/{name}: {info['glyphs_for']} characters, {info['bytes'] // 1024} KB")
    missing = manifest["not_in_either_font"]
    if missing:
        print(f"{counted(len(missing), 'character is', 'characters are')} in neither font (drawn by Streamlit's Latin font or the "
              f"system's): {missing}", file=sys.stderr)
    return 0
