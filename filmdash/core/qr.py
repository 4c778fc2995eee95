"""QR codes for a slide's public link, drawn offline (segno: pure Python, no network)."""

from __future__ import annotations

import io
import os
from functools import lru_cache

from filmdash.core.params import parse_url

PUBLIC_URL_ENV = "FILMDASH_PUBLIC_URL"
# A QR code at error level M holds at most 2,331 bytes (version 40), too dense for a phone across a
# hall long before that: a longer link gets no code (the slide shows without one).
MAX_BYTES = 1000


def public_base(requested: str | None = None, fallback: str | None = None) -> str | None:
    """The address a visitor's phone opens: ?public_url= first, then $FILMDASH_PUBLIC_URL, then the
    address the presenter's browser uses. Only an http(s) URL with a host counts (core.params.parse_url);
    its query and fragment are dropped."""
    for candidate in (requested, os.environ.get(PUBLIC_URL_ENV), fallback):
        base = parse_url(candidate)
        if base is not None:
            return base
    return None


def encodable(url: str) -> bool:
    """Whether url fits a QR code a phone can read (MAX_BYTES)."""
    return len(url.encode("utf-8")) <= MAX_BYTES


def view_url(base: str, page_path: str, query: str) -> str:
    """base/page?query: the same view on the dashboard."""
    return f"{base.rstrip('/')}/{page_path}" + (f"?{query}" if query else "")


@lru_cache(maxsize=256)
def png(url: str, scale: int = 8) -> bytes:
    """The QR code of url as a PNG (black on white, with its quiet zone)."""
    import segno

    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=scale, border=4)
    return out.getvalue()


@lru_cache(maxsize=256)
def svg(url: str) -> str:
    import segno

    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=1, border=4, xmldecl=False, svgns=True,
                                   omitsize=True)
    return out.getvalue().decode("utf-8")
