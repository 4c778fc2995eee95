"""The handouts' chart images, drawn once and kept under a content address in build/renders/.

A PNG's key is a hash of everything that decides its pixels: the figure's JSON (data, text, styling),
the image size, the renderer (plotly, kaleido, the Chromium binary) and the fonts Chromium draws
with (every file under the fontconfig folders, and fontconfig's own configuration). Change any of
them and the key changes, so a cached image is never stale; a warm `make deck` only reassembles
documents. Images not in the cache are drawn together in one kaleido session (one Chromium), not
one browser per image.

Fonts are known, as fontconfig's own cache knows them, by path, size and modification time: hashing
the 100 MB of CJK collections on every build would cost more than the check is worth, and replacing
a font file changes its modification time.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import plotly.graph_objects as go

from filmdash.core.paths import BUILD_DIR

RENDER_DIR = BUILD_DIR / "renders"
# bump when what is drawn or stored changes for the same inputs (the figure's own margins kept, the
# PNG flattened to RGB): the old images then never match a key again
FORMAT = "png-rgb-margins-2"
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts", "/etc/fonts")
CHROMIUM = "/usr/bin/chromium"


def _files(folder: Path) -> Iterable[Path]:
    for root, _, names in os.walk(folder, followlinks=True):
        for name in names:
            yield Path(root) / name


def _stat_line(path: Path) -> str:
    try:
        stat = path.stat()
    except OSError:  # a dangling link: it draws nothing, but its coming back must change the key
        return f"{path}\tmissing"
    return f"{path}\t{stat.st_size}\t{stat.st_mtime_ns}"


def fonts_fingerprint(folders: Sequence[str | Path] | None = None) -> str:
    """A hash over every font file (and fontconfig setting) the renderer could use."""
    if folders is None:
        folders = [*FONT_DIRS, *([os.environ["FILMDASH_CJK_FONT_DIR"]] if os.environ.get("FILMDASH_CJK_FONT_DIR")
                                 else [])]
    lines = []
    for folder in folders:
        folder = Path(folder).expanduser()
        if folder.is_dir():
            lines.extend(sorted(_stat_line(path) for path in _files(folder)))
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def renderer_fingerprint() -> str:
    """The versions that draw the figure: plotly (whose plotly.js kaleido runs), kaleido, Chromium."""
    versions = [f"{name}={metadata.version(name)}" for name in ("plotly", "kaleido")]
    chromium = Path(os.environ.get("BROWSER_PATH", CHROMIUM))
    versions.append(_stat_line(chromium.resolve()) if chromium.exists() else "chromium=?")
    return hashlib.sha256("\n".join(versions).encode()).hexdigest()


@lru_cache(maxsize=1)
def environment() -> str:
    """The renderer and the fonts (the machine's, and the shipped ones kaleido is given), hashed once a
    process."""
    from filmdash.core import export_fonts

    return hashlib.sha256(f"{FORMAT}\n{renderer_fingerprint()}\n{fonts_fingerprint()}\n{export_fonts.signature()}"
                          .encode()).hexdigest()


def key(figure_json: str, size: tuple[int, int], env: str | None = None) -> str:
    """The content address of one image."""
    digest = hashlib.sha256()
    for part in (FORMAT, f"{size[0]}x{size[1]}", env if env is not None else environment(), figure_json):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def path_for(image_key: str, folder: Path | None = None) -> Path:
    return (folder or RENDER_DIR) / image_key[:2] / f"{image_key}.png"


def _flatten(png: bytes) -> bytes:
    """RGB on white: the charts are opaque, and an alpha channel makes the PDF writer test every
    pixel in Python and store a soft mask."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        if image.mode == "RGB":
            return png
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        out = io.BytesIO()
        flat.save(out, format="PNG", optimize=False, compress_level=6)
        return out.getvalue()


def _store(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.part")
    tmp.write_bytes(data)
    tmp.replace(path)  # atomic: a reader sees the old file, none, or the whole new one


class Stats:
    def __init__(self) -> None:
        self.drawn = 0
        self.cached = 0


def render(figures: Sequence[go.Figure], size: tuple[int, int], folder: Path | None = None,
           stats: Stats | None = None) -> list[bytes]:
    """PNGs of the figures at `size`, in order: each from the cache when its key is there, the rest
    drawn by one kaleido session and stored. The same figure twice is drawn once."""
    env = environment()
    jsons = [figure.to_json() for figure in figures]
    keys = [key(j, size, env) for j in jsons]
    out: dict[str, bytes] = {}
    missing: dict[str, go.Figure] = {}
    for image_key, figure in zip(keys, figures):
        if image_key in out or image_key in missing:
            continue
        path = path_for(image_key, folder)
        if path.exists():
            out[image_key] = path.read_bytes()
            if stats:
                stats.cached += 1
        else:
            missing[image_key] = figure
    if missing:
        from filmdash.core.images import export_image  # starts the one kaleido session on first use

        for image_key, figure in missing.items():
            # the figure's own margins: presenter_figure widened them for its large labels, which
            # export_image's narrow default cut off (the text beside a point, a subplot's title)
            png = _flatten(export_image(figure, "png", *size, keep_margins=True))
            _store(path_for(image_key, folder), png)
            out[image_key] = png
            if stats:
                stats.drawn += 1
    return [out[image_key] for image_key in keys]


if __name__ == "__main__":  # python -m filmdash.presenter.renders: the fingerprints in use
    print(json.dumps({"renderer": renderer_fingerprint(), "fonts": fonts_fingerprint(),
                      "environment": environment(), "folder": str(RENDER_DIR)}, indent=2))
