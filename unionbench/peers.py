"""Peer sets and what the analysis pages rank within them: one indicator's ranking with rank moves, the composite
index, and one region's profile. No streamlit here; the pages only arrange what these return."""

import math

import pandas as pd

from unionbench import analysis, metrics
from unionbench.catalog import Indicator
from unionbench.periods import shift
from unionbench.store import Store
from unionbench.views import benchmark_members, catalogue, compare_benchmark, lookup, wide_values

# Peer scopes a page can offer: the home city's counties, the cities of its province, the home city with its
# benchmark cities, and the counties of all of those (the map's "home and benchmark counties").
SCOPES = ("counties", "province_cities", "benchmark_cities", "benchmark_counties")


def parent_of(store: Store, adcode: str) -> str | None:
    found = store.query("region_names", adcodes=[adcode])
    return None if found.empty or pd.isna(found.at[0, "parent"]) else found.at[0, "parent"]


def peer_regions(store: Store, scope: str, home: str, set_id: str) -> list[str]:
    """The regions of a peer scope, for a home city and a benchmark set."""
    if scope == "counties":
        return store.query("child_regions", parent=home)["adcode"].tolist()
    if scope == "province_cities":
        return store.query("child_regions", parent=parent_of(store, home))["adcode"].tolist()
    _, members = benchmark_members(store, set_id, home)
    cities = [home, *members]
    if scope == "benchmark_cities":
        return cities
    if scope == "benchmark_counties":
        return [c for city in cities for c in store.query("child_regions", parent=city)["adcode"]]
    raise ValueError(f"unknown peer scope {scope!r}; expected one of {SCOPES}")


def shown_column(indicator: Indicator, per_10k: bool) -> str:
    """The figure compared: per 10,000 workers when asked and the indicator has a base, else the value."""
    return "per_10k" if per_10k and indicator.per_capita_base else "value"


def indicator_ranking(
    store: Store, regions: list[str], indicator: Indicator, period: str, per_10k: bool
) -> pd.DataFrame:
    """Every region of the peer set (those without a figure too) ranked on one indicator (1 = best), with its rank a
    quarter ago and a year ago, the moves since, and a caution where a rank rests on a tiny difference."""
    column = shown_column(indicator, per_10k)
    periods = [period, shift(period, -1), shift(period, -4)]
    names = store.query("region_names", adcodes=regions)[["adcode", "name_zh", "parent"]]
    values = store.query("values_by_region", regions=regions, periods=periods)
    values = values[values.indicator == indicator.id].pivot_table(index="region", columns="period", values=column)
    frame = names.rename(columns={"adcode": "region", "name_zh": "region_name"}).set_index("region")
    for label, p in (("value", period), ("quarter_ago", periods[1]), ("year_ago", periods[2])):
        frame[label] = values.get(p, math.nan)
    decimals = 2 if column == "per_10k" else indicator.decimals
    now = analysis.rank_table(frame["value"], frame["quarter_ago"], indicator.direction, decimals)
    year = analysis.rank_table(frame["value"], frame["year_ago"], indicator.direction, decimals)
    frame = frame.assign(
        rank=now["rank"],
        rank_quarter_ago=now["previous_rank"],
        move_quarter=now["move"],
        rank_year_ago=year["previous_rank"],
        move_year=year["move"],
        caution=now["caution"] | year["caution"],
    )
    return frame.reset_index().sort_values(["rank", "region"], na_position="last").reset_index(drop=True)


def comparable_wide(store: Store, regions: list[str], period: str, indicators: dict[str, Indicator]) -> pd.DataFrame:
    """One row per region, one column per scored indicator, in comparable terms: rates as they are, counts and
    money per 10,000 workers (a big county must not win on size), neutral context indicators left out."""
    values_of = split_by(store.query("values_by_region", regions=regions, periods=[period]), "region")
    columns = {}
    for ind in indicators.values():
        if ind.direction == "neutral":
            continue
        mine = values_of.get(ind.id)
        columns[ind.id] = mine[shown_column(ind, True)] if mine is not None else pd.Series(dtype=float)
    return pd.DataFrame(columns).reindex(regions)


def composite_ranking(
    store: Store, regions: list[str], period: str, lang: str, weights: dict[str, float] | None = None
) -> pd.DataFrame:
    """The composite index (analysis.composite_index) of the peer set, with names and the rank a quarter ago."""
    indicators = catalogue(store, lang)
    directions = {i: ind.direction for i, ind in indicators.items()}
    now = analysis.composite_index(comparable_wide(store, regions, period, indicators), directions, weights)
    before = analysis.composite_index(
        comparable_wide(store, regions, shift(period, -1), indicators), directions, weights
    )
    names = store.query("region_names", adcodes=regions).set_index("adcode")["name_zh"]
    now.insert(0, "region_name", names.reindex(now.index))
    now["rank_quarter_ago"] = before["rank"].reindex(now.index)
    now["move_quarter"] = analysis.rank_moves(now["rank"], now["rank_quarter_ago"])
    now["caution"] = analysis.tiny_difference(now["composite"], 2)
    return now.rename_axis("region").reset_index().sort_values("rank", na_position="last").reset_index(drop=True)


def split_by(frame: pd.DataFrame, index: str) -> dict[str, pd.DataFrame]:
    """values_by_region rows → {indicator: its rows indexed by `index`}."""
    return {indicator: rows.set_index(index) for indicator, rows in frame.groupby("indicator", sort=False)}


def history_values(by_period: dict, period: str, first: str) -> list[float]:
    """The figures from `first` to the latest quarter with one (or `period`), oldest first; NaN where missing."""
    return [
        float(value) if (value := by_period.get(p)) is not None and pd.notna(value) else math.nan
        for p in sorted(set(by_period) | {period})
        if p >= first
    ]


def region_profile(store: Store, region: str, peers: list[str], set_id: str, period: str, lang: str) -> pd.DataFrame:
    """One region on every indicator: value, rank among its peers, gap to the benchmark set, and the trend."""
    indicators = catalogue(store, lang)
    first = shift(period, -7)
    history = store.query("values_by_region", regions=[region], periods=[shift(period, -k) for k in range(8)])
    peer_values = store.query("values_by_region", regions=peers, periods=[period])
    rule, members = benchmark_members(store, set_id, region)
    bench = store.query("values_by_region", regions=members, periods=[period])
    members_wide, members_per_10k = wide_values(bench), wide_values(bench, "per_10k")
    # Split once by indicator (a mask per indicator scanned every row 21 times: issue 6's profile of the map page).
    history_of = split_by(history, "period")
    peers_of = split_by(peer_values, "region")
    empty_history, empty_peers = history.iloc[:0].set_index("period"), peer_values.iloc[:0].set_index("region")
    rows = []
    for ind in indicators.values():
        mine = history_of.get(ind.id, empty_history)
        per_10k = ind.per_capita_base is not None
        column = shown_column(ind, per_10k)
        ranks = metrics.rank_descending(peers_of.get(ind.id, empty_peers)[column], ind.direction)
        compared = lookup(mine, period, column)
        benchmark = compare_benchmark(ind, rule, members_wide, members_per_10k, per_10k) if members else math.nan
        gap = metrics.gap(compared, benchmark, ind.direction, ind.amber_band, in_points=ind.is_rate)
        series = mine["value"].sort_index() if len(mine) else pd.Series(dtype=float)
        rows.append(
            {
                "indicator": ind.id,
                "name": ind.name,
                "unit": ind.unit,
                "value": lookup(mine, period, "value"),
                "per_10k": per_10k,
                "compared": compared,
                "rank": ranks.get(region, math.nan),
                "peers": int(ranks.notna().sum()),
                "benchmark": benchmark,
                "gap_abs": gap.absolute,
                "gap_rel": gap.relative,
                "status": gap.status if ind.direction != "neutral" else metrics.UNKNOWN,
                "trend": analysis.trend(series, ind.direction, ind.stock_flow, ind.is_rate).status,
                "history": history_values(mine["value"].to_dict(), period, first),
            }
        )
    return pd.DataFrame(rows)
