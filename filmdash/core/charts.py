"""Pure figure builders: a DataFrame in, a plotly Figure out. No Streamlit, no queries."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from filmdash.core.i18n import NAME_SUFFIX, date_text, language, number, qualified, t, unit_name, with_unit
from filmdash.core.style import MUTED, OKABE_ITO, PRIMARY, base_layout

# --- data as plotly text ------------------------------------------------------------------------
# Plotly draws a small set of HTML tags in any text it shows (titles, tick labels, hover, text
# labels): <a href> becomes a live link, <b> bold, <br> a line break. Data strings reach a figure
# with '<' and '>' as entities, which plotly draws as the characters themselves; a builder's own
# markup (a <br> between lines, a <b> name) is added after, so it still works.

def plain(value):
    """A data value as plotly text: '<' and '>' as entities, in a string or in each string of a
    list or array. Idempotent (an escaped value has no '<' left), so cached inputs can pass twice."""
    if isinstance(value, str):
        return value.replace("<", "&lt;").replace(">", "&gt;") if ("<" in value or ">" in value) else value
    if isinstance(value, (list, tuple)) or (hasattr(value, "tolist") and getattr(value, "ndim", 0) == 1):
        return [plain(v) for v in list(value)]
    return value


def plain_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of frame with every text cell (and every string in a list cell) made plain."""
    out = frame.copy()
    for col in out.columns:
        if not (pd.api.types.is_numeric_dtype(out[col]) or pd.api.types.is_bool_dtype(out[col])
                or pd.api.types.is_datetime64_any_dtype(out[col])):
            out[col] = out[col].map(plain, na_action="ignore")
    return out


def _plain_argument(value):
    if isinstance(value, pd.DataFrame):
        return plain_frame(value)
    if isinstance(value, dict):
        return {k: plain(v) if isinstance(v, str) else v for k, v in value.items()}
    return plain(value) if isinstance(value, str) else value


def plain_inputs(builder: Callable) -> Callable:
    """A figure builder whose data arguments (frames, strings, label dicts) arrive plain: every data
    string reaches the figure as text, whatever markup it holds."""
    @functools.wraps(builder)
    def build(*args, **kwargs):
        return builder(*(_plain_argument(a) for a in args), **{k: _plain_argument(v) for k, v in kwargs.items()})
    return build


@plain_inputs
def cities_of_film_by_year(frame: pd.DataFrame, lang: str | None = None) -> go.Figure:
    """Bars: how many Cities of Film were designated each year; hover lists them."""
    lang = lang or language()
    names = frame[f"names_{NAME_SUFFIX[lang]}"]
    hover = [", ".join(list(n)) for n in names]
    fig = go.Figure(go.Bar(
        x=frame["year"].astype(str), y=frame["cities"], marker_color=PRIMARY,
        customdata=hover, text=frame["cities"], textposition="outside",
        hovertemplate=t("chart_hover_designated", lang) + "<extra></extra>",
    ))
    fig.update_layout(**base_layout(lang=lang))
    fig.update_xaxes(title_text=t("axis_year_of_designation", lang), type="category")
    fig.update_yaxes(title_text=t("axis_cities_designated", lang), rangemode="tozero",
                     gridcolor="#E5E7EB")
    return fig


def nice_ticks(top: float, count: int = 4) -> list[float]:
    """0 and round steps (1, 2, 2.5 or 5 times a power of ten) up to top, about count of them."""
    if not top or top <= 0 or not math.isfinite(top):
        return [0.0]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return [round(i * step, 12) for i in range(int(top / step + 1e-9) + 1)]


def value_axis(top: float, lang: str, count: int = 4, fmt: Callable = number) -> dict:
    """A value axis whose tick labels follow the language ('500亿', '50 bn'), not plotly's '50B'."""
    ticks = nice_ticks(top, count)
    return {"tickmode": "array", "tickvals": ticks, "ticktext": [fmt(v, lang) for v in ticks]}


def label_margin(texts: list[str], font_px: int = 15) -> int:
    """Pixels a right-hand text label needs: about 0.6 em per Latin character, 1 em per CJK one,
    plus the gap from its marker."""
    widest = max((sum(1.0 if ord(c) > 0x2E80 else 0.6 for c in text) for text in texts), default=0)
    return round(24 + widest * font_px)


@plain_inputs
def claims_side_by_side(frame: pd.DataFrame, lang: str | None = None) -> go.Figure:
    """Dots: every value sources report for one figure, by source, one panel per unit (currencies
    are never put on one axis), so disagreement is visible at a glance."""
    from plotly.subplots import make_subplots

    lang = lang or language()
    frame = frame.dropna(subset=["value_base"]).copy()
    units = sorted(frame["unit"].unique()) or ["count"]
    heights = [max(1, (frame["unit"] == u).sum()) for u in units]
    qualifiers = frame["qualifier"] if "qualifier" in frame else pd.Series(None, index=frame.index)
    # each label as its source words it: 'planned 52', 'more than 50 bn CNY'
    texts = {u: [with_unit(qualified(number(v, lang), q, lang), u, lang)
                 for v, q in zip(frame.loc[frame["unit"] == u, "value_base"], qualifiers[frame["unit"] == u])]
             for u in units}
    fig = make_subplots(rows=len(units), cols=1, row_heights=heights, vertical_spacing=0.12,
                        subplot_titles=[unit_name(u, lang) if u != "count" else "" for u in units] if len(units) > 1 else None)
    for i, unit in enumerate(units, start=1):
        part = frame[frame["unit"] == unit]
        # a long publisher is cut on the axis (a half-width column has no room for it beside the value
        # labels) and given whole in the hover
        dates = [date_text(d, lang) for d in part["as_of"]]
        full = [f"{p} ({d})" for p, d in zip(part["publisher"], dates)]
        labels = [f"{p if len(p) <= 28 else p[:27] + '…'} ({d})" for p, d in zip(part["publisher"], dates)]
        fig.add_trace(go.Scatter(
            x=part["value_base"], y=labels, mode="markers+text", showlegend=False, cliponaxis=False,
            marker={"size": 16, "color": [OKABE_ITO[3] if c else MUTED for c in part["in_conflict"]]},
            text=texts[unit], textposition="middle right",
            customdata=list(zip(full, part["quote"])),
            hovertemplate="%{customdata[0]}: %{text}<br>“%{customdata[1]}”<extra></extra>",
        ), row=i, col=1)
        top = float(part["value_base"].max()) * 1.1 or 1
        # two ticks: a panel can be narrow once the value labels have their margin
        fig.update_xaxes(range=[0, top], gridcolor="#E5E7EB", **value_axis(top, lang, count=2), row=i, col=1)
        fig.update_yaxes(autorange="reversed", row=i, col=1)
    layout = base_layout(lang=lang, height=max(240, 80 + 34 * len(frame) + 40 * len(units)))
    # the value labels right of the largest dots draw into the right margin (not clipped by the axis),
    # so a narrow column (the Overview's half width) still shows '500億 CNY' whole
    layout["margin"] = {**layout["margin"], "r": label_margin([x for u in units for x in texts[u]]),
                        "t": 34 if len(units) > 1 else layout["margin"]["t"]}  # room for the first unit's title
    fig.update_layout(**layout)
    fig.update_xaxes(title_text=t("axis_value_reported", lang), row=len(units), col=1)
    return fig


@plain_inputs
def grouped_bars(frame: pd.DataFrame, label_col: str, value_cols: list[str], labels: dict[str, str],
                 lang: str | None = None) -> go.Figure:
    """Grouped horizontal bars, one group per row, one bar per value column."""
    fig = go.Figure()
    for i, col in enumerate(value_cols):
        fig.add_trace(go.Bar(y=frame[label_col], x=frame[col], name=labels[col], orientation="h",
                             marker_color=OKABE_ITO[i % len(OKABE_ITO)],
                             hovertemplate=f"%{{y}}: %{{x}} {labels[col]}<extra></extra>"))
    fig.update_layout(**base_layout(lang=lang, height=max(260, 80 + 60 * len(frame))), barmode="group",
                      legend={"orientation": "h", "y": -0.15})
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(gridcolor="#E5E7EB", rangemode="tozero")
    return fig
