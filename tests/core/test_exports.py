"""Downloads open cleanly in Excel: Chinese intact, formulas defused, missing stays empty."""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
import pytest

from filmdash.core import exports


def test_csv_has_bom_and_chinese():
    frame = pd.DataFrame({"city": ["青岛", "Bradford"], "companies": [5, None], "share": [0.25, None]})
    data = exports.csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    # a count with a missing value stays a whole number; a fraction stays a fraction; missing stays empty
    assert data.decode("utf-8-sig").splitlines() == ["city,companies,share", "青岛,5,0.25", "Bradford,,"]
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back["companies"].tolist()[0] == 5 and pd.isna(back["companies"].tolist()[1])


def test_formulas_are_defused_and_lists_joined():
    frame = pd.DataFrame({"quote": ["=HYPERLINK(\"http://x\")", "+1", "plain"], "ids": [["a", "b"], [], ["c"]]})
    text = exports.csv_bytes(frame).decode("utf-8-sig").splitlines()
    assert text[1].startswith("\"'=HYPERLINK") and text[2].startswith("'+1")
    assert text[1].endswith(",a | b") and text[3] == "plain,c"


def test_xlsx_keeps_text_as_text():
    frame = pd.DataFrame({"quote": ["=1+1", "东方影都"], "n": [1, 2]})
    book = openpyxl.load_workbook(io.BytesIO(exports.xlsx_bytes(frame)))
    sheet = book.active
    assert [c.value for c in sheet[2]] == ["'=1+1", 1]
    assert sheet["A3"].value == "东方影都" and sheet["A2"].data_type == "s"


# --- every download round-trips ---------------------------------------------------------------
NASTY = ["line\rbreak", "line\nbreak", "both\r\nends", "\rleading return", "trailing\r", 'say "hi"', '"', "a,b",
         "=1+1", "+49 30", "-5", "@user", "\ttab", " space ", "", "青岛\r东方影都", "x\u2028y", "'quoted'", "#", ";"]


def nasty_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "text": NASTY,
        "label": [f"v{i}\n{s}" for i, s in enumerate(NASTY)],
        "n": range(len(NASTY)),
        "share": [i / 4 for i in range(len(NASTY))],
        "maybe": [None if i % 3 == 0 else f"m{i}" for i in range(len(NASTY))],
    })


def expected_cells(frame: pd.DataFrame) -> list[list[str]]:
    """What the file must hold, as text: formula-like text defused with a leading ', the rest as it is."""
    safe = exports.safe_frame(frame)
    return [["" if pd.isna(v) else str(v) for v in row] for row in safe.itertuples(index=False)]


def test_csv_round_trips_with_the_csv_module():
    frame = nasty_frame()
    text = exports.csv_bytes(frame).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(frame.columns)
    assert rows[1:] == expected_cells(frame)


def test_csv_round_trips_with_pandas():
    frame = nasty_frame()
    back = pd.read_csv(io.BytesIO(exports.csv_bytes(frame)), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(back.columns) == list(frame.columns)
    assert back.values.tolist() == expected_cells(frame)
    # and typed: the numbers come back as the numbers
    typed = pd.read_csv(io.BytesIO(exports.csv_bytes(frame)), encoding="utf-8-sig")
    assert typed["n"].tolist() == frame["n"].tolist() and typed["share"].tolist() == frame["share"].tolist()


@pytest.mark.parametrize("value", NASTY)
def test_each_value_is_one_cell_of_one_row(value):
    """One value, one row: its cell reads back as the value (behind one ' when it looks like a formula)."""
    text = exports.csv_bytes(pd.DataFrame({"v": [value], "n": [1]})).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    defused = "'" + value if value.startswith(exports.FORMULA_START) else value
    assert rows == [["v", "n"], [defused, "1"]]
