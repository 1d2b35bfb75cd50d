"""The wall screen's story: its headline sentence, the order of its lagging-indicator slides and the
'improved on last quarter' count, all in the core (unionbench.read.comparison), checked on hand-made rows and on the
hand-made store of tests/test_compare.py, whose numbers are worked out there."""

import math

import pandas as pd

from tests.test_compare import HOME, hand_store, rows_for  # noqa: F401  (hand_store is a fixture)
from unionbench.read import comparison
from unionbench.read.selection import Selection

NAN = math.nan


def rows(*spec) -> pd.DataFrame:
    """Comparison rows with just the columns the story reads: (indicator, verdict, lead, gap, lead_text)."""
    frame = pd.DataFrame(spec, columns=["indicator", "verdict", "lead", "gap", "lead_text"])
    return frame.assign(name=frame["indicator"].str.upper(), judged=frame["verdict"] != "")


NOW = rows(
    ("stations", "behind", -24.4, -3.07, "−24.4%"),
    ("funds", "behind", -34.8, -5.86, "−34.8%"),
    ("org_rate", "behind", -3.1, -3.1, "−3.1 个百分点"),
    ("bases", "ahead", 23.8, 1.26, "+23.8%"),
    ("members", "level", -1.3, -115.0, "−1.3%"),
    ("trainings", "behind", NAN, -0.05, "−0.05场/万名职工"),  # small numbers: no lead, never a headline
    ("workers", "", NAN, NAN, "—"),  # not judged
)
BEFORE = rows(
    ("stations", "behind", -25.04, -3.12, "−25.0%"),  # −25.0 → −24.4: improved
    ("funds", "behind", -34.76, -5.80, "−34.8%"),  # −34.8 → −34.8 as shown: not improved
    ("org_rate", "behind", -3.0, -3.0, "−3.0 个百分点"),  # −3.0 → −3.1 points: worse
    ("bases", "ahead", 23.0, 1.20, "+23.0%"),  # improved
    ("members", "", NAN, NAN, "—"),  # not judged a quarter ago: not counted either way
    ("trainings", "behind", NAN, -0.11, "−0.11场/万名职工"),  # small on both sides: read on the gap, improved
)


def test_the_headline_counts_the_judged_and_the_lagging_names_the_largest_gap_and_the_improvements():
    sel = Selection(HOME, "suineilu", "2026Q3")
    # judged 6 (workers is not); behind 4; largest gap by lead −34.8 (funds), not the small trainings row;
    # improved: stations, bases, trainings = 3 of the 5 judged in both quarters
    assert comparison.improved_since(NOW, BEFORE) == (3, 5)
    assert comparison.headline_sentence(NOW, sel, "遂内泸", BEFORE) == (
        "6 项指标中 4 项落后于遂内泸 · 差距最大：FUNDS −34.8% · 差距较上季改善 3 项"
    )


def test_the_english_headline_reads_in_english():
    sel = Selection(HOME, "suineilu", "2026Q3", lang="en")
    assert comparison.headline_sentence(NOW, sel, "Suining, Neijiang, Luzhou", BEFORE) == (
        "4 of 6 indicators behind Suining, Neijiang, Luzhou · Largest gap: FUNDS −34.8% · "
        "3 gaps better than last quarter"
    )


def test_without_a_previous_quarter_the_headline_says_nothing_about_improvement():
    sel = Selection(HOME, "suineilu", "2026Q3")
    assert comparison.headline_sentence(NOW, sel, "遂内泸") == "6 项指标中 4 项落后于遂内泸 · 差距最大：FUNDS −34.8%"
    nothing_before = rows(("stations", "", NAN, NAN, "—"))
    assert comparison.headline_sentence(NOW, sel, "遂内泸", nothing_before).endswith("FUNDS −34.8%")


def test_a_headline_with_nothing_behind_or_nothing_judged_says_so():
    sel = Selection(HOME, "suineilu", "2026Q3")
    ahead = rows(("bases", "ahead", 23.8, 1.26, "+23.8%"), ("members", "level", -1.3, -115.0, "−1.3%"))
    assert comparison.headline_sentence(ahead, sel, "扬州") == "2 项指标无一落后于扬州"
    assert comparison.headline_sentence(rows(("workers", "", NAN, NAN, "—")), sel, "扬州") == "暂无可与扬州对标的指标"


def test_the_lagging_slides_go_worst_first_without_small_numbers_and_keep_to_the_chosen_indicators():
    # leads: funds −34.8 %, stations −24.4 %, org_rate −3.1 points; trainings is small, bases ahead
    assert comparison.lagging_worst_first(NOW) == ["funds", "stations", "org_rate"]
    assert comparison.lagging_worst_first(NOW, only=["org_rate", "stations", "bases"]) == ["stations", "org_rate"]


def test_lead_text_is_the_gap_in_one_short_figure(hand_store):  # noqa: F811
    q3 = rows_for(hand_store)
    # outdoor stations: 10 against 11.25 per 10k → −11.1 %; org rate 80 % against 67.5 % → +12.5 points
    assert q3.at["outdoor_stations", "lead_text"] == "−11.1%"
    assert q3.at["org_rate", "lead_text"] == "+12.5 个百分点"
    assert q3.at["trainings", "lead_text"] == "+0.20场/万名职工"  # small numbers: no percentage
    assert q3.at["unions_established", "lead_text"] == "—"  # not judged


def test_the_hand_made_city_lags_on_stations_in_q3_and_has_caught_up_by_q4(hand_store):  # noqa: F811
    sel = Selection(HOME, "suineilu", "2026Q3")
    q3 = comparison.comparison(hand_store, sel)
    q4 = comparison.comparison(hand_store, Selection(HOME, "suineilu", "2026Q4"))
    assert comparison.previous_quarter(sel) == Selection(HOME, "suineilu", "2026Q2")
    # 2026Q3: judged 7 (stations, bases, subsidy, org rate, rectification rate, problems open, trainings); only
    # stations behind (10 against 11.25 per 10k). 2026Q2 has no figures: no improvement clause.
    previous = comparison.comparison(hand_store, comparison.previous_quarter(sel))
    assert comparison.headline_sentence(q3, sel, "遂内泸", previous) == (
        "7 项指标中 1 项落后于遂内泸 · 差距最大：户外劳动者服务站点 −11.1%"
    )
    # 2026Q4: the home's 120 stations → 12 per 10k against the benchmark's 2026Q3 11.25 → +6.7 %, level; the
    # other six read the same as in Q3 (the subsidy, a flow, on 2026Q3 for both sides): one improvement of seven
    assert comparison.improved_since(q4, q3) == (1, 7)
    q4_sel = Selection(HOME, "suineilu", "2026Q4")
    assert comparison.headline_sentence(q4, q4_sel, "遂内泸", q3) == "7 项指标无一落后于遂内泸 · 差距较上季改善 1 项"


def test_the_demo_city_headline(store):
    sel = Selection(HOME, "suineilu", "2026Q3")
    now = comparison.comparison(store, sel)
    before = comparison.comparison(store, comparison.previous_quarter(sel))
    assert comparison.headline_sentence(now, sel, "遂内泸", before).startswith(
        "15 项指标中 11 项落后于遂内泸 · 差距最大：争取财政资金 −34.8% · 差距较上季改善 "
    )
    assert comparison.lagging_worst_first(now)[:2] == ["funds_government", "childcare_subsidy"]
