"""What the gap page and the briefing draw beside the comparison rows (unionbench.compare): which county adds most
to the city's gap, the radar's 0–100 scores, and benchmark sets found by name. The comparison itself — figures on
one basis, gaps, verdicts — lives in unionbench.compare only. No streamlit here.
"""

import math

import pandas as pd

from unionbench import analysis
from unionbench.store import Store
from unionbench.views import benchmark_members, catalogue, wide_values


def find_benchmark_set(store: Store, text: str) -> str | None:
    """A benchmark set named by its id, Chinese or English name ('suineilu', '遂内泸', 'Yangzhou'), or None."""
    wanted = str(text).strip().casefold()
    for row in store.query("benchmark_sets").itertuples():
        if wanted in (row.id.casefold(), row.name_zh.casefold(), row.name_en.casefold()):
            return row.id
    return None


def county_gap_contributions(
    store: Store,
    city: str,
    set_id: str,
    period: str,
    indicator: str,
    level: float,
) -> pd.DataFrame:
    """Which county contributes most to the city's gap on one indicator (analysis.county_contributions), against
    `level`, the city's reference level in compared units (compare.county_contributions passes its own row's).

    Per county: `value` and `base` (the numerator and the denominator of a rate, or the figure and the workers of
    a per-10k figure), `figure` (the county's compared figure), `share` of the city's base, `contribution` (in
    compared units: points, per 10,000 workers, or the indicator's unit; the counties' contributions add up to the
    city's gap) and `level_gap`, the county's surplus (+) or shortfall (−) in the indicator's own unit against what
    the reference level would give a county of its size (unions, stations, 万元). A plain count without a base (full-
    time chairs, problems open) is shared out by workers: each county's share of the reference is its share of the
    city's workers. Sorted worst first; a county missing a figure comes last with no contribution.
    """
    ind = catalogue(store, "zh")[indicator]
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


def judged_indicators(store: Store) -> list:
    """The indicators a verdict is given on: rates and figures with a per-capita base (compare.basis_of)."""
    return [
        ind
        for ind in catalogue(store, "zh").values()
        if ind.direction != "neutral" and (ind.aggregation == "ratio" or ind.per_capita_base)
    ]


def profile_scores(store: Store, home: str, set_id: str, period: str) -> pd.DataFrame:
    """Radar-chart scores: for a home city and each benchmark city, every judged indicator's compared figure and
    its 0–100 score within that group (analysis.normalised_scores: 100 = best of the group, 0 = last). One row per
    region and indicator, home first, indicators in catalogue order. Totals that grow with size are left out, as
    the comparison leaves them unjudged."""
    indicators = judged_indicators(store)
    _, members = benchmark_members(store, set_id, home)
    regions = [home, *members]
    frame = store.query("compared_figures", regions=regions, periods=[period])
    wide = (
        frame.pivot_table(index="region", columns="indicator", values="figure", aggfunc="first")
        .reindex(index=regions, columns=[i.id for i in indicators])
        .astype(float)
    )
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
