"""The plain table drawn in Debian chromium at a laptop's content width: a header word is never split across lines,
and a hostile 300-character cell still fits the page."""

import pandas as pd
import pytest

from components.plain import table_html

pytestmark = pytest.mark.browser
CONTENT_WIDTH = 906  # the main column of a 1366-wide window beside the sidebar
# The header words drawn on more than one line: a range over each word has one client rect per line it spans.
SPLIT_WORDS = """first => [...first.parentElement.children].flatMap(th => {
  const text = th.firstChild, split = [];
  for (const match of text.data.matchAll(/\\S+/g)) {
    const range = document.createRange();
    range.setStart(text, match.index); range.setEnd(text, match.index + match[0].length);
    if (range.getClientRects().length > 1) split.push(match[0]);
  }
  return split;
})"""


def review_row(file_name: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Submission": ["#1"],
            "Region": ["Cangxi County"],
            "File": [file_name],
            "Quarter": ["2026 Q4"],
            "Figures": [1],
            "By": ["cangxi"],
            "Sent at": ["2026-12-07 04:02"],
            "Status": ["submitted, awaiting review"],
            "Reason for return": [""],
        }  # fmt: skip
    )


def test_a_header_word_stays_whole_and_a_long_file_name_does_not_widen_the_table(browser):
    page = browser.new_page(viewport={"width": 1000, "height": 600})
    tables = table_html(review_row("cangxi-q4.csv"), "short") + table_html(review_row("x" * 300 + ".csv"), "long")
    page.set_content(f"<body style='width:{CONTENT_WIDTH}px;font-family:sans-serif'>{tables}</body>")
    for test_id in ("short", "long"):
        table = page.locator(f"[data-testid={test_id}]")
        assert table.bounding_box()["width"] <= CONTENT_WIDTH
        assert table.locator("th").first.evaluate(SPLIT_WORDS) == []
    page.close()
