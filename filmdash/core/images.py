"""Charts as images (PNG, SVG), drawn by kaleido with the local Chromium and the local base map:
no CDN, no MathJax (kaleido would fetch it), so it works with the network down."""

from __future__ import annotations

import html
import json
import textwrap
import unicodedata
import warnings
from functools import lru_cache

import plotly.graph_objects as go

from filmdash.core import export_fonts
from filmdash.core.paths import STATIC_DIR

_KALEIDO_STARTED = False


def export_image(fig: go.Figure, fmt: str = "png", width: int = 1600, height: int = 900,
                 keep_margins: bool = False) -> bytes:
    """The map as PNG or SVG, drawn by kaleido with the local Chromium and the local base map:
    no CDN, no MathJax (kaleido would fetch it), so it works with the network down."""
    global _KALEIDO_STARTED
    import kaleido
    import plotly.io as pio

    if fmt not in ("png", "svg"):
        raise ValueError(f"unsupported image format {fmt!r}")
    pio.defaults.topojson = (STATIC_DIR / "topojson").as_uri() + "/"
    if not _KALEIDO_STARTED:
        export_fonts.use_for_children()  # kaleido's Chromium draws Chinese with the shipped fonts
        kaleido.start_sync_server(mathjax=False, silence_warnings=True)
        _KALEIDO_STARTED = True
    image = go.Figure(fig)
    image.update_layout(width=width, height=height)
    if not keep_margins:
        image.update_layout(margin={"l": 20, "r": 20, "t": 20, "b": 20})

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "kopts ignored when using a server": expected
        out = pio.to_image(image, format=fmt, width=width, height=height)
    # an SVG's text is drawn by the viewer's fonts: it carries the shipped ones, cut to its characters
    return export_fonts.embed_in_svg(out) if fmt == "svg" else out


@lru_cache(maxsize=32)
def export_cached(figure_json: str, fmt: str) -> bytes:
    """Export keyed by the figure itself: the same map is drawn once."""
    return export_image(go.Figure(json.loads(figure_json)), fmt)


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` columns (a CJK character counts two), for plotly, which never wraps."""
    wide = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text) > len(text) * 1.3
    if wide:  # Chinese has no spaces to break at: cut by characters
        step = width // 2
        return [text[i:i + step] for i in range(0, len(text), step)] or [""]
    return textwrap.wrap(text, width) or [""]


def captioned(fig: go.Figure, title: str, takeaway: str, source_line: str, url: str, date: str) -> go.Figure:
    """The chart as it should travel (as Our World in Data's charts do): its title and takeaway above,
    its sources, link and date below. Every text is escaped: plotly reads <a>, <b> ... as markup."""
    image = go.Figure(fig)
    head = [f"<b>{html.escape(title)}</b>",
            *(f'<span style="font-size:16px">{html.escape(line)}</span>' for line in _wrap(takeaway, 150))]
    foot = [*(html.escape(line) for line in _wrap(source_line, 190)), html.escape(f"{url} · {date}")]
    image.update_layout(
        title={"text": "<br>".join(head), "x": 0.01, "xanchor": "left", "yref": "container", "y": 1,
               "yanchor": "top", "pad": {"t": 24}, "font": {"size": 22}},
        margin={"t": 80 + 24 * len(head), "b": 110 + 22 * len(foot), "l": 80, "r": 40})
    image.add_annotation(text="<br>".join(foot), xref="paper", yref="paper", x=0, y=0, yshift=-85,
                         xanchor="left", yanchor="top", align="left", showarrow=False,
                         font={"size": 14, "color": "#4B5563"})
    return image


@lru_cache(maxsize=64)
def captioned_cached(figure_json: str, fmt: str, title: str, takeaway: str, source_line: str, url: str,
                     date: str) -> bytes:
    """A captioned chart image, drawn once per figure and caption."""
    return export_image(captioned(go.Figure(json.loads(figure_json)), title, takeaway, source_line, url, date), fmt,
                        keep_margins=True)
