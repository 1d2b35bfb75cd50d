"""The analysis behind the analysis pages: composite index, rank moves, top-performer levels, trends, catch-up,
what-if, radar scores and county contributions (progress against targets: unionbench.read.targets).

Plain functions over pandas objects: no database, no streamlit. Each docstring states its rule in plain words,
because the methodology page shows them (see METHODS). Figures handed in must already be comparable across regions
of different size: rates as ratios of sums (the store computes them so), counts and money per 10,000 workers.

Time series are pandas Series indexed by quarter labels ('2025Q3'), in any order, with gaps allowed.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from unionbench.periods import period_index, quarter_of, year_of

IMPROVING, STAGNATING, WORSENING, UNKNOWN = "improving", "stagnating", "worsening", "unknown"
# Why a catch-up has the answer it has; the page words these in its language.
AHEAD, CLOSING, WIDENING, TOO_SLOW, NOT_ENOUGH_DATA = "ahead", "closing", "widening", "too_slow", "not_enough_data"

STAGNATION_SHARE = 0.01  # of the mean level, per quarter
STAGNATION_POINTS = 0.25  # percentage points per quarter, for rates
_EPSILON = 1e-9  # below this a spread or a slope is rounding noise, not a difference


def _sign(direction: str) -> int:
    """+1 when more is better, −1 when less is better."""
    return -1 if direction == "lower" else 1


def _scored(wide: pd.DataFrame, directions: Mapping[str, str]) -> list[str]:
    """The columns that have a better and a worse end; neutral (context) indicators are left out."""
    return [column for column in wide.columns if directions[column] != "neutral"]


# --- comparing regions within a peer set ------------------------------------------------------------------------


def zscores(values: pd.Series, direction: str, cap: float = 3.0) -> pd.Series:
    """One indicator standardised within the peer set: (value − mean) ÷ population standard deviation, negated for
    lower-is-better, capped at ±cap. 0 for everyone when fewer than two regions have a figure or all are equal."""
    scores = _zscores(values.to_numpy(dtype=float, na_value=np.nan), direction, cap)
    return pd.Series(scores, index=values.index, name=values.name)


def _zscores(array: np.ndarray, direction: str, cap: float) -> np.ndarray:
    # numpy rather than pandas: the composite index calls this per indicator, twice per ranking
    present = array[~np.isnan(array)]
    mean = float(present.mean()) if len(present) else math.nan
    spread = float(present.std()) if len(present) >= 2 else 0.0  # ddof=0: the population standard deviation
    if not spread > _EPSILON * max(abs(mean), 1.0):
        return np.where(np.isnan(array), np.nan, 0.0)
    return np.clip(_sign(direction) * (array - mean) / spread, -cap, cap)


def composite_index(
    wide: pd.DataFrame,
    directions: Mapping[str, str],
    weights: Mapping[str, float] | None = None,
    cap: float = 3.0,
) -> pd.DataFrame:
    """A composite score per region from several indicators, each standardised within the peer set.

    For each indicator, z = (region's value − peer-set mean) ÷ peer-set standard deviation (population standard
    deviation over the regions that have a figure). The sign is flipped for a lower-is-better indicator, so a higher
    z is always better, and z is capped at ±cap (3 by default) so one extreme region cannot dominate. When fewer
    than two regions have a figure, or all figures are equal, nothing tells the regions apart and every z is 0.
    Neutral (context) indicators are left out.

    A region's composite is the weighted mean of the z scores it has. Weights are equal unless given (an indicator
    left out of `weights` keeps weight 1; weight 0 drops it) and are renormalised over the indicators the region
    reports, so a missing figure is left out rather than counted as zero. `coverage` says how many indicators the
    composite rests on: read a composite on fewer indicators than its peers with care. Rank 1 is the highest
    composite; ties share the better rank.

    `wide` has one row per region and one column per indicator id. Pass comparable figures: rates, and counts or
    money per 10,000 workers, never raw counts (a big city would win on size alone).
    """
    columns = _scored(wide, directions)
    w = {c: 1.0 if weights is None else float(weights.get(c, 1.0)) for c in columns}
    if any(weight < 0 for weight in w.values()):
        raise ValueError(f"weights must not be negative: { {c: v for c, v in w.items() if v < 0} }")
    # Column by column in numpy, each frame built once from its columns (pandas' cost per step on these small frames
    # was most of the index); the sums across indicators stay pandas' own, so they add up in the same order.
    values = wide[columns].to_numpy(dtype=float, na_value=np.nan)  # one array for all: a Series per column cost more
    z = {c: _zscores(np.ascontiguousarray(values[:, n]), directions[c], cap) for n, c in enumerate(columns)}
    counted = {c: ~np.isnan(z[c]) & (w[c] > 0) for c in columns}
    weight_sum = pd.DataFrame({c: counted[c] * w[c] for c in columns}, index=wide.index).sum(axis=1)
    weighted = pd.DataFrame({c: np.where(counted[c], z[c] * w[c], np.nan) for c in columns}, index=wide.index)
    composite = weighted.sum(axis=1) / weight_sum.where(weight_sum > 0)
    coverage = np.sum(list(counted.values()), axis=0, dtype=int) if columns else np.zeros(len(wide), dtype=int)
    rank = composite.rank(ascending=False, method="min")
    return pd.DataFrame({**z, "composite": composite.array, "coverage": coverage, "rank": rank.array}, index=wide.index)


def rank_moves(current_rank: pd.Series, previous_rank: pd.Series) -> pd.Series:
    """Places moved since the earlier period: previous rank − current rank, so +2 is up two places (5th → 3rd)
    and −1 down one. Missing where either rank is missing. Read it with tiny_difference: a move that rests on a
    difference too small to matter is not a story."""
    return (previous_rank - current_rank).rename("move")


def tiny_difference(values: pd.Series, decimals: int | None = None, relative: float = 0.01) -> pd.Series:
    """True where a region's place in a ranking rests on a tiny difference to the region just above or below it.

    Two neighbours are too close to tell apart when they differ by less than `relative` (1 %) of the larger of the
    two, or by less than the figure's display resolution, 10^−decimals (both would show the same number); equal
    figures always are. A region is flagged when it is that close to either neighbour; regions without a figure
    never are. A rank move deserves the same caution when either period's rank is flagged (see rank_table).
    """
    # numpy, not Series arithmetic: a ranking asks this three times per call, and pandas' per-operation cost was
    # most of it for ~200 peers.
    array = values.to_numpy(dtype=float, na_value=np.nan)
    order = np.flatnonzero(~np.isnan(array))
    order = order[np.argsort(array[order], kind="stable")]
    present = array[order]
    step = np.abs(np.diff(present))
    larger = np.maximum(np.abs(present[1:]), np.abs(present[:-1]))
    close = (step == 0) | (step < relative * larger)  # close[i]: the i-th and the (i+1)-th in order are too close
    if decimals is not None:
        close |= step < 10.0**-decimals
    flagged = np.zeros(len(array), dtype=bool)
    flagged[order[1:][close]] = True
    flagged[order[:-1][close]] = True
    return pd.Series(flagged, index=values.index, name="tiny_difference")


def rank_table(current: pd.Series, previous: pd.Series, direction: str, decimals: int | None = None) -> pd.DataFrame:
    """Rank now and before (1 = best; ties share the better rank), the move between them, and `caution` where
    either rank rests on a tiny difference (tiny_difference)."""
    ascending = direction == "lower"
    now, before = current.rank(ascending=ascending, method="min"), previous.rank(ascending=ascending, method="min")
    before = before.reindex(now.index)
    caution = tiny_difference(current, decimals) | tiny_difference(previous, decimals).reindex(
        now.index, fill_value=False
    )
    return pd.DataFrame({"rank": now, "previous_rank": before, "move": rank_moves(now, before), "caution": caution})


def normalised_scores(wide: pd.DataFrame, directions: Mapping[str, str]) -> pd.DataFrame:
    """0–100 per indicator within the peer set, for a radar chart.

    score = (value − lowest) ÷ (highest − lowest) × 100, so the best region in the peer set scores 100 and the
    worst 0; for a lower-is-better indicator it is reversed, (highest − value) ÷ (highest − lowest) × 100. When all
    regions have the same figure, or only one has a figure, everyone scores 50: nothing puts one above another.
    Missing figures stay missing; neutral indicators are left out. Scores place regions relative to each other, not
    against any standard: 0 means last in this peer set, not zero.
    """
    scores = {}
    for column in _scored(wide, directions):  # numpy rather than pandas: a radar asks on every quarter moved to
        values = wide[column].to_numpy(dtype=float, na_value=np.nan)
        present = values[~np.isnan(values)]
        low, high = (present.min(), present.max()) if len(present) else (math.nan, math.nan)
        if not high - low > _EPSILON * max(abs(high), 1.0):
            scores[column] = np.where(np.isnan(values), np.nan, 50.0)
        elif directions[column] == "lower":
            scores[column] = (high - values) / (high - low) * 100
        else:
            scores[column] = (values - low) / (high - low) * 100
    return pd.DataFrame(scores, index=wide.index)


def county_contributions(
    counties: pd.DataFrame,
    benchmark: float,
    direction: str = "higher",
    scale: float = 1.0,
    as_level: bool = False,
) -> pd.DataFrame:
    """Which county contributes most to the city's gap against a benchmark level: an exact split, so the counties'
    contributions add up to the city's gap.

    `counties` has one row per county with `value` (the numerator: unions formed, stations, funds …) and `base` (the
    denominator: eligible enterprises, workers …).

    A ratio, a rate (scale 100) or a value per 10,000 workers (scale 10,000), is for the city Σvalue ÷ Σbase × scale,
    never a mean of county ratios. Then city − benchmark = Σ over counties of (base ÷ Σbase) × (county − benchmark):
    each county's own gap weighted by its share of the city's base, so a big county a little behind can weigh more
    than a small county far behind. Contributions are in the ratio's unit (percentage points, or per 10,000).

    With `as_level`, the figure is the plain summed value (stations, 万元): a county's contribution is
    value − benchmark × base ÷ scale, its shortfall (or surplus) against what the benchmark level per 10,000 would
    give a county of its size; they add up to the city's total minus the benchmark level applied to the whole city.

    Returns per county `figure` (its own ratio), `share` (of the base), `contribution`, sorted worst first (most
    behind for higher-is-better, most above for lower-is-better). Counties missing either part get no contribution
    and are left out of the sums.
    """
    frame = counties.copy()
    frame["figure"] = scale * frame["value"] / frame["base"].where(frame["base"] != 0)
    complete = frame["value"].notna() & frame["base"].notna()
    frame["share"] = frame["base"].where(complete) / frame.loc[complete, "base"].sum()
    if as_level:
        frame["contribution"] = (frame["value"] - benchmark * frame["base"] / scale).where(complete)
    else:
        own_gap = (frame["figure"] - benchmark).where(
            frame["share"] != 0, 0.0
        )  # no base: no weight, whatever its ratio
        frame["contribution"] = frame["share"] * own_gap
    order = (_sign(direction) * frame["contribution"]).sort_values(na_position="last").index
    return frame.loc[order]


# --- one region over time ---------------------------------------------------------------------------------------


def _by_quarter(series: pd.Series) -> pd.Series:
    """A quarterly series indexed by running quarter number, every quarter from first to last, gaps as NaN."""
    values = pd.Series(series.to_numpy(dtype=float), index=[period_index(p) for p in series.index]).sort_index()
    values = values[~values.index.duplicated(keep="last")]
    if values.empty:
        return values
    return values.reindex(range(values.index.min(), values.index.max() + 1))


def year_to_date(series: pd.Series, period: str) -> float:
    """A flow's total this year up to and including `period`: the in-quarter amounts of Q1 … that quarter.
    Missing (NaN) when any of those quarters is missing, since a partial sum would understate the year."""
    quarters = _by_quarter(series)
    first = year_of(period) * 4
    wanted = quarters.reindex(range(first, period_index(period) + 1))
    return float(wanted.sum()) if wanted.notna().all() else math.nan


def quarters_left_in_year(period: str) -> int:
    """Quarters after `period` until the year ends: 3 after Q1, 0 after Q4."""
    return 4 - quarter_of(period)


def levels_of(series: np.ndarray, flow: bool) -> np.ndarray:
    """What a trend is fitted to, from consecutive quarters (oldest first, NaN where missing): a stock's level each
    quarter; a flow's four-quarter total, its annual pace, where all four quarters exist. The total carries no
    season, so a quiet first quarter after a busy year end is not read as a fall."""
    if not flow:
        return series
    totals = np.full_like(series, np.nan)
    for end in range(3, len(series)):
        totals[end] = series[end - 3 : end + 1].sum()  # NaN when any of the four is missing
    return totals


def _window(levels: np.ndarray, last: int, window: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """The quarters (positions) and levels present in the `window` quarters ending at position `last`."""
    x = np.arange(max(0, last - window + 1), last + 1)
    y = levels[x]
    present = ~np.isnan(y)
    return x[present].astype(float), y[present]


def _slope(x: np.ndarray, y: np.ndarray) -> float:
    """The least-squares slope per quarter through (quarter position, level)."""
    x = x - x.mean()
    return float((x * (y - y.mean())).sum() / (x * x).sum())


@dataclass(frozen=True)
class Trend:
    """Where a region is heading. `slope` is per quarter in the series' unit (a flow: its four-quarter total);
    `threshold` is the slope below which it counts as stagnating."""

    status: str
    slope: float
    points: int
    threshold: float


def trend(levels: np.ndarray, direction: str, in_points: bool = False, window: int = 4) -> Trend:
    """Improving, stagnating or worsening over the last four quarters.

    `levels` are consecutive quarters, oldest first, NaN where a quarter has no figure (levels_of: a stock's level,
    a flow's four-quarter totals). A straight line is fitted by least squares through the last four quarters'
    figures (up to the latest quarter with a figure; gaps allowed). A stock is fitted on its level. A flow is fitted
    on its four-quarter totals, its annual pace, because flows follow the calendar (money and training cluster at
    year end) and a raw fit would read every quiet first quarter as a fall; a flow therefore needs seven quarters of
    history.

    The trend is stagnating when the line moves by less than 1 % of the four quarters' mean level per quarter (about
    4 % a year), or for a rate by less than 0.25 percentage points per quarter (1 point a year). Why these: the demo
    and the seed reports show union work that is moving growing 5–10 % a year in stations and funds and 1–3 points a
    year in organisation and membership rates, so a pace under half of the slowest of these is standing still; and a
    county with 400 eligible enterprises gains 0.25 points with a single new union, so smaller slopes are within one
    enterprise's noise. Otherwise the trend is improving or worsening by the line's direction, read against the
    indicator's (for lower-is-better a falling line improves). Fewer than 3 points in the window, or a neutral
    indicator, give `unknown`.
    """
    present = np.flatnonzero(~np.isnan(levels))
    if not len(present):
        return Trend(UNKNOWN, math.nan, 0, math.nan)
    x, y = _window(levels, int(present[-1]), window)
    if len(x) < 3:
        return Trend(UNKNOWN, math.nan, len(x), math.nan)
    slope = _slope(x, y)
    threshold = STAGNATION_POINTS if in_points else STAGNATION_SHARE * abs(float(y.mean()))
    if direction == "neutral":
        status = UNKNOWN
    elif abs(slope) <= max(threshold, _EPSILON):
        status = STAGNATING
    else:
        status = IMPROVING if _sign(direction) * slope > 0 else WORSENING
    return Trend(status, slope, len(x), threshold)


@dataclass(frozen=True)
class CatchUp:
    """`quarters`: 0 when already level or ahead, N to close the gap, None when it never closes at the current
    pace or there is too little data; `reason` says which (AHEAD, CLOSING, WIDENING, TOO_SLOW, NOT_ENOUGH_DATA).
    `gap` is how far behind home is now (positive = behind, in the series' unit); `closing_per_quarter` how much
    the gap shrinks each quarter at the current pace."""

    quarters: int | None
    reason: str
    gap: float
    closing_per_quarter: float


def catch_up(home: np.ndarray, bench: np.ndarray, direction: str, window: int = 4, max_quarters: int = 40) -> CatchUp:
    """Quarters until home reaches the benchmark if both keep their current pace.

    `home` and `bench` are levels over the same consecutive quarters (levels_of: a flow on its four-quarter
    totals). The gap is taken in the latest quarter both have a figure. If home is level or ahead there, the answer
    is 0. Otherwise each side's pace is its least-squares slope over the last four quarters (as in trend), the gap
    closes by the difference of the two paces each quarter, and the answer is the gap ÷ that difference, rounded up
    to whole quarters. It never closes when the benchmark grows as fast or faster (WIDENING), and "never at the
    current pace" also covers more than `max_quarters` (10 years): a projection that far is not a plan (TOO_SLOW).
    Fewer than 3 points on either side: NOT_ENOUGH_DATA. Pass per-10,000 figures when the two regions differ in size.
    """
    common = np.flatnonzero(~np.isnan(home) & ~np.isnan(bench))
    if direction == "neutral" or not len(common):
        return CatchUp(None, NOT_ENOUGH_DATA, math.nan, math.nan)
    last = int(common[-1])
    behind = float(_sign(direction) * (bench[last] - home[last]))
    if behind <= 0:
        return CatchUp(0, AHEAD, behind, math.nan)
    (hx, hy), (bx, by) = _window(home, last, window), _window(bench, last, window)
    if len(hx) < 3 or len(bx) < 3:
        return CatchUp(None, NOT_ENOUGH_DATA, behind, math.nan)
    closing = _sign(direction) * (_slope(hx, hy) - _slope(bx, by))
    if closing <= _EPSILON:
        return CatchUp(None, WIDENING, behind, closing)
    quarters = math.ceil(behind / closing - _EPSILON)
    if quarters > max_quarters:
        return CatchUp(None, TOO_SLOW, behind, closing)
    return CatchUp(quarters, CLOSING, behind, closing)


@dataclass(frozen=True)
class Needed:
    """`per_quarter`: the change in level each remaining quarter must bring (a stock), or the amount each remaining
    quarter must bring in (a flow); 0 when already reached, NaN when no quarter is left. `total`: still to go.
    `step_up`: per_quarter minus the current pace, when a pace was given."""

    per_quarter: float
    total: float
    reached: bool
    step_up: float = math.nan


def needed_per_quarter(
    current: float,
    benchmark: float,
    quarters_left: int,
    stock_flow: str = "stock",
    direction: str = "higher",
    pace: float | None = None,
) -> Needed:
    """What-if: what each remaining quarter of the year must bring to reach the benchmark (or a target) by year end.

    A stock (stations in service, members): `current` is this quarter's level and `benchmark` the level to reach;
    the level must rise by (benchmark − current) ÷ quarters left, each quarter. `pace` is the current rise per
    quarter (e.g. the trend's slope).

    A flow (funds, subsidy, trainings): the catalogue stores flows as in-quarter amounts, not year-to-date ones (an
    upload reported year-to-date is converted on the way in), so a year is the sum of its quarters. `current` is
    the year-to-date total (year_to_date) and `benchmark` an annual amount, such as a target or the benchmark's
    total over its last four quarters (levels_of); never one quarter's amount × 4, which would carry that
    quarter's season into the year. Each remaining quarter must then bring in (benchmark − year-to-date) ÷ quarters
    left: an amount per quarter, not a rise on the last quarter. `pace` is the latest in-quarter amount.

    quarters_left is quarters_left_in_year(period): 3 after Q1, 0 after Q4. For lower-is-better the needed change
    is negative (a fall). Reached: nothing more is needed.
    """
    if math.isnan(current) or math.isnan(benchmark):
        return Needed(math.nan, math.nan, False)
    total = benchmark - current
    if _sign(direction) * total <= 0:
        return Needed(0.0, total, True, math.nan if pace is None else 0.0 - pace)
    per_quarter = total / quarters_left if quarters_left > 0 else math.nan
    return Needed(per_quarter, total, False, math.nan if pace is None else per_quarter - pace)


# The functions whose docstrings the methodology page shows, in the order it shows them.
METHODS = (
    composite_index,
    normalised_scores,
    rank_moves,
    tiny_difference,
    trend,
    catch_up,
    needed_per_quarter,
    county_contributions,
)
