"""Download builders: exactly the data displayed, in files that open cleanly in Excel."""

from __future__ import annotations

import io

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    if isinstance(value, (list, tuple)) or (hasattr(value, "tolist") and not isinstance(value, str)
                                            and getattr(value, "ndim", 0) == 1):
        value = " | ".join(map(str, list(value)))
    # A cell starting with = + - @ is run as a formula by Excel: prefix it so it stays text.
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _whole(column: pd.Series) -> bool:
    """A float column holding only whole numbers and gaps: a count with missing values (5, not 5.0)."""
    values = column.dropna()
    return pd.api.types.is_float_dtype(column) and not values.empty and bool((values == values.round()).all())


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists joined with ' | ', formula-like text defused; whole numbers stay whole when a value is missing;
    other numbers and missing values untouched."""
    out = frame.copy()
    for col in out.columns:
        if _whole(out[col]):
            out[col] = out[col].astype("Int64")
        elif not pd.api.types.is_numeric_dtype(out[col]) and not pd.api.types.is_bool_dtype(out[col]):
            out[col] = out[col].map(_cell).astype(object)
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark: Excel then reads Chinese correctly. Missing stays empty."""
    return safe_frame(frame).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter",
                        engine_kwargs={"options": {"strings_to_formulas": False, "strings_to_urls": False}}) as xl:
        safe_frame(frame).to_excel(xl, sheet_name=sheet[:31], index=False)
    return buffer.getvalue()
