"""What each page shows, assembled from named queries and metrics; no streamlit here, so it is testable alone."""

import math
from dataclasses import dataclass

import pandas as pd

from unionbench import metrics
from unionbench.catalog import Indicator, indicator_from_row
from unionbench.periods import shift
from unionbench.store import Store


def catalogue(store: Store, lang: str) -> dict[str, Indicator]:
    """The catalogue as Indicator objects by id, in display order."""
    return {row["id"]: indicator_from_row(row, lang) for _, row in store.query("indicator_catalogue").iterrows()}


@dataclass(frozen=True)
class Kpi:
    """One headline indicator for the home region in one quarter, against the chosen benchmark."""

    indicator: Indicator
    value: float
    compared_period: str
    change: metrics.Change
    per_10k: bool  # whether the benchmark comparison is per 10,000 workers (else the value itself)
    home_compared: float
    benchmark: float
    gap: metrics.Gap


def benchmark_frame(store: Store, set_id: str, periods: list[str]) -> tuple[str, pd.DataFrame]:
    """The set's rule and its members' values for the given quarters."""
    sets = store.query("benchmark_sets").set_index("id")
    members = store.query("benchmark_members", set_id=set_id)["adcode"].tolist()
    return sets.loc[set_id, "rule"], store.query("values_by_region", regions=members, periods=periods)


def overview_kpis(store: Store, home: str, set_id: str, period: str, lang: str) -> list[Kpi]:
    """Headline tiles: value, change (QoQ for stocks, YoY for flows), and the gap to the benchmark set."""
    indicators = {k: v for k, v in catalogue(store, lang).items()}
    headline = store.query("indicator_catalogue").query("headline")["id"].tolist()
    periods = [period, shift(period, -1), shift(period, -4)]
    home_values = store.query("values_by_region", regions=[home], periods=periods)
    rule, bench = benchmark_frame(store, set_id, [period])
    kpis = []
    for indicator_id in headline:
        ind = indicators[indicator_id]
        mine = home_values[home_values.indicator == indicator_id].set_index("period")
        value = lookup(mine, period, "value")
        earlier = shift(period, -metrics.comparison_period_offset(ind.stock_flow))
        per_10k = ind.per_capita_base is not None
        column = "per_10k" if per_10k else "value"
        members = bench.loc[bench.indicator == indicator_id, column]
        benchmark = metrics.benchmark_value(members, rule, ind.direction)
        home_compared = lookup(mine, period, column)
        kpis.append(
            Kpi(
                indicator=ind,
                value=value,
                compared_period=earlier,
                change=metrics.change(value, lookup(mine, earlier, "value")),
                per_10k=per_10k,
                home_compared=home_compared,
                benchmark=benchmark,
                gap=metrics.gap(home_compared, benchmark, ind.direction, ind.amber_within_pct),
            )
        )
    return kpis


def lookup(frame: pd.DataFrame, period: str, column: str) -> float:
    return float(frame.at[period, column]) if period in frame.index and pd.notna(frame.at[period, column]) else math.nan


def county_values(store: Store, city: str, indicator: Indicator, period: str, per_10k: bool) -> pd.DataFrame:
    """One indicator for every county of a city: value, value per 10,000 workers, and rank (1 = best) on the
    figure shown (per 10,000 workers when asked and the indicator has a base, else the value)."""
    counties = store.query("child_regions", parent=city)["adcode"].tolist()
    frame = store.query("values_by_region", regions=counties, periods=[period])
    frame = frame[frame.indicator == indicator.id].reset_index(drop=True)
    shown = "per_10k" if per_10k and indicator.per_capita_base else "value"
    frame["rank"] = metrics.rank_descending(frame[shown], indicator.direction)
    return frame
