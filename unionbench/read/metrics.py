"""Small arithmetic the views share: changes, the comparison quarter, ranks (comparisons: unionbench.read.comparison).

Rates are never averaged here: every rate reaching these functions was already computed as a ratio of sums by the
store (see the indicator_values view).
"""

import math
from dataclasses import dataclass

import pandas as pd


def is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


@dataclass(frozen=True)
class Change:
    absolute: float
    relative: float


def change(current: float, previous: float) -> Change:
    """current − previous, and the same relative to previous (NaN when previous is zero or missing)."""
    if is_missing(current) or is_missing(previous):
        return Change(math.nan, math.nan)
    return Change(current - previous, (current - previous) / abs(previous) if previous else math.nan)


def comparison_period_offset(stock_flow: str) -> int:
    """Quarters back to compare with: the previous quarter for stocks; the same quarter a year ago for flows,
    whose amounts follow the calendar (money and training cluster at year end)."""
    return 1 if stock_flow == "stock" else 4


def rank_descending(values: pd.Series, direction: str) -> pd.Series:
    """1 = best. Ties share the better rank; missing values are not ranked."""
    return values.rank(ascending=(direction == "lower"), method="min")
