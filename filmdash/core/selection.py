"""Reading a plotly selection event: which value did the reader click?"""

from __future__ import annotations


def points_of(selection) -> list:
    """The points of a plotly selection event: st.plotly_chart's return value or its session state,
    as an attribute object or its dict form; [] when nothing is picked."""
    if selection is None:
        return []
    sel = selection.get("selection", {}) if hasattr(selection, "get") else getattr(selection, "selection", {})
    return (sel.get("points", []) if hasattr(sel, "get") else getattr(sel, "points", [])) or []


def clicked_value(points: list, label_to_id: dict[str, str] | None = None) -> str | None:
    """The first point's customdata[0] (or its customdata string); else its y label mapped to an id."""
    for point in points or []:
        data = point.get("customdata") if hasattr(point, "get") else None
        if isinstance(data, (list, tuple)) and data:
            return str(data[0])
        if isinstance(data, str):
            return data
        if label_to_id and hasattr(point, "get") and point.get("y") in label_to_id:
            return label_to_id[point["y"]]
    return None
