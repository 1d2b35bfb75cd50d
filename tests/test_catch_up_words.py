"""Catching up in words a chair can check: a stock's rise each quarter, a flow's amount still due in the year
(naming it), and whether the gap narrowed or widened on last quarter — the one count the wall screen's headline
reads. Every number here is worked out by hand in the comments."""

import math

import numpy as np
import pandas as pd

from unionbench.catalog import Indicator
from unionbench.read import comparison
from unionbench.read.selection import Selection

NAN = math.nan


def indicator(stock_flow: str, direction: str = "higher") -> Indicator:
    return Indicator("funds", "争取财政资金", "万元", "funds", direction, "sum", stock_flow, None, 2, 5.0, "", "amount")


def row(**values) -> dict:
    base = {"verdict": "behind", "stock_flow": "stock", "is_rate": False, "basis_unit": "万元",
            "home_period": "2026Q3", "needed_per_quarter": NAN}  # fmt: skip
    return base | values


def test_a_flow_names_the_year_and_what_the_rest_of_it_must_still_bring_in():
    # home's quarters 2026Q1..Q3: 2 + 3 + 4 = 9 so far; the benchmark's last four quarters 5 each = 20 a year;
    # 20 − 9 = 11 still due, all of it in Q4 (one quarter left)
    home = np.array([1, 1, 1, 1, 1, 2, 3, 4], dtype=float)
    bench = np.full(8, 5.0)
    needed = comparison._needed(indicator("flow"), home, bench, "2026Q3", 7, NAN)
    assert needed == 11
    text = comparison.needed_text(row(stock_flow="flow", needed_per_quarter=needed), "zh")
    assert text == "2026年全年还需完成11.00万元（按对标全年水平）"
    assert comparison.needed_text(row(stock_flow="flow", needed_per_quarter=needed), "en") == (
        "CNY 110,000 more in 2026 as a whole (against the benchmark's yearly level)"
    )


def test_a_flow_read_after_the_second_quarter_still_counts_the_whole_year_left():
    # 2026Q2: 6 still due over two quarters → 3 a quarter; the words give the year's 6, not a rise per quarter
    text = comparison.needed_text(row(stock_flow="flow", home_period="2026Q2", needed_per_quarter=3.0), "zh")
    assert text == "2026年全年还需完成6.00万元（按对标全年水平）"


def test_a_stock_rises_each_quarter_and_a_lower_is_better_stock_falls():
    # level 380 against 400 in Q2: 20 over two quarters → 10 a quarter
    needed = comparison._needed(indicator("stock"), np.array([380.0]), np.array([400.0]), "2026Q2", 0, NAN)
    assert needed == 10
    assert comparison.needed_text(row(home_period="2026Q2", needed_per_quarter=needed), "zh") == "每季需增10.00万元"
    assert comparison.needed_text(row(needed_per_quarter=-0.5), "zh") == "每季需减0.50万元"


def test_nothing_is_needed_when_ahead_or_when_the_year_is_over():
    assert comparison.needed_text(row(verdict="ahead", needed_per_quarter=3.0), "zh") == "—"
    assert comparison.needed_text(row(home_period="2026Q4"), "zh") == "—"


def rows(*spec) -> pd.DataFrame:
    return pd.DataFrame(spec, columns=["indicator", "verdict", "lead", "gap", "lead_text"])


NOW = rows(
    ("stations", "behind", -24.4, -3.07, "−24.4%"),  # last quarter −25.0 %: the gap narrowed
    ("funds", "behind", -25.9, -1.04, "−25.9%"),  # last quarter −20.4 %: widened
    ("bases", "ahead", 23.8, 1.26, "+23.8%"),  # last quarter +23.0 %: the lead grew
    ("members", "level", -1.3, -115.0, "−1.3%"),  # last quarter −1.3 % as shown: unchanged
    ("workers", "", NAN, NAN, "—"),  # context, never judged: never counted
    ("rectified", "behind", -2.0, -2.0, "−2.0 个百分点"),  # not judged last quarter: not counted
)
BEFORE = rows(
    ("stations", "behind", -25.04, -3.12, "−25.0%"),
    ("funds", "behind", -20.4, -0.80, "−20.4%"),
    ("bases", "ahead", 23.0, 1.20, "+23.0%"),
    ("members", "level", -1.31, -116.0, "−1.3%"),
    ("workers", "", NAN, NAN, "—"),
    ("rectified", "", NAN, NAN, "—"),
)


def test_the_gap_on_last_quarter_is_said_with_last_quarters_figure():
    changed = comparison.with_gap_change(NOW, BEFORE, "zh")
    assert changed["gap_change_text"].tolist() == [
        "改善：差距缩小（上季−25.0%）",
        "变差：差距扩大（上季−20.4%）",
        "改善：领先扩大（上季+23.0%）",
        "持平",
        "—",
        "—",
    ]
    english = comparison.with_gap_change(NOW, BEFORE, "en")["gap_change_text"].tolist()
    assert english[:3] == ["better: gap narrowed (was −25.0%)", "worse: gap widened (was −20.4%)",
                           "better: lead grew (was +23.0%)"]  # fmt: skip


def test_the_headline_counts_exactly_the_rows_the_gap_page_marks_better():
    changed = comparison.with_gap_change(NOW, BEFORE, "zh")
    # better: stations, bases = 2 of the 4 judged in both quarters (funds worse, members unchanged)
    assert (changed["gap_change"] == comparison.BETTER).sum() == 2
    assert comparison.improved_since(NOW, BEFORE) == (2, 4)
    sel = Selection("510800", "suineilu", "2026Q3")
    headline = comparison.headline_sentence(changed.assign(name=changed["indicator"]), sel, "遂内泸")
    assert headline.endswith("差距较上季改善 2 项")


def test_on_the_demo_city_the_wall_screens_count_is_the_gap_pages_count(store):
    sel = Selection("510800", "suineilu", "2026Q3")
    rows_shown = comparison.comparison_with_change(store, sel)
    better = int((rows_shown["gap_change"] == comparison.BETTER).sum())
    assert not rows_shown.loc[~rows_shown["judged"], "gap_change"].any()  # context rows are never counted
    assert comparison.headline_sentence(rows_shown, sel, "遂内泸").endswith(f"差距较上季改善 {better} 项")


def test_the_methodology_says_each_of_these_in_plain_words_in_both_languages():
    from unionbench.i18n import t
    from unionbench.methodology import SECTIONS

    text = "".join(t(key, lang) for s in SECTIONS for key in (s.title, s.body) for lang in ("zh", "en"))
    for words in ("每季需增 X", "全年还需完成 X（按对标全年水平）", "差距较上季", "本地走势", "全市数据仍为第三季度"):
        assert words in text
    for words in ("up X a quarter", "more in YEAR as a whole", "Gap vs last quarter", "Own trend", "still for Q3"):
        assert words in text


def test_a_chart_names_its_quarters_in_chinese_with_the_year_where_it_starts():
    from unionbench.formatting import period_tick

    assert period_tick("2025Q1", True, "zh") == "2025年一季度"
    assert period_tick("2025Q2", False, "zh") == "二季度"
    assert period_tick("2025Q2", False, "en") == "2025 Q2"
