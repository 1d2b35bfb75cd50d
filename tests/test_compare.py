"""The one comparison: every rule checked on a small hand-made dataset whose answers are worked out by hand
in the comments, then on the demo data for the cases a hand-made set cannot show."""

import math

import pandas as pd
import pytest

from unionbench.commit import UploadEntry, commit_observations
from unionbench.initdb import load_reference_data
from unionbench.read import comparison
from unionbench.read.selection import Selection, UnknownReference, selection_from_params
from unionbench.store import Store

HOME, SUINING, NEIJIANG, LUZHOU = "510800", "510900", "511000", "510500"
CANGXI, LIZHOU = "510824", "510802"
CHUANSHAN, ANJU = "510903", "510904"  # two of Suining's counties

# region: (workers, outdoor stations, member service bases, unions, eligible enterprises, problems identified,
#          rectified, trainings in the quarter, childcare subsidy in the quarter)
FIGURES = {
    HOME: (100_000, 100, 105, 80, 100, 30, 20, 3, 50.0),
    SUINING: (200_000, 300, 200, 90, 100, 40, 10, 2, 40.0),
    NEIJIANG: (100_000, 100, 100, 170, 200, 20, 5, 1, 40.0),
    LUZHOU: (100_000, 50, 100, 10, 100, 25, 10, 1, 40.0),
    CANGXI: (10_000, 10, 10, 8, 10, 3, 2, 1, 5.0),
    LIZHOU: (20_000, 30, 10, 8, 10, 3, 2, 1, 5.0),
    CHUANSHAN: (30_000, 90, 10, 8, 10, 3, 2, 1, 5.0),
    ANJU: (10_000, 10, 10, 8, 10, 3, 2, 1, 5.0),
}
NAMES = ("workers", "outdoor_stations", "member_service_bases", "unions_established", "enterprises_eligible",
         "problems_identified", "problems_rectified", "trainings", "childcare_subsidy")  # fmt: skip


def observations(figures: dict, period: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            (region, name, period, float(v))
            for region, row in figures.items()
            for name, v in zip(NAMES, row, strict=True)
        ],
        columns=["region", "indicator", "period", "value"],
    )


@pytest.fixture(scope="module")
def hand_store(tmp_path_factory):
    """Four cities and four counties in 2026Q3; in 2026Q4 only the home city and its counties have reported."""
    store = Store(tmp_path_factory.mktemp("compare") / "hand.duckdb")
    store.apply_schema()
    load_reference_data(store)
    q4 = {HOME: (100_000, 120, 105, 80, 100, 30, 20, 3, 90.0), CANGXI: FIGURES[CANGXI], LIZHOU: FIGURES[LIZHOU]}
    frame = pd.concat([observations(FIGURES, "2026Q3"), observations(q4, "2026Q4")])
    commit_observations(store, frame, UploadEntry(file_name="hand.csv", sha256="hand", user_name="test", layout="long"))
    yield store
    store.close()


def rows_for(store, home=HOME, period="2026Q3", reference="average", lang="zh", benchmark="suineilu"):
    sel = Selection(home, benchmark, period, reference, lang=lang)
    return comparison.comparison(store, sel).set_index("indicator")


def test_a_per_10k_benchmark_pools_the_members_sums_rather_than_averaging_their_ratios(hand_store):
    row = rows_for(hand_store).loc["outdoor_stations"]
    # home 100 / 100,000 → 10 per 10k; members (300 + 100 + 50) / 400,000 → 11.25 (the mean of ratios would be 10)
    assert row.basis == "per_10k_workers" and row.basis_unit == "个/万名职工"
    assert row.home_value == pytest.approx(10.0)
    assert row.benchmark_value == pytest.approx(11.25)
    assert row.gap == pytest.approx(-1.25)
    assert row.gap_rel == pytest.approx(-1.25 / 11.25)  # −11.1 %: beyond the 10 % band
    assert row.verdict == "behind" and row.verdict_text == "落后"
    assert row.value == 100 and row.value_text == "100个"  # the absolute value stays as context
    assert row.gap_text == "−1.25个/万名职工 (−11.1%)"


def test_a_rate_gap_is_in_points_against_the_pooled_rate(hand_store):
    row = rows_for(hand_store).loc["org_rate"]
    # home 80 / 100 = 80 %; members (90 + 170 + 10) / (100 + 200 + 100) = 67.5 %
    assert row.basis == "rate" and row.basis_unit == "%"
    assert row.benchmark_value == pytest.approx(67.5)
    assert row.gap == pytest.approx(12.5) and math.isnan(row.gap_rel)
    assert row.verdict == "ahead"
    assert row.gap_text == "+12.5 个百分点"
    assert "高12.5个百分点" in row.sentence


def test_fewer_problems_still_open_is_a_positive_gap_and_ahead_with_no_minus_sign(hand_store):
    row = rows_for(hand_store).loc["problems_open"]
    # home (30 − 20) / 100,000 → 1.0 per 10k; members (30 + 15 + 15) / 400,000 → 1.5: fewer open problems is better
    assert row.direction == "lower"
    assert row.home_value == pytest.approx(1.0) and row.benchmark_value == pytest.approx(1.5)
    assert row.difference == pytest.approx(-0.5)
    assert row.gap == pytest.approx(0.5) and row.gap_rel == pytest.approx(1 / 3)
    assert row.verdict == "ahead" and row.lead > 0
    assert row.gap_text == "+0.50项/万名职工 (+33.3%)"
    assert "少0.50项/万名职工" in row.sentence and "领先" in row.sentence


def test_a_gap_within_the_amber_band_above_the_benchmark_is_level_not_ahead(hand_store):
    row = rows_for(hand_store).loc["member_service_bases"]
    # home 105 / 100,000 → 10.5; members 400 / 400,000 → 10: +5 %, inside the 10 % band
    assert row.gap_rel == pytest.approx(0.05)
    assert row.verdict == "level"
    assert "基本持平" in row.sentence


def test_small_numbers_get_no_percentage_a_caution_and_no_place_among_strengths(hand_store):
    rows = rows_for(hand_store)
    row = rows.loc["trainings"]
    # home 3 sessions → 0.3 per 10k; members 4 / 400,000 → 0.1 per 10k, i.e. 1 session for a place of the home's size
    assert row.small and math.isnan(row.gap_rel)
    assert "%" not in row.gap_text and row.gap_text == "+0.20场/万名职工"
    assert row.verdict == "ahead" and "数量较小" in row.verdict_text
    strengths, weaknesses = comparison.strengths_and_weaknesses(rows.reset_index())
    assert "trainings" not in set(strengths.indicator) | set(weaknesses.indicator)


def test_a_count_that_grows_with_size_is_shown_but_not_judged(hand_store):
    row = rows_for(hand_store).loc["unions_established"]
    assert row.basis == "value" and not row.judged
    assert row.verdict == "" and row.benchmark_text == "—" and row.gap_text == "—"
    assert row.value_text == "80个"


def test_a_county_is_read_against_the_benchmark_cities_counties_never_a_city(hand_store):
    row = rows_for(hand_store, home=CANGXI).loc["outdoor_stations"]
    # Suining's two reporting counties: (90 + 10) / (30,000 + 10,000) → 25 per 10k; Suining the city is 15
    assert row.benchmark_value == pytest.approx(25.0)
    assert row.home_value == pytest.approx(10.0)
    assert row["rank"] == 2 and row.rank_of == 2  # among Guangyuan's counties with a figure: Lizhou 15, Cangxi 10


def test_the_rank_is_read_on_the_compared_basis_among_the_home_and_its_benchmark_cities(hand_store):
    row = rows_for(hand_store).loc["outdoor_stations"]
    # per 10k: Suining 15, home 10, Neijiang 10, Luzhou 5 → home shares second place
    assert (row["rank"], row.rank_of) == (2, 4)


def test_a_quarter_the_benchmark_has_not_reported_is_compared_with_its_latest_and_says_so(hand_store):
    rows = rows_for(hand_store, period="2026Q4")
    stock, flow = rows.loc["outdoor_stations"], rows.loc["childcare_subsidy"]
    # a stock: the home's newest quarter (120 stations → 12 per 10k) against the benchmark's 2026Q3 level
    assert stock.home_period == "2026Q4" and stock.benchmark_period == "2026Q3" and stock.benchmark_lags
    assert stock.home_value == pytest.approx(12.0) and stock.benchmark_value == pytest.approx(11.25)
    assert stock.verdict == "level"
    # a flow follows the calendar: both sides on 2026Q3 (home 50 万元 → 5 per 10k; members 120 / 400,000 → 3)
    assert flow.home_period == "2026Q3" and flow.home_value == pytest.approx(5.0)
    assert flow.benchmark_value == pytest.approx(3.0)
    assert rows["verdict"].ne("").sum() > 0  # never a screen of dashes
    sel = Selection(HOME, "suineilu", "2026Q4")
    assert comparison.as_of_note(rows.reset_index(), sel) == "对标数据截至2026年第三季度"
    assert comparison.as_of_note(rows_for(hand_store).reset_index(), sel) == ""


def test_the_best_reference_is_the_best_member_and_a_single_member_is_its_own_figure(hand_store):
    best = rows_for(hand_store, reference="best").loc["outdoor_stations"]
    assert best.benchmark_value == pytest.approx(15.0)  # Suining
    lowest_open = rows_for(hand_store, reference="best").loc["problems_open"]
    assert lowest_open.benchmark_value == pytest.approx(1.5)  # all three at 1.5 per 10k; lower is better
    single = rows_for(hand_store, reference=LUZHOU).loc["outdoor_stations"]
    assert single.benchmark_value == pytest.approx(5.0)
    with pytest.raises(UnknownReference):
        rows_for(hand_store, reference=CANGXI)  # a county is no reference for a city


def test_english_rows_read_in_english(hand_store):
    row = rows_for(hand_store, lang="en").loc["outdoor_stations"]
    assert row.basis_unit == "units per 10,000 workers"
    assert row.verdict_text == "behind"
    assert row.sentence.startswith("10.00 units per 10,000 workers, 1.25 units per 10,000 workers (11.1%) fewer")


def test_a_link_with_bad_values_falls_back_to_the_defaults_and_names_them():
    defaults = Selection(HOME, "suineilu", "2026Q3")
    params = {"home": "<script>", "bench": "nope", "period": "9" * 5000, "reference": "x" * 99, "lang": "fr"}
    sel, notes = selection_from_params(params, defaults, {HOME}, {"suineilu"}, ["2026Q3"])
    assert sel == defaults
    assert set(notes) == {"home", "bench", "period", "reference", "lang"}


def test_the_demo_city_has_verdicts_on_every_judged_indicator_and_none_on_raw_counts(store):
    rows = comparison.comparison(store, Selection(HOME, "suineilu", "2026Q3")).set_index("indicator")
    judged = rows[rows.judged]
    assert judged.verdict.isin(["ahead", "level", "behind"]).all()
    assert set(rows.index[~rows.judged]) == {
        "unions_established", "enterprises_eligible", "workers", "fulltime_chairs", "problems_identified",
        "problems_rectified",
    }  # fmt: skip
    ahead = judged[judged.verdict == "ahead"]
    assert (ahead.gap > 0).all() and not ahead.gap_text.str.startswith("−").any()
    behind = judged[judged.verdict == "behind"]
    assert (behind.gap < 0).all() and behind.gap_text.str.startswith("−").all()
