"""The small arithmetic left in metrics: changes, the comparison quarter, ranks. (Benchmarks, gaps and
verdicts are the read model's: tests/test_compare.py.)"""

import math

import pandas as pd

from unionbench.read import metrics


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
