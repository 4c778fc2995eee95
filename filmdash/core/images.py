"""Charts as images (PNG, SVG), drawn by kaleido with the local Chromium and the local base map:
no CDN, no MathJax (kaleido would fetch it), so it works with the network down."""

from __future__ import annotations

import json
import warnings
from functools import lru_cache

import plotly.graph_objects as go

from filmdash.core.paths import STATIC_DIR

_KALEIDO_STARTED = False


def export_image(fig: go.Figure, fmt: str = "png", width: int = 1600, height: int = 900) -> bytes:
    """The map as PNG or SVG, drawn by kaleido with the local Chromium and the local base map:
    no CDN, no MathJax (kaleido would fetch it), so it works with the network down."""
    global _KALEIDO_STARTED
    import kaleido
    import plotly.io as pio

    if fmt not in ("png", "svg"):
        raise ValueError(f"unsupported image format {fmt!r}")
    pio.defaults.topojson = (STATIC_DIR / "topojson").as_uri() + "/"
    if not _KALEIDO_STARTED:
        kaleido.start_sync_server(mathjax=False, silence_warnings=True)
        _KALEIDO_STARTED = True
    image = go.Figure(fig)
    image.update_layout(width=width, height=height, margin={"l": 20, "r": 20, "t": 20, "b": 20})

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "kopts ignored when using a server": expected
        return pio.to_image(image, format=fmt, width=width, height=height)


@lru_cache(maxsize=32)
def export_cached(figure_json: str, fmt: str) -> bytes:
    """Export keyed by the figure itself: the same map is drawn once."""
    return export_image(go.Figure(json.loads(figure_json)), fmt)
