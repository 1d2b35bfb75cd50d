"""The arithmetic of benchmarking, as plain functions: benchmark values, gaps, traffic lights, changes.

Rates are never averaged here: every rate reaching these functions was already computed as a ratio of sums by the
store (see the indicator_values view).
"""

import math
from dataclasses import dataclass

import pandas as pd

AHEAD, NEAR, BEHIND, UNKNOWN = "ahead", "near", "behind", "unknown"


def is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def benchmark_value(
    members: pd.DataFrame,
    shown: str,
    rule: str,
    direction: str,
    numerator: str | None = None,
    denominator: str | None = None,
    scale: float = 1.0,
) -> float:
    """The figure a benchmark set stands for, from one row per member region.

    `shown` is the column compared (a value, a rate, or a value per 10,000 workers). For a 'best' rule it is the
    best member's. Otherwise a figure that is a ratio — a rate, or a value per 10,000 — pools the members: the sum
    of numerators over the sum of denominators (× scale), never the mean of their ratios; a plain value is the
    members' mean. Members missing a figure are left out.
    """
    if members.empty or shown not in members:
        return math.nan
    if rule == "province_best":
        values = members[shown].dropna()
        if values.empty:
            return math.nan
        return float(values.min() if direction == "lower" else values.max())
    if numerator and denominator and {numerator, denominator} <= set(members.columns):
        both = members[[numerator, denominator]].dropna()
        total = both[denominator].sum()
        return float(both[numerator].sum() / total * scale) if total else math.nan
    values = members[shown].dropna()
    return float(values.mean()) if len(values) else math.nan


@dataclass(frozen=True)
class Gap:
    """Home against benchmark. `absolute` and `relative` are home − benchmark; `status` reads the direction."""

    absolute: float
    relative: float
    status: str


def gap(home: float, benchmark: float, direction: str, amber_band: float, in_points: bool = False) -> Gap:
    """How far home is from the benchmark, and whether that is ahead, near (within the amber band) or behind.

    The band is a % of the benchmark, or, for rates (`in_points`), percentage points: 78 % against 80 % is
    2 points behind, not "2.5 % behind". For a lower-is-better indicator a value below the benchmark is ahead.
    A neutral indicator (context such as worker numbers) has no status.
    """
    if is_missing(home) or is_missing(benchmark):
        return Gap(math.nan, math.nan, UNKNOWN)
    absolute = home - benchmark
    relative = absolute / abs(benchmark) if benchmark else math.nan
    if direction == "neutral":
        return Gap(absolute, relative, UNKNOWN)
    better = -absolute if direction == "lower" else absolute
    if in_points:
        shortfall = abs(absolute)
    else:
        shortfall = abs(absolute) / abs(benchmark) * 100 if benchmark else math.inf
    if better >= 0:
        status = AHEAD
    elif shortfall <= amber_band:
        status = NEAR
    else:
        status = BEHIND
    return Gap(absolute, relative, status)


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
