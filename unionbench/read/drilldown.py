"""What the gap page and the briefing draw beside the comparison rows (unionbench.read.comparison): which county adds
most to the city's gap, the radar's 0–100 scores, and benchmark sets found by name. The comparison itself — figures on
one basis, gaps, verdicts — lives in unionbench.read.comparison only. No streamlit here.
"""

import math

import numpy as np
import pandas as pd

from unionbench.catalog import common_base
from unionbench.read import analysis, comparison
from unionbench.read.comparison import grid
from unionbench.read.selection import Selection
from unionbench.read.views import benchmark_members, catalogue, region_names
from unionbench.store import Store


def find_benchmark_set(store: Store, text: str) -> str | None:
    """A benchmark set named by its id, Chinese or English name ('xuchang', '许昌', 'Xuchang'), or None."""
    wanted = str(text).strip().casefold()
    for row in store.query("benchmark_sets").itertuples():
        if wanted in (row.id.casefold(), row.name_zh.casefold(), row.name_en.casefold()):
            return row.id
    return None


def county_gap_contributions(
    store: Store,
    city: str,
    period: str,
    indicator: str,
    level: float,
    lang: str = "zh",
) -> pd.DataFrame:
    """Which county contributes most to the city's gap on one indicator (analysis.county_contributions), against
    `level`, the city's reference level in compared units (drilldown.county_contributions passes its own row's).

    Per county: `value` and `base` (the numerator and the denominator of a rate, or the figure and the workers of
    a per-10k figure), `figure` (the county's compared figure), `share` of the city's base, `contribution` (in
    compared units: points, per 10,000 workers, or the indicator's unit; the counties' contributions add up to the
    city's gap) and `level_gap`, the county's surplus (+) or shortfall (−) in the indicator's own unit against what
    the reference level would give a county of its size (unions, stations, 万元). A plain count without a base (full-
    time chairs, problems open) is shared out by workers: each county's share of the reference is its share of the
    city's workers. Sorted worst first; a county missing a figure comes last with no contribution.
    """
    ind = catalogue(store, "zh")[indicator]
    counties = store.query("child_regions", parent=city)[["adcode"]]
    codes = counties["adcode"].tolist()
    figures = store.query("values_by_region", regions=codes, periods=[period])

    def column(name: str) -> pd.Series:  # one indicator's values by county (NaN where absent)
        return pd.Series(grid(figures, "value", "region", codes, "indicator", [name])[:, 0], index=codes)

    if ind.is_rate:
        parts, scale, as_level = (column(ind.numerator), column(ind.denominator)), 100.0, False
    elif ind.per_capita_base:
        parts, scale, as_level = (column(ind.id), column(ind.per_capita_base)), 10_000.0, False
    else:
        parts, scale, as_level = (column(ind.id), column(common_base(catalogue(store, "zh")) or "")), 10_000.0, True
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
    names = region_names(store, counties["adcode"], lang)
    result = result.rename_axis("region").reset_index()
    result.insert(1, "region_name", result["region"].map(names))
    return result[["region", "region_name", "value", "base", "figure", "share", "contribution", "level_gap"]]


def county_contributions(
    store: Store, sel: Selection, indicator: str, rows: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Which county of the home city adds most to its gap on one indicator, against the same reference level as
    the city's comparison row (drilldown.county_gap_contributions: shares of the base × each county's own gap). `rows`
    are the city's comparison rows when the caller has them already."""
    rows = comparison.comparison(store, sel) if rows is None else rows
    at = rows["indicator"].tolist().index(indicator)  # the row's position: re-indexing the wide rows cost more
    return county_gap_contributions(
        store, sel.home, rows["home_period"].iat[at], indicator, level=rows["benchmark_value"].iat[at], lang=sel.lang
    )


def judged_indicators(store: Store) -> list:
    """The indicators a verdict is given on: rates and figures with a per-capita base (comparison.basis_of)."""
    return [
        ind
        for ind in catalogue(store, "zh").values()
        if ind.direction != "neutral" and (ind.aggregation == "ratio" or ind.per_capita_base)
    ]


def profile_scores(store: Store, sel: Selection) -> pd.DataFrame:
    """Radar-chart scores: for the selection's home city and each benchmark city, every judged indicator's compared
    figure and its 0–100 score within that group (analysis.normalised_scores: 100 = best of the group, 0 = last).
    One row per region and indicator, home first, indicators in catalogue order. Totals that grow with size are left
    out, as the comparison leaves them unjudged."""
    home, lang = sel.home, sel.lang
    indicators = judged_indicators(store)
    _, members = benchmark_members(store, sel.benchmark, home)
    regions = [home, *members]
    frame = store.query("compared_figures", regions=regions, periods=[sel.period])
    ids = [i.id for i in indicators]
    wide = pd.DataFrame(grid(frame, "figure", "region", regions, "indicator", ids), index=regions, columns=ids)
    scores = analysis.normalised_scores(wide, {ind.id: ind.direction for ind in indicators})
    names = region_names(store, regions, lang)
    long = pd.DataFrame(
        {
            "region": np.repeat(regions, len(ids)),
            "indicator": np.tile(ids, len(regions)),
            "compared": wide.to_numpy().ravel(),
            "score": scores.reindex(index=regions, columns=ids).to_numpy().ravel(),
        }
    )
    long["region_name"] = long["region"].map(names)
    long["is_home"] = long["region"] == home
    return long[["region", "region_name", "is_home", "indicator", "compared", "score"]].reset_index(drop=True)
