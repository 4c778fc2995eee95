"""Source and country ids as the warehouse stores them: one id, or several joined by '|'."""

from __future__ import annotations

import math


def split_ids(value) -> list[str]:
    """'a | b' -> ['a', 'b']; a list (or Series, or nested lists) of such values -> every id, in order;
    None, NaN and empty strings -> []."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split("|") if v.strip()]
    return [v for item in value for v in split_ids(item)]


def unique_ids(*values) -> list[str]:
    """Every id in values (each as split_ids takes it), once each, sorted."""
    return sorted({i for value in values for i in split_ids(value)})
