"""Downloads open cleanly in Excel: Chinese intact, formulas defused, missing stays empty."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

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
