"""Time series for the trends page: values over the quarters, and the changes that matter per indicator kind —
a stock against the previous quarter, a flow against the same quarter a year ago (and its year to date)."""

import pandas as pd

from unionbench.catalog import Indicator
from unionbench.periods import shift
from unionbench.read import analysis, metrics
from unionbench.read.comparison import basis_of, basis_unit
from unionbench.read.selection import Selection
from unionbench.read.views import named, region_names
from unionbench.store import Store


def quarters_back(period: str, count: int) -> list[str]:
    """`count` quarters ending with `period`, oldest first."""
    return [shift(period, -k) for k in range(count - 1, -1, -1)]


def series(store: Store, sel: Selection, regions: list[str], indicator: Indicator, count: int) -> pd.DataFrame:
    """region, region_name (in the selection's language), period, value and its unit over the `count` quarters ending
    with the selection's — the figure shown (per 10,000 workers when the selection asks and the indicator has a
    base), its unit worded as every comparison words it."""
    periods = quarters_back(sel.period, count)
    query = store.query("indicator_by_region", regions=regions, indicator=indicator.id, periods=periods)
    frame = named(store, query, sel.lang)
    per_10k = sel.per_10k and indicator.per_capita_base
    unit = basis_unit(indicator, basis_of(indicator) if per_10k else "value", sel.lang)
    shown = frame[["region", "region_name", "period"]].assign(value=frame["per_10k" if per_10k else "value"])
    return shown.assign(unit=unit).reset_index(drop=True)


def changes(
    store: Store, regions: list[str], indicators: list[Indicator], period: str, lang: str = "zh"
) -> pd.DataFrame:
    """One row per region and indicator: the value, its change on the previous quarter and on the same quarter a
    year ago (absolute and relative; rates in points), the year to date for flows, and which change leads:
    quarter-on-quarter for a stock, year-on-year for a flow (a flow's quarters follow the calendar)."""
    periods = quarters_back(period, 5)
    frame = store.query("values_by_region", regions=regions, periods=periods)
    names = region_names(store, regions, lang)
    rows = []
    for ind in indicators:
        mine = frame[frame.indicator == ind.id].pivot_table(index="region", columns="period", values="value")
        for region in regions:
            row = mine.loc[region] if region in mine.index else pd.Series(dtype=float)
            value = row.get(period, float("nan"))
            qoq = metrics.change(value, row.get(periods[-2], float("nan")))
            yoy = metrics.change(value, row.get(periods[0], float("nan")))
            ytd = analysis.year_to_date(row, period) if ind.stock_flow == "flow" else float("nan")
            rows.append(
                {
                    "region": region,
                    "region_name": names.get(region, region),
                    "indicator": ind.id,
                    "name": ind.name,
                    "unit": ind.unit,
                    "stock_flow": ind.stock_flow,
                    "value": value,
                    "qoq_abs": qoq.absolute,
                    "qoq_rel": qoq.relative,
                    "yoy_abs": yoy.absolute,
                    "yoy_rel": yoy.relative,
                    "year_to_date": ytd,
                    "leading": "qoq" if metrics.comparison_period_offset(ind.stock_flow) == 1 else "yoy",
                }
            )
    return pd.DataFrame(rows)
