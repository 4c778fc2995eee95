"""Download builders: exactly the data displayed, in files that open cleanly in Excel."""

from __future__ import annotations

import io

import pandas as pd

from etl.datapackage import FORMULA_START, csv_bytes, safe_frame  # noqa: F401 (re-exported)

# The CSV writer (safe_frame, csv_bytes) lives in etl/datapackage.py: the ETL writes the release's CSV
# files with it, and etl/ imports nothing of filmdash. One writer, one defusal, for every CSV handed out.


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter",
                        engine_kwargs={"options": {"strings_to_formulas": False, "strings_to_urls": False}}) as xl:
        safe_frame(frame).to_excel(xl, sheet_name=sheet[:31], index=False)
    return buffer.getvalue()
