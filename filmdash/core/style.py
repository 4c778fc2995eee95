"""Colours and chart layout, defined once. Okabe-Ito: distinguishable with colour-blindness."""

from __future__ import annotations

from filmdash.core.document import font_family
from filmdash.core.i18n import language

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
PRIMARY = OKABE_ITO[0]
ACCENT = OKABE_ITO[1]
MUTED = "#6B7280"
STATUS_COLOURS = {
    "released": OKABE_ITO[0], "in-production": OKABE_ITO[2], "in-development": OKABE_ITO[1],
    "announced": OKABE_ITO[4], "member": OKABE_ITO[0], "partner": OKABE_ITO[3], "observer": OKABE_ITO[1],
    "dialogue-partner": OKABE_ITO[5], "held": OKABE_ITO[0], "opened": OKABE_ITO[2], "signed": OKABE_ITO[5],
    "closed": MUTED, "cancelled": MUTED,
}


def base_layout(title: str | None = None, height: int = 420, lang: str | None = None) -> dict:
    """The shared layout; its fonts follow the language (Han fonts in that script's order)."""
    family = font_family(lang or language())
    return {
        "title": {"text": title} if title else None,
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 40 if title else 10, "b": 10},
        "font": {"family": family, "size": 15},
        "colorway": OKABE_ITO,
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "hoverlabel": {"font": {"family": family, "size": 14}},
    }
