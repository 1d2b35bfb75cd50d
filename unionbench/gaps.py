"""Gap analysis: the home region (a city or one county) against a benchmark set, indicator by indicator.

One table feeds the gap page and the quarterly briefing, so both show the same numbers. Figures are compared in
comparable terms, as the overview decides: per 10,000 workers where the indicator has a per-capita base, rates as
they are (ratios of sums; gaps in percentage points), anything else as its value.

The reference the home is read against:
- "average": the set's own rule (views.compare_benchmark): members pooled for rates and per-10k figures (Σ ÷ Σ),
  the members' mean for a plain value, the best member for a "best in province" set;
- "best": the best member on the compared figure;
- "p90": the provincial top-performer level (analysis.percentile_benchmark), the 90th percentile (10th for
  lower-is-better) of every city in the home's province, or of every county when the home is a county; the home
  counts among them, as every region of the province does;
- a member's adcode: that member's own figure.
No streamlit here.
"""

import math

import pandas as pd

from unionbench import analysis, metrics
from unionbench.catalog import Indicator
from unionbench.periods import shift
from unionbench.store import Store
from unionbench.views import benchmark_members, catalogue, compare_benchmark, wide_values

REFERENCES = ("average", "best", "p90")  # or a member's adcode
HISTORY = 8  # quarters read for trends and catch-up: a flow's four-quarter totals need seven

COLUMNS = [
    "indicator",
    "name",
    "group",
    "unit",
    "direction",
    "is_rate",
    "per_10k",
    "home_value",
    "home_compared",
    "benchmark_compared",
    "gap_abs",
    "gap_rel",
    "gap_per_10k",
    "status",
    "trend",
    "catch_up",
    "catch_up_reason",
    "needed_per_quarter",
    # extras for formatting and wording
    "stock_flow",
    "decimals",
    "amber_band",
    "compared_unit",
    "comparable",
]


class UnknownReference(ValueError):
    """A reference that is neither average, best, p90 nor a member of the benchmark set."""


def find_benchmark_set(store: Store, text: str) -> str | None:
    """A benchmark set named by its id, Chinese or English name ('suineilu', '遂内泸', 'Yangzhou'), or None."""
    wanted = str(text).strip().casefold()
    for row in store.query("benchmark_sets").itertuples():
        if wanted in (row.id.casefold(), row.name_zh.casefold(), row.name_en.casefold()):
            return row.id
    return None


def level_mismatch(store: Store, home: str, set_id: str, reference: str = "average") -> bool:
    """Whether the home is a county read against whole cities (a benchmark set's members, or one of them). Then a
    raw count without a per-capita base (enterprises with a union, full-time chairs, problems) is not compared: a
    county always has fewer than a city, which says nothing. Rates and per-10k figures still are."""
    if reference == "p90":
        return False  # the provincial field is of the home's own level
    _, members = benchmark_members(store, set_id, home)
    regions = [reference] if reference not in ("average", "best") else members
    levels = store.query("region_names", adcodes=[home, *regions]).set_index("adcode")["level"]
    return levels.get(home) == "county" and bool(regions) and "county" not in set(levels.drop(home, errors="ignore"))


def size_free(indicator: Indicator) -> bool:
    """A figure comparable across regions of any size: a rate or a figure per 10,000 workers."""
    return indicator.is_rate or indicator.per_capita_base is not None


def history_periods(period: str, count: int = HISTORY) -> list[str]:
    """`count` quarters ending with `period`, oldest first."""
    return [shift(period, -k) for k in range(count - 1, -1, -1)]


def compared_column(indicator: Indicator) -> str:
    """The figure compared, as overview_kpis decides: per 10,000 workers when the indicator has a base."""
    return "per_10k" if indicator.per_capita_base else "value"


def compared_unit(indicator: Indicator, lang: str) -> str:
    """The unit of the compared figure: '个/万名职工', '%', '万元/万名职工'; 'units per 10k workers' in English."""
    if not indicator.per_capita_base:
        return indicator.unit
    return f"{indicator.unit}/万名职工" if lang == "zh" else f"{indicator.unit} per 10k workers"


def _series(frame: pd.DataFrame, region: str, indicator: str, column: str, periods: list[str]) -> pd.Series:
    """One region's figure for one indicator over `periods` (NaN where missing), indexed by quarter."""
    mine = frame[(frame.region == region) & (frame.indicator == indicator)].set_index("period")[column]
    return mine.reindex(periods).astype(float)


def reference_series(
    store: Store, home: str, set_id: str, periods: list[str], indicators: list[Indicator], reference: str = "average"
) -> pd.DataFrame:
    """The reference level per quarter (rows) and indicator (columns), in compared terms (module docstring).

    Each quarter's levels are kept with the snapshot (Store.memo): an analyst stepping to the next quarter shares
    seven of its eight quarters of history with the view before, and a published snapshot never changes."""
    ids = tuple(ind.id for ind in indicators)
    levels = {
        period: store.memo(
            ("reference_levels", home, set_id, period, reference, ids),
            lambda period=period: _reference_levels(store, home, set_id, [period], indicators, reference),
        )
        for period in periods
    }
    return pd.DataFrame([levels[p] for p in periods], index=periods, columns=list(ids), dtype=float)


def _reference_levels(
    store: Store, home: str, set_id: str, periods: list[str], indicators: list[Indicator], reference: str
) -> dict[str, float]:
    """One quarter's reference level per indicator (`periods` holds that one quarter)."""
    rule, members = benchmark_members(store, set_id, home)
    if reference in ("average", "best"):
        regions = members
    elif reference == "p90":
        regions = store.query("province_peers", region=home)["adcode"].tolist()
    elif reference in members:
        regions = [reference]
    else:
        raise UnknownReference(
            f"reference {reference!r} is not one of {REFERENCES} nor a member of {set_id!r} ({members})"
        )
    frame = store.query("values_by_region", regions=regions, periods=periods) if regions else pd.DataFrame()
    result = pd.DataFrame(math.nan, index=periods, columns=[i.id for i in indicators])
    if frame.empty:
        return result.iloc[0].to_dict()
    all_values = frame.pivot_table(index=["period", "region"], columns="indicator", values="value", aggfunc="first")
    all_per_10k = frame.pivot_table(index=["period", "region"], columns="indicator", values="per_10k")
    for period in all_values.index.unique("period"):
        values, per_10k = all_values.loc[period], all_per_10k.loc[period]
        for ind in indicators:
            shown = per_10k if ind.per_capita_base else values
            if reference == "average":
                level = compare_benchmark(ind, rule, values, per_10k, ind.per_capita_base is not None)
            elif reference == "best":
                level = compare_benchmark(ind, "province_best", values, per_10k, ind.per_capita_base is not None)
            elif reference == "p90":
                level = analysis.percentile_benchmark(shown.get(ind.id, pd.Series(dtype=float)), ind.direction)
            else:
                level = float(shown.at[reference, ind.id]) if ind.id in shown and reference in shown.index else math.nan
            result.at[period, ind.id] = level
    return result.iloc[0].to_dict()


def _needed(ind: Indicator, home: pd.Series, bench: pd.Series, period: str, pace: float) -> float:
    """What-if (analysis.needed_per_quarter): a stock's rise per remaining quarter to reach the reference level; a
    flow's amount per remaining quarter for its year to date to reach the reference's four-quarter total."""
    left = analysis.quarters_left_in_year(period)
    if ind.stock_flow == "flow":
        current = analysis.year_to_date(home, period)
        annual = analysis.four_quarter_totals(bench.dropna())
        target = float(annual.get(period, math.nan))
        pace = home.get(period, math.nan)
    else:
        current, target = home.get(period, math.nan), bench.get(period, math.nan)
    needed = analysis.needed_per_quarter(
        current, target, left, ind.stock_flow, ind.direction, None if math.isnan(pace) else pace
    )
    return needed.per_quarter


def gap_table(store: Store, home: str, set_id: str, period: str, lang: str, reference: str = "average") -> pd.DataFrame:
    """One row per scored (non-neutral) indicator, in catalogue order: the home's figure, the reference's, the gap
    (absolute in compared units — points for rates —, relative, per 10,000 workers), its traffic light
    (metrics.gap with the catalogue's amber band), the home's trend over the last four quarters, the catch-up
    projection against the reference's own pace, and what each remaining quarter of the year must bring.
    `comparable` is False where a county would be read against whole cities on a raw count (level_mismatch): that
    row has no reference and its status is unknown."""
    indicators = [ind for ind in catalogue(store, lang).values() if ind.direction != "neutral"]
    periods = history_periods(period)
    mine = store.query("values_by_region", regions=[home], periods=periods)
    bench = reference_series(store, home, set_id, periods, indicators, reference)
    mismatch = level_mismatch(store, home, set_id, reference)
    rows = []
    for ind in indicators:
        per_10k = ind.per_capita_base is not None
        comparable = size_free(ind) or not mismatch
        home_series = _series(mine, home, ind.id, compared_column(ind), periods)
        bench_series = bench[ind.id] if comparable else pd.Series(math.nan, index=periods)
        compared, level = home_series[period], bench_series[period]
        gap = metrics.gap(compared, level, ind.direction, ind.amber_band, in_points=ind.is_rate)
        trend = analysis.trend(home_series.dropna(), ind.direction, ind.stock_flow, ind.is_rate)
        catch = analysis.catch_up(home_series.dropna(), bench_series.dropna(), ind.direction, ind.stock_flow)
        rows.append(
            {
                "indicator": ind.id,
                "name": ind.name,
                "group": ind.group,
                "unit": ind.unit,
                "direction": ind.direction,
                "is_rate": ind.is_rate,
                "per_10k": per_10k,
                "home_value": _series(mine, home, ind.id, "value", [period]).iloc[0],
                "home_compared": compared,
                "benchmark_compared": level,
                "gap_abs": gap.absolute,
                "gap_rel": gap.relative,
                "gap_per_10k": gap.absolute if per_10k else math.nan,
                "status": gap.status,
                "trend": trend.status,
                "catch_up": math.nan if catch.quarters is None else float(catch.quarters),
                "catch_up_reason": catch.reason,
                "needed_per_quarter": _needed(ind, home_series, bench_series, period, trend.slope),
                "stock_flow": ind.stock_flow,
                "decimals": ind.decimals,
                "amber_band": ind.amber_band,
                "compared_unit": compared_unit(ind, lang),
                "comparable": comparable,
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def strengths_weaknesses(table: pd.DataFrame, n: int = 3) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The gap table's rows where home leads most and trails most (analysis.strengths_and_weaknesses), each with
    its `lead`: points for a rate, % of the reference otherwise, positive when home is better."""
    frame = table.rename(columns={"gap_abs": "absolute", "gap_rel": "relative"}).assign(in_points=table["is_rate"])
    strengths, weaknesses = analysis.strengths_and_weaknesses(frame, n)
    return (
        table.loc[strengths.index].assign(lead=strengths["lead"]),
        table.loc[weaknesses.index].assign(lead=weaknesses["lead"]),
    )


def county_gap_contributions(
    store: Store,
    city: str,
    set_id: str,
    period: str,
    indicator: str,
    reference: str = "average",
    level: float | None = None,
) -> pd.DataFrame:
    """Which county contributes most to the city's gap on one indicator (analysis.county_contributions).

    Per county: `value` and `base` (the numerator and the denominator of a rate, or the figure and the workers of
    a per-10k figure), `figure` (the county's compared figure), `share` of the city's base, `contribution` (in
    compared units: points, per 10,000 workers, or the indicator's unit; the counties' contributions add up to the
    city's gap) and `level_gap`, the county's surplus (+) or shortfall (−) in the indicator's own unit against what
    the reference level would give a county of its size (unions, stations, 万元). A plain count without a base (full-
    time chairs, problems open) is shared out by workers: each county's share of the reference is its share of the
    city's workers. Sorted worst first; a county missing a figure comes last with no contribution.
    """
    ind = catalogue(store, "zh")[indicator]
    if level is None:  # the read model hands its own reference level in (compare.county_contributions)
        level = reference_series(store, city, set_id, [period], [ind], reference).at[period, ind.id]
    counties = store.query("child_regions", parent=city)[["adcode", "name_zh"]]
    values = wide_values(store.query("values_by_region", regions=counties["adcode"].tolist(), periods=[period]))
    values = values.reindex(counties["adcode"])

    def column(name: str) -> pd.Series:
        return values[name] if name in values else pd.Series(math.nan, index=values.index)

    if ind.is_rate:
        parts, scale, as_level = (column(ind.numerator), column(ind.denominator)), 100.0, False
    elif ind.per_capita_base:
        parts, scale, as_level = (column(ind.id), column(ind.per_capita_base)), 10_000.0, False
    else:
        parts, scale, as_level = (column(ind.id), column("workers")), 10_000.0, True
    frame = pd.DataFrame({"value": parts[0], "base": parts[1]})
    if as_level:  # the reference level per 10,000 of the city's workers, so the shares add up to the reference
        complete = frame.dropna()
        density = level / complete["base"].sum() * scale if len(complete) and complete["base"].sum() else math.nan
        result = analysis.county_contributions(frame, density, ind.direction, scale, as_level=True)
        result["figure"] = result["value"]
        result["level_gap"] = result["contribution"]
    else:
        result = analysis.county_contributions(frame, level, ind.direction, scale)
        result["level_gap"] = (result["value"] - level * result["base"] / scale).where(result["contribution"].notna())
    names = counties.set_index("adcode")["name_zh"]
    result = result.rename_axis("region").reset_index()
    result.insert(1, "region_name", result["region"].map(names))
    return result[["region", "region_name", "value", "base", "figure", "share", "contribution", "level_gap"]]


def profile_scores(store: Store, home: str, set_id: str, period: str) -> pd.DataFrame:
    """Radar-chart scores: for the home and each benchmark member, every scored indicator's compared figure and
    its 0–100 score within that group (analysis.normalised_scores: 100 = best of the group, 0 = last). One row per
    region and indicator, home first, indicators in catalogue order. A county among cities is scored on rates and
    per-10k figures only (level_mismatch)."""
    mismatch = level_mismatch(store, home, set_id)
    indicators = [
        ind
        for ind in catalogue(store, "zh").values()
        if ind.direction != "neutral" and (size_free(ind) or not mismatch)
    ]
    _, members = benchmark_members(store, set_id, home)
    regions = [home, *members]
    frame = store.query("values_by_region", regions=regions, periods=[period])
    wide = pd.DataFrame(
        {ind.id: _compared_by_region(frame, ind) for ind in indicators}, columns=[i.id for i in indicators]
    ).reindex(regions)
    scores = analysis.normalised_scores(wide, {ind.id: ind.direction for ind in indicators})
    names = store.query("region_names", adcodes=regions).set_index("adcode")["name_zh"]
    long = (
        wide.rename_axis("region")
        .reset_index()
        .melt(id_vars="region", var_name="indicator", value_name="compared")
        .merge(
            scores.rename_axis("region").reset_index().melt(id_vars="region", var_name="indicator", value_name="score")
        )
    )
    long["region_name"] = long["region"].map(names)
    long["is_home"] = long["region"] == home
    order = {r: i for i, r in enumerate(regions)}, {ind.id: i for i, ind in enumerate(indicators)}
    long = long.sort_values(["region", "indicator"], key=lambda s: s.map(order[0] if s.name == "region" else order[1]))
    return long[["region", "region_name", "is_home", "indicator", "compared", "score"]].reset_index(drop=True)


def _compared_by_region(frame: pd.DataFrame, ind: Indicator) -> pd.Series:
    mine = frame[frame.indicator == ind.id].set_index("region")
    return mine[compared_column(ind)].astype(float) if len(mine) else pd.Series(dtype=float)
