"""The analysis functions, checked against figures worked out by hand, and on the demo database where it helps."""

import inspect
import math

import pandas as pd
import pytest

from unionbench.periods import periods_between
from unionbench.read import analysis, comparison
from unionbench.read.selection import Selection
from unionbench.read.targets import target_progress


def quarterly(values, first="2025Q1"):
    """A quarterly series starting at `first` (NaN for a missing quarter)."""
    first_year, first_quarter = int(first[:4]), int(first[-1])
    last_index = first_year * 4 + first_quarter - 1 + len(values) - 1
    labels = periods_between(first, f"{last_index // 4}Q{last_index % 4 + 1}")
    return pd.Series(values, index=labels, dtype=float)


# --- composite index --------------------------------------------------------------------------------------------

DIRECTIONS = {"stations": "higher", "open_problems": "lower", "workers": "neutral", "rate": "higher"}


def test_the_composite_is_the_mean_of_z_scores_with_lower_is_better_turned_round():
    wide = pd.DataFrame({"stations": [10.0, 20.0, 30.0], "open_problems": [3.0, 2.0, 1.0]}, index=["a", "b", "c"])
    result = analysis.composite_index(wide, DIRECTIONS)
    z = 10 / math.sqrt(200 / 3)  # population standard deviation of 10, 20, 30
    assert result["stations"].tolist() == pytest.approx([-z, 0, z])
    assert result["open_problems"].tolist() == pytest.approx([-z, 0, z])  # fewest open problems is best
    assert result["composite"].tolist() == pytest.approx([-z, 0, z])
    assert result["rank"].tolist() == [3, 2, 1]
    assert result["coverage"].tolist() == [2, 2, 2]


def test_z_scores_are_capped_so_one_extreme_region_cannot_dominate():
    values = pd.Series([1.0] * 16 + [100.0])  # the outlier's z is exactly 4 uncapped
    assert analysis.zscores(values, "higher", cap=10).iloc[-1] == pytest.approx(4.0)
    assert analysis.zscores(values, "higher").iloc[-1] == 3.0
    assert analysis.zscores(values, "lower").iloc[-1] == -3.0


def test_an_indicator_without_spread_or_with_a_single_figure_scores_everyone_zero():
    wide = pd.DataFrame(
        {"stations": [0.1, 0.1, 0.1], "rate": [math.nan, 80.0, math.nan]},
        index=["a", "b", "c"],
    )
    result = analysis.composite_index(wide, DIRECTIONS)
    assert result["stations"].tolist() == [0, 0, 0]
    assert result.at["b", "rate"] == 0 and result["rate"].isna().sum() == 2


def test_a_missing_figure_is_left_out_and_the_weights_renormalised_over_what_the_region_has():
    wide = pd.DataFrame({"stations": [10.0, 20.0, 30.0], "rate": [70.0, math.nan, 90.0]}, index=["a", "b", "c"])
    result = analysis.composite_index(wide, DIRECTIONS)
    assert result.at["b", "coverage"] == 1
    assert result.at["b", "composite"] == pytest.approx(result.at["b", "stations"])  # not dragged to 0 by a gap
    assert result.at["a", "composite"] == pytest.approx((result.at["a", "stations"] + result.at["a", "rate"]) / 2)


def test_weights_pull_the_composite_towards_the_heavier_indicator_and_zero_drops_one():
    wide = pd.DataFrame({"stations": [10.0, 30.0], "rate": [90.0, 70.0]}, index=["a", "b"])
    equal = analysis.composite_index(wide, DIRECTIONS)
    assert equal["composite"].tolist() == pytest.approx([0, 0]) and equal["rank"].tolist() == [1, 1]  # a tie
    rates_count_thrice = analysis.composite_index(wide, DIRECTIONS, weights={"rate": 3})
    assert rates_count_thrice["composite"].tolist() == pytest.approx([0.5, -0.5])  # (−1 + 3·1) ÷ 4
    no_rate = analysis.composite_index(wide, DIRECTIONS, weights={"rate": 0})
    assert no_rate["coverage"].tolist() == [1, 1] and no_rate["rank"].tolist() == [2, 1]
    with pytest.raises(ValueError):
        analysis.composite_index(wide, DIRECTIONS, weights={"rate": -1})


def test_neutral_context_indicators_do_not_enter_the_composite():
    wide = pd.DataFrame({"stations": [10.0, 30.0], "workers": [900_000.0, 100.0]}, index=["a", "b"])
    result = analysis.composite_index(wide, DIRECTIONS)
    assert "workers" not in result and result["coverage"].tolist() == [1, 1]
    assert result.at["b", "rank"] == 1


# --- ranks ------------------------------------------------------------------------------------------------------


def test_a_rank_move_is_positive_when_a_region_moves_up_and_missing_when_it_was_not_ranked():
    moves = analysis.rank_moves(pd.Series({"a": 3, "b": 1, "c": 2.0}), pd.Series({"a": 5, "b": 1, "d": 2.0}))
    assert moves["a"] == 2 and moves["b"] == 0 and math.isnan(moves["c"])


def test_both_neighbours_are_flagged_when_their_figures_differ_by_under_one_percent():
    flags = analysis.tiny_difference(pd.Series({"a": 100.0, "b": 100.5, "c": 80.0, "d": math.nan}))
    assert flags.to_dict() == {"a": True, "b": True, "c": False, "d": False}


def test_figures_that_would_display_the_same_are_flagged_at_the_display_resolution():
    values = pd.Series({"a": 1.2, "b": 1.4, "c": 5.0})  # 14 % apart, yet both show as 1 with no decimals
    assert not analysis.tiny_difference(values).any()
    assert analysis.tiny_difference(values, decimals=0).to_dict() == {"a": True, "b": True, "c": False}
    assert not analysis.tiny_difference(values, decimals=1).any()


def test_ties_are_tiny_differences_and_three_against_four_stations_is_not():
    assert analysis.tiny_difference(pd.Series({"a": 0.0, "b": 0.0})).all()
    assert not analysis.tiny_difference(pd.Series({"a": 3.0, "b": 4.0}), decimals=0).any()


def test_a_rank_table_cautions_a_move_when_either_quarters_rank_rests_on_a_tiny_difference():
    now = pd.Series({"a": 50.0, "b": 50.2, "c": 40.0})
    before = pd.Series({"a": 45.0, "b": 48.0, "c": 30.0})
    table = analysis.rank_table(now, before, "higher", decimals=1)
    assert table["rank"].to_dict() == {"a": 2, "b": 1, "c": 3}
    assert table["move"].to_dict() == {"a": 0, "b": 0, "c": 0}
    assert table["caution"].to_dict() == {"a": True, "b": True, "c": False}
    lower = analysis.rank_table(now, before, "lower")
    assert lower["rank"].to_dict() == {"a": 2, "b": 3, "c": 1}


# --- top performers, radar --------------------------------------------------------------------------------------


def test_the_top_performer_level_is_the_90th_percentile_or_the_10th_for_lower_is_better(store):
    # The p90 reference is read in SQL (queries/reference_levels.sql, quantile_cont) over the province's cities.
    sel = Selection("510800", "suineilu", "2026Q3", reference="p90")
    rule, field = comparison.reference_regions(store, sel)
    levels = comparison.reference_levels(store, sel, ["2026Q3"]).set_index("indicator")["level"]
    figures = store.query("compared_figures", regions=field, periods=["2026Q3"])
    assert rule == "p90" and len(field) == 21  # 21 cities, like Sichuan
    for indicator, direction in (("org_rate", "higher"), ("problems_open", "lower")):
        own = figures.loc[figures.indicator == indicator, "figure"].dropna().sort_values(ascending=direction == "lower")
        assert len(own) == 21
        assert levels[indicator] == pytest.approx(own.iloc[2])  # the third best: exactly the 90th (10th) percentile


def test_no_top_performer_level_is_judged_for_a_neutral_indicator(store):
    rows = comparison.comparison(store, Selection("510800", "suineilu", "2026Q3", reference="p90"))
    neutral = rows[rows.direction == "neutral"]
    assert len(neutral) and not neutral.judged.any() and (neutral.verdict == "").all()


def test_radar_scores_put_the_best_at_100_and_the_worst_at_0_whatever_the_direction():
    wide = pd.DataFrame(
        {"stations": [10.0, 20.0, 30.0], "open_problems": [4.0, 2.0, math.nan], "rate": [80.0, 80.0, 80.0]},
        index=["a", "b", "c"],
    )
    scores = analysis.normalised_scores(wide, DIRECTIONS)
    assert scores["stations"].tolist() == [0, 50, 100]
    assert scores["open_problems"].tolist()[:2] == [0, 100] and math.isnan(scores.at["c", "open_problems"])
    assert scores["rate"].tolist() == [50, 50, 50]  # nobody is better


# --- county contributions ---------------------------------------------------------------------------------------

COUNTIES = pd.DataFrame(
    {"value": [90.0, 300.0, 45.0], "base": [100.0, 500.0, 50.0]},  # unions formed, enterprises that should form one
    index=["small_good", "big_weak", "tiny_good"],
)


def test_county_contributions_to_a_rate_gap_add_up_exactly_to_the_city_gap():
    result = analysis.county_contributions(COUNTIES, benchmark=80.0, scale=100)
    city = 100 * COUNTIES["value"].sum() / COUNTIES["base"].sum()  # 66.9 %, the ratio of sums
    assert result["contribution"].sum() == pytest.approx(city - 80.0)
    assert result.at["big_weak", "contribution"] == pytest.approx(500 / 650 * (60 - 80))
    assert result.index.tolist() == ["big_weak", "tiny_good", "small_good"]  # worst first


def test_a_big_county_a_little_behind_weighs_more_than_a_small_county_far_behind():
    counties = pd.DataFrame({"value": [740.0, 30.0], "base": [1000.0, 100.0]}, index=["big", "small"])
    result = analysis.county_contributions(counties, benchmark=80.0, scale=100)
    assert result.at["big", "figure"] == pytest.approx(74) and result.at["small", "figure"] == pytest.approx(30)
    assert result.at["big", "contribution"] == pytest.approx(1000 / 1100 * -6)  # −5.5 points
    assert result.at["small", "contribution"] == pytest.approx(100 / 1100 * -50)  # −4.5 points
    assert result.index.tolist() == ["big", "small"]


def test_level_contributions_are_each_countys_shortfall_against_the_benchmark_density():
    stations = pd.DataFrame({"value": [50.0, 10.0], "base": [40_000.0, 20_000.0]}, index=["a", "b"])  # workers
    result = analysis.county_contributions(stations, benchmark=10.0, scale=10_000, as_level=True)
    assert result.at["a", "contribution"] == pytest.approx(50 - 40)  # 10 per 10,000 workers would give a county 40
    assert result.at["b", "contribution"] == pytest.approx(10 - 20)
    assert result["contribution"].sum() == pytest.approx(60 - 10.0 * 60_000 / 10_000)
    assert result.index.tolist() == ["b", "a"]


def test_for_lower_is_better_the_county_most_above_the_benchmark_comes_first():
    result = analysis.county_contributions(COUNTIES, benchmark=80.0, scale=100, direction="lower")
    assert result.index[0] == "small_good"


def test_a_county_missing_a_figure_gets_no_contribution_and_stays_out_of_the_sums():
    partial = COUNTIES.assign(base=[100.0, math.nan, 50.0])
    result = analysis.county_contributions(partial, benchmark=80.0, scale=100)
    assert math.isnan(result.at["big_weak", "contribution"]) and result.index[-1] == "big_weak"
    assert result["contribution"].sum() == pytest.approx(100 * 135 / 150 - 80)


def test_guangyuans_county_contributions_add_up_to_its_stored_gap_per_10k_workers(store):
    counties = store.query("child_regions", parent="510800")["adcode"].tolist()
    frame = store.query("values_by_region", regions=[*counties, "510800", "510900"], periods=["2026Q3"])
    wide = frame.pivot(index="region", columns="indicator", values="value")
    per_10k = frame.pivot(index="region", columns="indicator", values="per_10k")
    parts = wide.loc[counties, ["outdoor_stations", "workers"]].set_axis(["value", "base"], axis=1)
    benchmark = per_10k.at["510900", "outdoor_stations"]  # Suining's density
    result = analysis.county_contributions(parts, benchmark, scale=10_000)
    assert result["contribution"].sum() == pytest.approx(per_10k.at["510800", "outdoor_stations"] - benchmark)
    # Qingchuan has the fewest stations per 10,000 workers, but Cangxi, four times its size, costs the city more.
    assert result["figure"].idxmin() == "510822" and result.index[0] == "510824"
    assert result.at["510823", "contribution"] > 0  # Jiange is ahead of Suining
    stations = analysis.county_contributions(parts, benchmark, scale=10_000, as_level=True)
    city = wide.loc["510800"]
    assert stations["contribution"].sum() == pytest.approx(city.outdoor_stations - benchmark * city.workers / 10_000)


# --- trends ---------------------------------------------------------------------------------------------------


def trend(series: pd.Series, direction: str, stock_flow: str = "stock", in_points: bool = False):
    """The rule the comparison runs (analysis.trend) on a quarterly series' levels (a flow's four-quarter totals)."""
    return analysis.trend(analysis.levels_of(series.to_numpy(), stock_flow == "flow"), direction, in_points)


def catch_up(home: pd.Series, bench: pd.Series, direction: str, stock_flow: str = "stock", max_quarters: int = 40):
    """The rule the comparison runs (analysis.catch_up) on two quarterly series over the same quarters."""
    home, bench = home.align(bench)
    flow = stock_flow == "flow"
    levels = analysis.levels_of(home.to_numpy(), flow), analysis.levels_of(bench.to_numpy(), flow)
    return analysis.catch_up(*levels, direction, max_quarters=max_quarters)


@pytest.mark.parametrize(
    ("values", "direction", "status"),
    [
        ([100, 102, 104, 106], "higher", "improving"),  # 2 a quarter, above 1 % of the mean (1.03)
        ([100, 102, 104, 106], "lower", "worsening"),
        ([100, 100.5, 100.2, 100.8], "higher", "stagnating"),  # 0.21 a quarter, under 1.0
        ([106, 104, 102, 100], "higher", "worsening"),
        ([106, 104, 102, 100], "neutral", "unknown"),
    ],
)
def test_a_stock_trend_reads_the_slope_of_the_last_four_quarters_against_its_direction(values, direction, status):
    assert trend(quarterly(values), direction).status == status


def test_a_rate_is_stagnating_under_a_quarter_point_a_quarter_though_one_percent_would_be_stricter():
    rising = quarterly([70.0, 70.3, 70.6, 70.9])  # 0.3 points a quarter
    crawling = quarterly([70.0, 70.2, 70.4, 70.6])
    assert trend(rising, "higher", in_points=True).status == "improving"
    assert trend(rising, "higher").status == "stagnating"  # 1 % of 70 would need 0.7 a quarter
    assert trend(crawling, "higher", in_points=True).status == "stagnating"


def test_only_the_last_four_quarters_count_and_fewer_than_three_figures_there_is_unknown():
    long_fall_then_rise = quarterly([200, 180, 160, 140, 100, 104, 108, 112], first="2024Q1")
    result = trend(long_fall_then_rise, "higher")
    assert result.status == "improving" and result.slope == pytest.approx(4) and result.points == 4
    gappy = quarterly([100, 110, math.nan, math.nan, 120], first="2024Q4")  # 2025Q1 … Q4: two figures
    assert trend(gappy, "higher").status == "unknown"


def test_a_flow_is_judged_on_its_four_quarter_totals_so_its_season_is_not_a_trend():
    seasonal = quarterly([70, 100, 100, 130] * 2, first="2024Q1")  # the same year twice
    assert trend(seasonal, "higher").status == "improving"  # the raw quarters rise to year end …
    assert trend(seasonal, "higher", stock_flow="flow").status == "stagnating"  # … the year does not
    growing = quarterly([70, 100, 100, 130, 77, 110, 110, 143], first="2024Q1")  # each quarter 10 % up on last year
    assert trend(growing, "higher", stock_flow="flow").status == "improving"
    assert trend(quarterly([70, 100, 100, 130, 77]), "higher", stock_flow="flow").status == "unknown"


# --- catch-up ---------------------------------------------------------------------------------------------------


def test_a_region_level_with_or_ahead_of_the_benchmark_needs_no_quarters():
    result = catch_up(quarterly([100, 101, 102]), quarterly([90, 95, 102]), "higher")
    assert result.quarters == 0 and result.reason == "ahead"


def test_the_gap_closes_in_the_rounded_up_number_of_quarters_at_both_current_paces():
    home, bench = quarterly([79, 82, 85, 88]), quarterly([100, 101, 102, 103])  # 3 and 1 a quarter
    result = catch_up(home, bench, "higher")
    assert result.gap == 15 and result.closing_per_quarter == pytest.approx(2)
    assert result.quarters == 8 and result.reason == "closing"  # 7.5 quarters, rounded up


def test_a_gap_that_shrinks_by_exactly_whole_quarters_is_not_rounded_up_further():
    result = catch_up(quarterly([80, 83, 86, 89]), quarterly([100, 101, 102, 103]), "higher")
    assert result.gap == 14 and result.quarters == 7


def test_a_benchmark_growing_as_fast_or_faster_is_never_caught_at_the_current_pace():
    result = catch_up(quarterly([80, 81, 82, 83]), quarterly([100, 102, 104, 106]), "higher")
    assert result.quarters is None and result.reason == "widening"
    level = catch_up(quarterly([80, 81, 82, 83]), quarterly([100, 101, 102, 103]), "higher")
    assert level.quarters is None and level.reason == "widening"


def test_a_catch_up_longer_than_ten_years_counts_as_never_at_the_current_pace():
    result = catch_up(quarterly([0, 1, 2, 3]), quarterly([100, 100, 100, 100]), "higher")
    assert result.quarters is None and result.reason == "too_slow"  # 97 quarters
    assert catch_up(quarterly([0, 1, 2, 3]), quarterly([100] * 4), "higher", max_quarters=100).quarters == 97


def test_for_lower_is_better_catching_up_means_coming_down_to_the_benchmark():
    result = catch_up(quarterly([30, 28, 26, 24]), quarterly([20, 20, 20, 20]), "lower")
    assert result.quarters == 2 and result.gap == 4


def test_catch_up_needs_three_quarters_of_figures_on_both_sides():
    result = catch_up(quarterly([80, 90]), quarterly([100, 101, 102, 103]), "higher")
    assert result.quarters is None and result.reason == "not_enough_data"


def test_a_flow_catches_up_on_its_annual_pace_not_on_single_quarters():
    home = quarterly([70, 100, 100, 130, 77, 110, 110, 143, 84.7], first="2024Q1")  # 10 % up on last year
    bench = quarterly([120] * 9, first="2024Q1")  # flat, 480 a year
    result = catch_up(home, bench, "higher", stock_flow="flow")
    assert result.gap == pytest.approx(480 - (110 + 110 + 143 + 84.7))  # 32.3 behind over the last four quarters
    assert result.closing_per_quarter == pytest.approx(10.51)  # the annual pace rises 10.5 a quarter
    assert result.quarters == 4


# --- what-if ----------------------------------------------------------------------------------------------------


def test_a_stock_must_rise_by_the_gap_divided_by_the_quarters_left():
    needed = analysis.needed_per_quarter(380, 400, quarters_left=2, pace=6)
    assert needed.per_quarter == 10 and needed.total == 20 and not needed.reached
    assert needed.step_up == 4  # 4 more a quarter than the current 6


def test_a_flow_needs_the_rest_of_the_annual_amount_spread_over_the_quarters_left():
    # 300 万元 obtained in Q1 and Q2 against an annual benchmark of 1000: each of Q3 and Q4 must bring 350.
    needed = analysis.needed_per_quarter(300, 1000, quarters_left=2, stock_flow="flow", pace=200)
    assert needed.per_quarter == 350 and needed.total == 700
    assert needed.step_up == 150  # 150 more than this quarter's 200


def test_nothing_is_needed_once_reached_and_no_amount_helps_when_no_quarter_is_left():
    done = analysis.needed_per_quarter(410, 400, 2)
    assert done.reached and done.per_quarter == 0 and done.total == -10
    late = analysis.needed_per_quarter(380, 400, 0)
    assert math.isnan(late.per_quarter) and not late.reached and late.total == 20


def test_for_lower_is_better_the_needed_change_is_a_fall():
    needed = analysis.needed_per_quarter(30, 20, 2, direction="lower")
    assert needed.per_quarter == -5 and not needed.reached
    assert analysis.needed_per_quarter(18, 20, 2, direction="lower").reached


def test_year_to_date_sums_this_years_quarters_and_is_missing_when_one_is_missing():
    funds = quarterly([500, 70, 100, 100], first="2024Q4")
    assert analysis.year_to_date(funds, "2025Q3") == 270  # last year's Q4 is not this year
    assert analysis.year_to_date(funds, "2025Q1") == 70
    assert math.isnan(analysis.year_to_date(quarterly([70, math.nan, 100]), "2025Q3"))
    assert [analysis.quarters_left_in_year(p) for p in ("2025Q1", "2025Q4")] == [3, 0]


def test_four_quarter_totals_need_all_four_quarters():
    series = quarterly([1, 2, 3, 4, 5, math.nan, 7, 8, 9, 10], first="2024Q1")
    totals = pd.Series(analysis.levels_of(series.to_numpy(), flow=True), index=series.index).dropna()
    assert totals.to_dict() == {"2024Q4": 10, "2025Q1": 14, "2026Q2": 34}


# --- targets ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ytd", "status"),
    [(150, "lagging"), (170, "on_track"), (400, "reached")],  # 37.5 %, 42.5 % and 100 % where 50 % was due
)
def test_a_flow_target_compares_the_year_to_date_with_its_share_of_the_year(ytd, status):
    progress = target_progress(400, ytd, quarter=2, stock_flow="flow")
    assert progress.expected == 200 and progress.due == 0.5 and progress.status == status
    assert progress.achieved == pytest.approx(ytd / 400)


@pytest.mark.parametrize(("level", "status"), [(125, "lagging"), (128, "on_track"), (141, "reached")])
def test_a_stock_target_compares_the_level_with_the_straight_line_from_the_start_of_the_year(level, status):
    progress = target_progress(140, level, quarter=3, stock_flow="stock", start=100)
    assert progress.expected == 130 and progress.status == status
    assert progress.behind == pytest.approx(0.75 - (level - 100) / 40)


def test_a_target_not_reached_at_the_end_of_the_year_is_missed_however_close():
    assert target_progress(400, 399, quarter=4, stock_flow="flow").status == "missed"
    assert target_progress(400, 400, quarter=4, stock_flow="flow").status == "reached"


def test_a_stock_target_without_a_start_level_or_a_figure_is_unknown():
    assert target_progress(140, 120, quarter=2, stock_flow="stock").status == "unknown"
    assert target_progress(140, math.nan, quarter=2, stock_flow="stock", start=100).status == "unknown"


def test_a_seasonal_schedule_spares_a_flow_its_quiet_first_quarter():
    assert target_progress(400, 50, quarter=1, stock_flow="flow").status == "lagging"
    seasonal = target_progress(400, 50, quarter=1, stock_flow="flow", schedule=(0.125, 0.4, 0.65, 1.0))
    assert seasonal.status == "on_track" and seasonal.expected == 50


def test_a_lower_is_better_target_is_progress_downwards():
    assert target_progress(20, 35, 2, "stock", start=40, direction="lower").status == "lagging"
    assert target_progress(20, 29, 2, "stock", start=40, direction="lower").status == "on_track"
    assert target_progress(20, 19, 2, "stock", start=40, direction="lower").status == "reached"


def test_a_level_to_hold_that_slipped_is_lagging():
    assert target_progress(100, 98, 2, "stock", start=100).status == "lagging"
    assert target_progress(100, 100, 2, "stock", start=100).status == "reached"


# --- the methodology page ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", analysis.METHODS, ids=lambda f: f.__name__)
def test_every_method_on_the_methodology_page_states_its_rule_in_a_docstring(method):
    text = inspect.getdoc(method) or ""
    assert len(text) > 150 and text.count(".") >= 2, method.__name__


def test_the_methodology_page_shows_the_source_of_the_rules_the_comparison_runs():
    from unionbench import methodology

    shown = {rule.title: rule for rule in methodology.shown_rules()}
    for name in ("analysis.trend", "analysis.catch_up", "analysis.needed_per_quarter", "comparison.verdict_of"):
        assert name in shown and f"def {name.split('.')[1]}(" in shown[name].source
    runs = inspect.getsource(comparison._row) + inspect.getsource(comparison._needed)
    assert "analysis.trend(" in runs and "analysis.catch_up(" in runs and "analysis.needed_per_quarter(" in runs
    assert "quantile_cont(figure, 0.9)" in shown["queries/reference_levels.sql"].source
