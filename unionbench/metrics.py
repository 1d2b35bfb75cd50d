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


def benchmark_value(member_values: pd.Series, rule: str, direction: str) -> float:
    """The benchmark a set stands for: the mean of its members, or the best one for a 'best' rule.

    Each member counts once (a benchmark city is a peer, not a pool of workers); missing members are skipped.
    """
    values = member_values.dropna()
    if values.empty:
        return math.nan
    if rule == "province_best":
        return float(values.min() if direction == "lower" else values.max())
    return float(values.mean())


@dataclass(frozen=True)
class Gap:
    """Home against benchmark. `absolute` and `relative` are home − benchmark; `status` reads the direction."""

    absolute: float
    relative: float
    status: str


def gap(home: float, benchmark: float, direction: str, amber_within_pct: float) -> Gap:
    """How far home is from the benchmark, and whether that is ahead, near (within the amber band) or behind.

    For a lower-is-better indicator a value below the benchmark is ahead. A neutral indicator (context such as
    worker numbers) has no status.
    """
    if is_missing(home) or is_missing(benchmark):
        return Gap(math.nan, math.nan, UNKNOWN)
    absolute = home - benchmark
    relative = absolute / abs(benchmark) if benchmark else math.nan
    if direction == "neutral":
        return Gap(absolute, relative, UNKNOWN)
    better = -absolute if direction == "lower" else absolute
    if better >= 0:
        status = AHEAD
    elif benchmark and abs(absolute) / abs(benchmark) * 100 <= amber_within_pct:
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
