"""Peer sets and what the analysis pages rank within them: one indicator's ranking with rank moves, the composite
index, and one region's profile. No streamlit here; the pages only arrange what these return.

Who is compared with whom, and on which basis, is compare's: the peers are comparison.peer_regions, the
compared figure is compare's basis, and a rank here is read by the same rule as a comparison row's rank, so the
map's table, the rankings page and a region's profile agree (tests/test_peers_series_explorer.py checks it)."""

from collections.abc import Callable
from dataclasses import replace

import numpy as np
import pandas as pd

from unionbench.catalog import Indicator
from unionbench.formatting import per10k_decimals
from unionbench.periods import shift
from unionbench.placenames import shortest
from unionbench.read import analysis, comparison
from unionbench.read.selection import Selection
from unionbench.read.views import catalogue, place_names
from unionbench.store import Store

LONG_RANKING = 40  # more bars than this are condensed to the top and bottom TOP_BOTTOM and the home's own
TOP_BOTTOM = 10


def region_labels(store: Store, regions: list[str], lang: str = "zh") -> pd.DataFrame:
    """Name (in `lang`), level, parent and a label per region (index: adcode, in the given order). The label is the
    name, or the city's short name and the name where a name repeats among the regions: Sichuan has two 市中区, which
    read 内江·市中区 and 乐山·市中区, in English Neijiang·Shizhong District (a ranking keys its rows by adcode).
    Read once per published snapshot, peer set and language (names never change within a snapshot; two queries and
    the frame work were half of a province-wide ranking's time): the frame is shared, so callers must not change it."""
    return store.memo(("region_labels", tuple(regions), lang), lambda: _region_labels(store, list(regions), lang))


def _region_labels(store: Store, regions: list[str], lang: str) -> pd.DataFrame:
    in_lang = place_names(store, lang)
    names = store.query("region_names", adcodes=list(regions)).set_index("adcode").reindex(list(regions))
    names["name"] = names.index.map(in_lang).where(names["name_zh"].notna())
    repeated = names["name_zh"].duplicated(keep=False) & names["name_zh"].notna()
    parents = names.loc[repeated, "parent"].dropna().unique().tolist()
    parent_names = {parent: in_lang[parent] for parent in parents if parent in in_lang}

    names["label"] = [
        f"{shortest(parent_names.get(parent, ''))}·{name}" if again and parent in parent_names else name
        for name, parent, again in zip(names["name"], names["parent"], repeated, strict=True)
    ]
    names["label"] = names["label"].fillna(pd.Series(names.index, index=names.index))
    return names.rename_axis("region")


def ranking_basis(indicator: Indicator, per_10k: bool) -> str:
    """The basis a ranking is read on: the comparison's (rate, per 10,000 of the base) when per 10,000 is asked,
    else the value; a count without a per-capita base is always ranked on its value."""
    return comparison.basis_of(indicator) if per_10k or indicator.is_rate else "value"


def basis_decimals(indicator: Indicator, basis: str, figures: pd.Series) -> int:
    if basis.startswith("per_10k"):
        return per10k_decimals(*figures.dropna())
    return 1 if indicator.is_rate else indicator.decimals


RANKING_COLUMNS = [
    "region", "label", "region_name", "level", "parent", "value", "figure", "quarter_ago", "year_ago", "basis",
    "basis_unit", "decimals", "rank", "rank_of", "rank_quarter_ago", "move_quarter", "rank_year_ago", "move_year",
    "caution", "home",
]  # fmt: skip


RANKED = (
    "value",
    "figure",
    "quarter_ago",
    "year_ago",
    "rank",
    "rank_quarter_ago",
    "move_quarter",
    "rank_year_ago",
    "move_year",
)  # a ranking's figures, placed by region


def indicator_ranking(store: Store, sel: Selection, indicator: Indicator) -> pd.DataFrame:
    """Every peer of the selection (comparison.peer_regions; those without a figure too, last) ranked on one indicator
    (1 = best; ties share the better rank) on `ranking_basis`, keyed by adcode with a distinct label; with the rank
    a quarter and a year ago on the same basis among the same peers, the moves since, and a caution where a rank
    rests on a tiny difference. `home` marks the home region and its counties."""
    return ranking_among(store, comparison.peer_regions(store, sel), sel, indicator)


def ranking_among(store: Store, peers: list[str], sel: Selection, indicator: Indicator) -> pd.DataFrame:
    """indicator_ranking among the given peers (all of a country's counties, for one) rather than a scope's."""
    basis = ranking_basis(indicator, sel.per_10k)
    ranked = store.query(
        "indicator_ranking",
        regions=peers,
        indicator=indicator.id,
        period=sel.period,
        quarter_ago=shift(sel.period, -1),
        year_ago=shift(sel.period, -4),
        on_value=basis == "value",
        lower=indicator.direction == "lower",
    )
    labels = region_labels(store, peers, sel.lang)
    # Every peer's figures placed by position and the frame built once, in rank order: joining, assigning and
    # sorting a frame of ~200 rows step by step cost more than the query.
    regions = labels.index.to_numpy(dtype=object)
    position = {region: n for n, region in enumerate(regions)}
    at = np.array([position[region] for region in ranked["region"].tolist()], dtype=np.intp)
    figures = {}
    for column in RANKED:
        figures[column] = np.full(len(regions), np.nan)
        figures[column][at] = ranked[column].to_numpy(dtype=float, na_value=np.nan)
    figure = pd.Series(figures["figure"])
    decimals = basis_decimals(indicator, basis, figure)
    caution = analysis.tiny_difference(figure, decimals).to_numpy()
    for before in ("quarter_ago", "year_ago"):
        caution = caution | analysis.tiny_difference(pd.Series(figures[before]), decimals).to_numpy()
    home = (regions == sel.home) | (labels["parent"].to_numpy(dtype=object) == sel.home)
    # by rank (those without one last), then by adcode: the order sort_values(["rank", "region"]) gives
    rank = figures["rank"]
    order = np.lexsort((regions.astype(str), np.nan_to_num(rank), np.isnan(rank)))
    columns = {
        "region": labels.index.array.take(order),
        "label": labels["label"].array.take(order),
        "region_name": labels["name"].array.take(order),
        "level": labels["level"].array.take(order),
        "parent": labels["parent"].array.take(order),
        **{column: values[order] for column, values in figures.items()},
        "basis": basis,
        "basis_unit": comparison.basis_unit(indicator, basis, sel.lang),
        "decimals": decimals,
        "rank_of": int(np.count_nonzero(~np.isnan(figures["figure"]))),
        "caution": caution[order],
        "home": home[order],
    }
    return pd.DataFrame({column: columns[column] for column in RANKING_COLUMNS}, index=pd.RangeIndex(len(regions)))


def condensed(frame: pd.DataFrame, value: str, limit: int = LONG_RANKING, n: int = TOP_BOTTOM) -> pd.DataFrame:
    """The ranked rows a bar chart draws: all that have a figure when they are at most `limit`, else the top n,
    the bottom n and the home's own (`home`), in rank order; `skipped` says how many ranked rows were left out just
    above each row (a long ranking stays readable on one screen; the table beside it keeps every row)."""
    present = frame[frame[value].notna()].reset_index(drop=True)
    if len(present) <= limit:
        return present.assign(skipped=0)
    position = pd.Series(range(len(present)), index=present.index)
    keep = (position < n) | (position >= len(present) - n) | present.get("home", False)
    kept = present[keep]
    before = position[keep].diff().fillna(position[keep].iloc[0] + 1).astype(int) - 1
    return kept.assign(skipped=before.to_numpy()).reset_index(drop=True)


def shown_column(indicator: Indicator, per_10k: bool) -> str:
    """The stored figure a composite reads: per 10,000 workers when asked and the indicator has a base."""
    return "per_10k" if per_10k and indicator.per_capita_base else "value"


def comparable_wide(store: Store, regions: list[str], period: str, indicators: dict[str, Indicator]) -> pd.DataFrame:
    """One row per region, one column per judged indicator, on its compared basis: rates as they are, counts and
    money per 10,000 workers. Totals without a base (unions established, full-time chairs) are left out with the
    neutral context indicators: a big county must not win on size (comparison.basis_of)."""
    shown = {
        ind.id: shown_column(ind, True)
        for ind in indicators.values()
        if ind.direction != "neutral" and comparison.basis_of(ind) != "value"
    }
    figures = store.query("values_by_region", regions=regions, periods=[period])
    per_10k = np.array([shown.get(indicator) == "per_10k" for indicator in figures["indicator"].tolist()], dtype=bool)
    values = (figures[column].to_numpy(dtype=float, na_value=np.nan) for column in ("per_10k", "value"))
    figures = figures.assign(shown=np.where(per_10k, *values))
    columns = list(shown)
    grid = comparison.grid(figures, "shown", "region", regions, "indicator", columns)  # a pivot, without pivot's cost
    return pd.DataFrame(grid, index=pd.Index(regions, name="region"), columns=columns)


def composite_scores(
    store: Store, regions: list[str], period: str, weights: dict[str, float] | None = None
) -> pd.DataFrame:
    """The composite index (analysis.composite_index) of the peer set `regions` in one quarter: a ranking reads
    its own quarter's and, for the rank moves, the quarter before's (which is the next quarter back's own)."""
    indicators = catalogue(store, "zh")  # directions and bases: the same in every language
    directions = {i: ind.direction for i, ind in indicators.items()}
    return analysis.composite_index(comparable_wide(store, regions, period, indicators), directions, weights)


def composite_ranking(
    store: Store,
    sel: Selection,
    regions: list[str],
    weights: dict[str, float] | None = None,
    scores_of: Callable[..., pd.DataFrame] = composite_scores,
) -> pd.DataFrame:
    """The composite index (analysis.composite_index) of the peer set `regions` in the selection's quarter, with
    names in its language, distinct labels, the rank a quarter ago, and `home` marking the selection's home region
    and its counties. `scores_of` reads one quarter's scores: composite_scores, or a cached reading of it on pages,
    where the quarter before is the next quarter back's own."""
    now, before = (scores_of(store, regions, period, weights) for period in (sel.period, shift(sel.period, -1)))
    labels = region_labels(store, regions, sel.lang)
    if not labels.index.equals(now.index):  # the scores are the same regions', in the same order, unless changed
        labels = labels.reindex(now.index)
    rank_quarter_ago = before["rank"].reindex(now.index)
    columns = {
        "region": now.index.array,
        "region_name": labels["name"].array,
        "label": labels["label"].array,
        **{column: now[column].array for column in now.columns},
        "home": (now.index == sel.home) | (labels["parent"] == sel.home).to_numpy(),
        "rank_quarter_ago": rank_quarter_ago.array,
        "move_quarter": analysis.rank_moves(now["rank"], rank_quarter_ago).array,
        "caution": analysis.tiny_difference(now["composite"], 2).array,
    }
    # The frame built at once, in rank order, from the shared scores' columns (each inserted in turn, then the whole
    # frame sorted, cost more than the scores): best first, ties as sort_values orders them, no rank last.
    rank = now["rank"].to_numpy(dtype=float, na_value=np.nan)
    ranked = np.flatnonzero(~np.isnan(rank))
    order = np.concatenate([ranked[rank[ranked].argsort(kind="quicksort")], np.flatnonzero(np.isnan(rank))])
    return pd.DataFrame({name: values.take(order) for name, values in columns.items()}, index=pd.RangeIndex(len(now)))


def region_profile(store: Store, sel: Selection, region: str) -> pd.DataFrame:
    """One region on every indicator: comparison.comparison's rows for it (sel.with_home), ranked among the peers of
    `sel` (the map's table beside it; `region` is one of them), with `history`, its compared figure over the last
    eight quarters. compare re-reads the peers from the region's own city; where that gives another set (a benchmark
    city's county in "home and benchmark counties"), the rank is read among sel's peers by the same rule."""
    view = replace(sel.with_home(region), scope=sel.scope)
    rows = comparison.comparison(store, view)
    peers = comparison.peer_regions(store, sel)
    if region in peers and set(comparison.peer_regions(store, view)) != set(peers):
        ranks = comparison.basis_ranks(store, catalogue(store, sel.lang), peers, sel.period, region)
        rank, rank_of = ({i: r[key] for i, r in ranks.items()} for key in ("rank", "rank_of"))
        rows["rank"] = rows["indicator"].map(rank).astype(float).where(rows["judged"])
        rows["rank_of"] = rows["indicator"].map(rank_of).where(rows["judged"]).fillna(0).astype(int)
    periods = comparison.history_periods(sel.period)
    history = store.query("compared_figures", regions=[region], periods=periods)
    history = comparison.grid(history, "figure", "indicator", list(rows["indicator"]), "period", periods)
    rows["history"] = [[float(v) for v in line] for line in history]
    return rows
