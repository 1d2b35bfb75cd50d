import math

import pandas as pd
import pytest

from unionbench import metrics

MEMBERS = pd.DataFrame(
    {
        "stations": [10.0, 20.0, 30.0],
        "unions": [90.0, 10.0, 400.0],
        "eligible": [100.0, 100.0, 500.0],
        "rate": [90.0, 10.0, 80.0],
    },
    index=["a", "b", "c"],
)


def test_a_members_benchmark_of_plain_values_is_their_mean():
    assert metrics.benchmark_value(MEMBERS, "stations", "members", "higher") == 20.0


def test_a_members_benchmark_of_a_rate_pools_numerators_and_denominators_never_averages_rates():
    pooled = metrics.benchmark_value(MEMBERS, "rate", "members", "higher", "unions", "eligible", 100.0)
    assert pooled == pytest.approx(100 * 500 / 700)  # 71.43, while the mean of the rates is 60
    assert pooled != pytest.approx(MEMBERS.rate.mean())


def test_a_best_benchmark_takes_the_highest_or_for_lower_is_better_the_lowest():
    assert metrics.benchmark_value(MEMBERS, "stations", "province_best", "higher") == 30.0
    assert metrics.benchmark_value(MEMBERS, "stations", "province_best", "lower") == 10.0
    assert metrics.benchmark_value(MEMBERS, "rate", "province_best", "higher", "unions", "eligible", 100) == 90.0


def test_a_benchmark_skips_missing_members_and_is_missing_when_all_are():
    partial = MEMBERS.assign(stations=[10.0, math.nan, math.nan])
    assert metrics.benchmark_value(partial, "stations", "members", "higher") == 10.0
    empty = MEMBERS.assign(stations=math.nan)
    assert math.isnan(metrics.benchmark_value(empty, "stations", "members", "higher"))
    assert math.isnan(metrics.benchmark_value(MEMBERS.iloc[0:0], "stations", "members", "higher"))


def test_a_pooled_benchmark_leaves_out_members_missing_either_part():
    partial = MEMBERS.assign(eligible=[100.0, math.nan, 500.0])
    assert metrics.benchmark_value(partial, "rate", "members", "higher", "unions", "eligible", 100) == pytest.approx(
        100 * 490 / 600
    )


def test_a_single_member_benchmark_is_that_member():
    assert metrics.benchmark_value(MEMBERS.loc[["b"]], "stations", "members", "higher") == 20.0
    assert metrics.benchmark_value(MEMBERS.loc[["b"]], "rate", "members", "higher", "unions", "eligible", 100) == 10


@pytest.mark.parametrize(
    ("home", "benchmark", "direction", "status"),
    [
        (110, 100, "higher", "ahead"),
        (100, 100, "higher", "ahead"),
        (95, 100, "higher", "near"),  # 5 % behind, inside the 10 % band
        (80, 100, "higher", "behind"),
        (80, 100, "lower", "ahead"),  # fewer open problems is better
        (105, 100, "lower", "near"),
        (130, 100, "lower", "behind"),
        (130, 100, "neutral", "unknown"),
    ],
)
def test_the_traffic_light_reads_the_indicators_direction(home, benchmark, direction, status):
    assert metrics.gap(home, benchmark, direction, amber_band=10).status == status


def test_a_rate_gap_is_judged_in_percentage_points():
    assert metrics.gap(78.5, 80, "higher", 2, in_points=True).status == "near"  # 1.5 points behind
    assert metrics.gap(73.2, 80, "higher", 2, in_points=True).status == "behind"  # 6.8 points, though 8.5 %
    assert metrics.gap(73.2, 80, "higher", 10).status == "near"  # the relative band would have hidden it


def test_gap_signs_are_home_minus_benchmark_whatever_the_direction():
    higher = metrics.gap(80, 100, "higher", 10)
    lower = metrics.gap(80, 100, "lower", 10)
    assert (higher.absolute, higher.relative) == (-20, -0.2) == (lower.absolute, lower.relative)


def test_a_zero_or_missing_benchmark_gives_no_relative_gap_and_no_false_light():
    zero = metrics.gap(5, 0, "higher", 10)
    assert zero.absolute == 5 and math.isnan(zero.relative) and zero.status == "ahead"
    assert metrics.gap(5, math.nan, "higher", 10).status == "unknown"
    assert metrics.gap(math.nan, 5, "higher", 10).status == "unknown"


def test_change_is_absolute_and_relative_to_the_earlier_value():
    assert metrics.change(110, 100) == metrics.Change(10, 0.1)
    assert math.isnan(metrics.change(5, 0).relative)
    assert math.isnan(metrics.change(5, math.nan).absolute)


def test_stocks_compare_with_the_previous_quarter_and_flows_with_last_year():
    assert metrics.comparison_period_offset("stock") == 1
    assert metrics.comparison_period_offset("flow") == 4


def test_rank_puts_the_best_first_for_either_direction():
    values = pd.Series([3.0, 9.0, 5.0])
    assert metrics.rank_descending(values, "higher").tolist() == [3, 1, 2]
    assert metrics.rank_descending(values, "lower").tolist() == [1, 3, 2]
