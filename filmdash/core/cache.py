"""Content cached once and shared by every session, handed out so that no session can change what
another sees.

A cached view returns a frozen dataclass (named fields, no reassignment). Each call hands out a fresh
copy of its DataFrames: with pandas' copy-on-write a copy costs nothing until it is written to, and a
write then changes the copy only. Lists become tuples and dicts read-only mappings. Plotly figures are
the one exception: copying one re-validates it (1.7 s for the world map), so a cached figure is shared
and read-only by contract; tests/pages/test_shared_views.py checks that no page changes one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from functools import lru_cache, wraps
from types import MappingProxyType

import pandas as pd


def fresh(value):
    """The value as a session may receive it: DataFrames copied (lazily), containers frozen, recursively."""
    if isinstance(value, pd.DataFrame | pd.Series):
        return value.copy(deep=False)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: fresh(getattr(value, f.name)) for f in dataclasses.fields(value)
                                             if f.init})
    if isinstance(value, list | tuple):
        return tuple(fresh(v) for v in value)
    if isinstance(value, Mapping):
        return MappingProxyType({k: fresh(v) for k, v in value.items()})
    return value


def shared(maxsize: int = 128) -> Callable:
    """lru_cache for content shared across sessions: every call returns fresh(cached result)."""
    def decorate(function: Callable) -> Callable:
        cached = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def wrapper(*args, **kwargs):
            return fresh(cached(*args, **kwargs))

        wrapper.cache_clear = cached.cache_clear
        wrapper.cache_info = cached.cache_info
        return wrapper

    return decorate


@dataclasses.dataclass(frozen=True)
class ChartView:
    """One chart box's content: figure (None for a box with a table only), takeaway, table, the
    sources behind it and their quotes; title, note and the rows the figure draws when the box has them."""
    figure: object
    takeaway: str
    table: pd.DataFrame
    source_ids: tuple[str, ...] = ()
    quotes: Mapping[str, str] = dataclasses.field(default_factory=dict)
    title: str = ""
    note: str | tuple[str, ...] = ""
    data: pd.DataFrame | None = None
