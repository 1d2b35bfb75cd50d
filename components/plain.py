"""User-supplied text (file names, user names, cells of an uploaded file) drawn as plain text, never as Markdown.

`st.table`, `st.markdown`, `st.caption` and friends read Markdown: a file named `![t](http://…/x.png)` would load an
image, `[重新登录](…)` would be a live link and `www.evil.example.csv` is auto-linked. Here every
cell and header is HTML-escaped and drawn by `st.html`, which has no Markdown and no auto-linking.
"""

from html import escape

import pandas as pd
import streamlit as st

CSS = (
    "<style>.ub-plain{border-collapse:collapse;width:100%;font-size:0.9rem;margin-bottom:1rem}"
    ".ub-plain th,.ub-plain td{border-bottom:1px solid #e3e5ea;padding:6px 10px;text-align:left;"
    "vertical-align:top;white-space:pre-wrap;overflow-wrap:anywhere}"
    # Headers are the product's own words: each keeps its words whole, so a column is never narrower than its
    # longest header word and a short cell under it ("cangxi") is not split either; cells may break anywhere (a
    # 300-character file name must not widen the page).
    ".ub-plain th{font-weight:600;color:#3a3f4b;border-bottom:2px solid #d9dce3;overflow-wrap:normal}</style>"
)


def cell_text(value) -> str:
    """A cell as the text a person reads: missing → —, whole floats without .0."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA or value is pd.NaT:
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def table_html(frame: pd.DataFrame, test_id: str) -> str:
    header = "".join(f"<th>{escape(str(column))}</th>" for column in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell_text(value))}</td>" for value in row) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    head = f'<table class="ub-plain" data-testid="{escape(test_id)}"><thead><tr>{header}</tr></thead>'
    return f"{CSS}{head}<tbody>{body}</tbody></table>"


def plain_table(frame: pd.DataFrame, test_id: str = "ub-plain-table") -> None:
    """A static table whose every cell and header is shown exactly as written (printable, like st.table)."""
    st.html(table_html(frame, test_id))
