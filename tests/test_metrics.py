import math

import pandas as pd
import pytest

from unionbench import metrics


def test_a_members_benchmark_is_the_mean_of_its_members():
    assert metrics.benchmark_value(pd.Series([10.0, 20.0, 30.0]), "members", "higher") == 20.0


def test_a_best_benchmark_takes_the_highest_or_for_lower_is_better_the_lowest():
    values = pd.Series([10.0, 20.0, 30.0])
    assert metrics.benchmark_value(values, "province_best", "higher") == 30.0
    assert metrics.benchmark_value(values, "province_best", "lower") == 10.0


def test_a_benchmark_skips_missing_members_and_is_missing_when_all_are():
    assert metrics.benchmark_value(pd.Series([10.0, math.nan]), "members", "higher") == 10.0
    assert math.isnan(metrics.benchmark_value(pd.Series([math.nan]), "members", "higher"))


def test_a_single_member_benchmark_is_that_member():
    assert metrics.benchmark_value(pd.Series([42.0]), "members", "higher") == 42.0


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
    assert metrics.gap(home, benchmark, direction, amber_within_pct=10).status == status


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
