"""The one comparison: a Selection in, one row per indicator out — the home figure and the reference
figure on the same basis, with the unit, the gap (positive = better), the verdict, the rank, the trend, the catch-up,
the quarter each side comes from, and the words that say it. Every page, the wall screen, the briefing and
`unionbench compare` render these rows; none of them computes a gap, a verdict or a unit itself.

The rules (the methodology page shows them, tests/test_compare.py checks each on hand-computed numbers):
- Basis. A rate is compared as a rate (a ratio of sums; gaps in percentage points). A figure with a per-capita base
  in the catalogue is compared per 10,000 of that base. A count without a base grows with the size of a place: it is
  shown, not judged.
- Like with like. A county is read against counties (the benchmark cities' counties, or the province's), a city
  against cities.
- Gap. gap = (home − reference) for higher-is-better, (reference − home) for lower-is-better: positive is better.
  The relative gap is the gap ÷ |reference|; none for a rate (points say it) nor for small numbers.
- Verdict. Within the catalogue's amber band either way (points for a rate, % of the reference otherwise) the two
  are level; beyond it ahead or behind by the gap's sign.
- Small numbers. When the home's count and the reference's equivalent for a place of the home's size are both under
  10, no percentage is given and the row carries a caution; it never becomes a headline strength or weakness.
- Latest shared quarter. The reference comes from the newest quarter up to the selected one in which its regions
  have reported as fully as they ever did in the window; when that is older than the home's quarter, the rows say
  so. A stock is read at the home's newest quarter against it; a flow (an amount in the quarter) on the same
  quarter for both, since flows follow the calendar.
No streamlit here.
"""

import math
from collections.abc import Callable, Mapping
from dataclasses import replace

import numpy as np
import pandas as pd

from unionbench.catalog import Indicator
from unionbench.export import plain_decimal
from unionbench.formatting import (
    SMALL,
    amount,
    format_number,
    is_small_count,
    per10k_decimals,
    percent,
    period_text,
    points,
    signed,
    signed_amount,
)
from unionbench.i18n import Words, ngettext
from unionbench.periods import quarter_of, shift, year_of
from unionbench.read import analysis
from unionbench.read.selection import REFERENCES, Selection, UnknownReference
from unionbench.read.views import benchmark_members, catalogue, named, region_names
from unionbench.store import Store

HISTORY = 8  # quarters read for trends and catch-up: a flow's four-quarter totals need seven
AHEAD, LEVEL, BEHIND = "ahead", "level", "behind"

COLUMNS = [
    "indicator", "name", "group", "direction", "kind", "stock_flow", "decimals", "amber_band", "is_rate",
    "basis", "unit", "basis_unit", "judged",
    "value", "value_text", "home_period", "home_value", "home_text",
    "benchmark_value", "benchmark_text", "benchmark_period", "benchmark_lags",
    "difference", "gap", "gap_rel", "gap_text", "lead", "small", "verdict", "verdict_text", "sentence",
    "rank", "rank_of", "trend", "catch_up", "catch_up_reason", "needed_per_quarter",
    "previous_period", "change", "change_rel", "change_text", "headline", "as_of_text", "trend_text",
    "catch_up_text", "needed_text", "rank_text", "lead_text",
]  # fmt: skip

WORDS = Words("cmp.")  # this module's words, from the one table (unionbench.i18n)


# --- who is compared with whom ----------------------------------------------------------------------------------


def region_facts(store: Store, adcode: str) -> dict:
    """name_zh, level, parent and province of one region (empty when unknown)."""
    # the row as a dictionary is kept, not the frame: a row of a frame cost more than the rest of a lookup
    return dict(store.memo(("region_facts_row", adcode), lambda: _facts(store.query("region_facts", adcode=adcode))))


def _facts(found: pd.DataFrame) -> dict:
    return found.iloc[0].to_dict() if len(found) else {}


def same_level_field(store: Store, home: str, province: str | None = None) -> list[str]:
    """Every region of the home's level in a province (the home's own unless given), the home included."""
    facts = region_facts(store, home)
    province = province or facts.get("province")
    return store.memo(
        ("same_level_field", facts.get("level"), province),
        lambda: tuple(store.query("regions_at_level", level=facts.get("level"), province=province)["adcode"]),
    )


def children(store: Store, parents: list[str]) -> list[str]:
    return [c for p in parents for c in store.memo(("children", p), lambda p=p: tuple(_child_codes(store, p)))]


def _child_codes(store: Store, parent: str) -> list[str]:
    return store.query("child_regions", parent=parent)["adcode"].tolist()


def reference_regions(store: Store, sel: Selection) -> tuple[str, list[str]]:
    """How the reference level is formed (pooled | best | p90 | mean) and from which regions, all of the home's level:
    the set's member cities, or their counties for a county; the province's cities or counties for a provincial
    set; the province's field for p90; one region for an adcode. The home itself is never its own reference.
    A custom set's rule says what "average" is for it: pooled, its best member, or its members' mean."""
    sets = store.memo(("benchmark_sets",), lambda: store.query("benchmark_sets").set_index("id"))
    rule, members = benchmark_members(store, sel.benchmark, region_facts(store, sel.home).get("parent") or sel.home)
    members = [m for m in members if m != sel.home]
    level = region_facts(store, sel.home).get("level")
    if rule == "members":
        field = children(store, members) if level == "county" else members
    else:
        field = list(same_level_field(store, sel.home, sets.at[sel.benchmark, "scope"]))
    field = [r for r in field if r != sel.home]
    member_rule = sets.at[sel.benchmark, "member_rule"] if "member_rule" in sets else "pooled"
    if sel.reference == "p90":
        return "p90", list(same_level_field(store, sel.home))
    if sel.reference == "best" or rule == "province_best" or (sel.reference == "average" and member_rule == "best"):
        return "best", field
    if sel.reference == "average":
        return ("mean" if member_rule == "average" else "pooled"), field
    if sel.reference in field:
        return "pooled", [sel.reference]
    raise UnknownReference(f"reference {sel.reference!r} is not one of {REFERENCES} nor among {sorted(field)[:10]}")


def peer_regions(store: Store, sel: Selection) -> list[str]:
    """The regions a rank is read among, home included: the scope's, or by default the home city's counties for a
    county and the home with its benchmark cities for a city."""
    facts = region_facts(store, sel.home)
    city = facts.get("parent") if facts.get("level") == "county" else sel.home
    scope = sel.scope or ("counties" if facts.get("level") == "county" else "benchmark_cities")
    if scope == "counties":
        return children(store, [city])
    if scope in ("province_counties", "province_cities"):
        wanted = "county" if scope == "province_counties" else "city"
        province = region_facts(store, city).get("province")
        return list(
            store.memo(
                ("regions_at_level", wanted, province),
                lambda: tuple(store.query("regions_at_level", level=wanted, province=province)["adcode"]),
            )
        )
    _, members = benchmark_members(store, sel.benchmark, city)
    cities = [city, *members]
    return cities if scope == "benchmark_cities" else children(store, cities)


def applicable_reference(store: Store, sel: Selection, reference: str) -> str:
    """The federation's reference setting where it applies to the selection's set: a rule (average, best, p90) always;
    a region only when it is one of the set's cities, else the average."""
    if reference in REFERENCES:
        return reference
    members = peer_regions(store, replace(sel, scope="benchmark_cities"))
    return reference if reference in members[1:] else "average"


# --- the rows ---------------------------------------------------------------------------------------------------


def history_periods(period: str, count: int = HISTORY) -> list[str]:
    """`count` quarters ending with `period`, oldest first."""
    return [shift(period, -k) for k in range(count - 1, -1, -1)]


def basis_unit(ind: Indicator, basis: str, lang: str) -> str:
    """The unit of the compared figure: '个/万名职工' / 'units per 10,000 workers', '%', or the indicator's own."""
    if not basis.startswith("per_10k"):
        return ind.unit
    unit = "CNY" if ind.unit == "10k yuan" else ind.unit  # English: CNY 16,338 per 10,000 workers
    return WORDS[lang]["per_base"].format(unit=unit)


def basis_of(ind: Indicator) -> str:
    """The basis an indicator is compared on: 'rate' for a ratio (gaps in points); 'per_10k_<base>' for a figure with
    a per-capita base in the catalogue; else 'value' — a total that grows with size, shown but not judged."""
    if ind.aggregation == "ratio":
        return "rate"
    return f"per_10k_{ind.per_capita_base}" if ind.per_capita_base else "value"


def reference_levels(store: Store, sel: Selection, periods: list[str]) -> pd.DataFrame:
    """The reference level per indicator (rows) and quarter (columns), and how many regions reported each."""
    rule, regions = reference_regions(store, sel)
    key = ("reference_levels", rule, tuple(sorted(regions)), tuple(periods))
    levels = store.memo(key, lambda: store.query("reference_levels", regions=regions, periods=periods, rule=rule))
    return levels


def shared_period(levels: pd.DataFrame, period: str) -> pd.Series:
    """Per indicator, the newest quarter up to `period` in which the reference regions reported as fully as they
    ever did in the window (a quarter only some have reported is not yet theirs)."""
    # On an indicator × quarter grid, not a groupby: this runs in every comparison.
    ids = np.unique(levels["indicator"].to_numpy(dtype=object))
    periods = np.unique(levels["period"].to_numpy(dtype=object))  # oldest first
    level = grid(levels, "level", "indicator", ids, "period", periods)
    present = ~np.isnan(level) & (periods <= period)
    reporting = np.where(present, grid(levels, "reporting", "indicator", ids, "period", periods), -np.inf)
    complete = present & (reporting == reporting.max(axis=1, initial=-np.inf, keepdims=True))
    found = complete.any(axis=1)
    if not found.any():
        return pd.Series(dtype=object)
    newest = len(periods) - 1 - np.argmax(complete[:, ::-1], axis=1)
    return pd.Series(periods[newest[found]], index=pd.Index(ids[found], name="indicator"), name="period")


def comparison(store: Store, sel: Selection, only: list[str] | None = None) -> pd.DataFrame:
    """One row per indicator in catalogue order (context indicators included, not judged): see COLUMNS and the
    module docstring. Built for all indicators at once from two queries (compared_figures, reference_levels).
    `only` keeps the rows of those indicators (the briefing's county table reads seven counties' headline rows)."""
    indicators = catalogue(store, sel.lang)
    if only is not None:
        indicators = {i: ind for i, ind in indicators.items() if i in set(only)}
    periods = history_periods(sel.period)
    home_figures = store.query("compared_figures", regions=[sel.home], periods=periods)
    levels = reference_levels(store, sel, periods)
    peers = peer_regions(store, sel)
    ranks = basis_ranks(store, indicators, peers, sel.period, sel.home)
    return _rows(indicators, sel, home_figures, levels, ranks, periods)


def basis_ranks(
    store: Store, indicators: dict[str, Indicator], peers: list[str], period: str, region: str
) -> dict[str, dict]:
    """The rank rule: a region's rank among `peers` per indicator in `period` (1 = best in the indicator's
    direction; ties share the better rank) and how many peers have a figure, on the compared basis:
    {indicator: {"rank": …, "rank_of": …}}, for the indicators the region has a row for."""
    figures = store.query("compared_figures", regions=peers, periods=[period])
    # numpy per indicator rather than a pandas groupby rank: only the one region's rank is wanted
    ids = figures["indicator"].to_numpy(dtype=object)
    figure = figures["figure"].to_numpy(dtype=float, na_value=np.nan)
    higher = np.array([i in indicators and indicators[i].direction != "lower" for i in ids], dtype=bool)
    signed_figure = np.where(higher, figure, -figure)
    ranks = {}
    for at in np.flatnonzero(figures["region"].to_numpy(dtype=object) == region):
        among = signed_figure[ids == ids[at]]
        mine = signed_figure[at]
        rank = math.nan if math.isnan(mine) else float(1 + np.count_nonzero(among > mine))
        ranks[ids[at]] = {"rank": rank, "rank_of": int(np.count_nonzero(~np.isnan(among)))}
    return ranks


def grid(frame: pd.DataFrame, column: str, row_key: str, rows: list, col_key: str, cols: list) -> np.ndarray:
    """`frame[column]` placed in a rows × cols array (NaN where absent) by its `row_key` and `col_key`: a pivot,
    without pandas' pivot_table, which cost ~8 ms each on every page rerun."""
    out = np.full((len(rows), len(cols)), np.nan)
    if frame.empty:
        return out
    r, c = _positions(rows, frame[row_key]), _positions(cols, frame[col_key])
    keep = (r >= 0) & (c >= 0)
    out[r[keep], c[keep]] = frame[column].to_numpy(dtype=float, na_value=np.nan)[keep]
    return out


def _positions(keys, values: pd.Series) -> np.ndarray:
    """Where each value stands in `keys` (unique), −1 where it is not among them: a dictionary, a third of the time
    of building a pandas Index and asking it, for the few thousand rows a grid has."""
    at = {key: n for n, key in enumerate(keys)}
    return np.array([at.get(value, -1) for value in values.tolist()], dtype=np.intp)


def _rows(
    indicators: dict[str, Indicator],
    sel: Selection,
    home_figures: pd.DataFrame,
    levels: pd.DataFrame,
    ranks: dict[str, dict],
    periods: list[str],
) -> pd.DataFrame:
    """One row per indicator, from three indicator × quarter grids (home figure, home value, reference level)."""
    ids = list(indicators)
    figures = grid(home_figures, "figure", "indicator", ids, "period", periods)
    values = grid(home_figures, "value", "indicator", ids, "period", periods)
    bench = grid(levels, "level", "indicator", ids, "period", periods)
    shared = shared_period(levels, sel.period)
    position = {p: i for i, p in enumerate(periods)}
    # Plain dictionaries: a pandas lookup per indicator cost more than the row's arithmetic.
    shared_at = shared.to_dict()
    rows = [
        _row(ind, sel, (figures[n], values[n], bench[n]), shared_at.get(ind.id), ranks, position)
        for n, ind in enumerate(indicators.values())
    ]
    if not rows:
        return pd.DataFrame(rows, columns=COLUMNS)
    return pd.DataFrame({column: [row[column] for row in rows] for column in COLUMNS})  # by column: half the time


def _row(ind, sel, arrays, bench_period, ranks, position) -> dict:
    """The comparison for one indicator from its 8-quarter arrays (oldest first, the selected quarter last): the
    home's compared figure, its value, and the reference level; `ranks` maps an indicator to its rank and rank_of."""
    figures, values, bench = arrays
    rank = ranks.get(ind.id, {})
    basis = basis_of(ind)
    judged = ind.direction != "neutral" and basis != "value"
    bench_period = bench_period if judged and isinstance(bench_period, str) else None
    lags = bench_period is not None and bench_period < sel.period
    home_period = bench_period if lags and ind.stock_flow == "flow" else sel.period
    at = position.get(home_period)
    value, home_value = _cell(values, at), _cell(figures, at)
    bench_value = _cell(bench, position.get(bench_period)) if bench_period else math.nan
    sign = -1.0 if ind.direction == "lower" else 1.0
    difference = home_value - bench_value
    gap = sign * difference
    small = is_small(ind, basis, value, home_value, bench_value)
    gap_rel = gap / abs(bench_value) if bench_value and not ind.is_rate and not small else math.nan
    verdict = verdict_of(ind, gap, bench_value) if judged else ""
    lead = gap if ind.is_rate else gap / abs(bench_value) * 100 if bench_value else math.nan
    flow = ind.stock_flow == "flow"
    fitted = analysis.trend(analysis.levels_of(figures, flow), ind.direction, ind.is_rate)
    trend, slope = fitted.status, fitted.slope
    if math.isnan(home_value):  # no figure this quarter: no trend is read off older quarters beside an empty cell
        trend = analysis.UNKNOWN
    caught = analysis.catch_up(analysis.levels_of(figures, flow), analysis.levels_of(bench, flow), ind.direction)
    quarters, reason = caught.quarters, caught.reason
    previous = shift(home_period, -analysis_offset(ind))
    earlier = _cell(values, position.get(previous))
    row = {
        "indicator": ind.id,
        "name": ind.name,
        "group": ind.group,
        "direction": ind.direction,
        "kind": ind.kind,
        "stock_flow": ind.stock_flow,
        "decimals": ind.decimals,
        "amber_band": ind.amber_band,
        "is_rate": ind.is_rate,
        "basis": basis,
        "unit": ind.unit,
        "basis_unit": basis_unit(ind, basis, sel.lang),
        "judged": judged,
        "value": value,
        "home_period": home_period,
        "home_value": home_value,
        "benchmark_value": bench_value,
        "benchmark_period": bench_period,
        "benchmark_lags": lags,
        "difference": difference,
        "gap": gap,
        "gap_rel": gap_rel,
        "lead": lead if verdict and not small else math.nan,
        "small": small,
        "verdict": verdict,
        "rank": float(rank.get("rank", math.nan)) if judged else math.nan,
        "rank_of": int(rank.get("rank_of", 0)) if judged else 0,
        "trend": trend,
        "catch_up": float(quarters) if quarters is not None and judged else math.nan,
        "catch_up_reason": reason if judged else "",
        "needed_per_quarter": _needed(ind, figures, bench, home_period, at, slope) if judged else math.nan,
        "previous_period": previous,
        "change": value - earlier,
        "change_rel": (value - earlier) / abs(earlier) if earlier else math.nan,
        "headline": ind.headline,
    }
    return row | texts(row, sel.lang)


def _cell(array: np.ndarray, at: int | None) -> float:
    return math.nan if at is None else float(array[at])


def _needed(ind: Indicator, home: np.ndarray, bench: np.ndarray, period: str, at: int | None, pace: float) -> float:
    """What-if (analysis.needed_per_quarter): a stock's rise per remaining quarter to reach the reference level; a
    flow's amount per remaining quarter for its year to date to reach the reference's four-quarter total. In the
    compared unit, signed the indicator's way (a fall for lower-is-better)."""
    if at is None:
        return math.nan
    left = analysis.quarters_left_in_year(period)
    if ind.stock_flow == "flow":
        first = at - (quarter_of(period) - 1)
        current = float(home[first : at + 1].sum()) if first >= 0 else math.nan
        target = float(analysis.levels_of(bench, True)[at])
        pace = float(home[at])
    else:
        current, target = float(home[at]), float(bench[at])
    needed = analysis.needed_per_quarter(
        current, target, left, ind.stock_flow, ind.direction, None if math.isnan(pace) else pace
    )
    return needed.per_quarter


def analysis_offset(ind: Indicator) -> int:
    """Quarters back a change is read against: the previous quarter for a stock, a year for a flow."""
    return 1 if ind.stock_flow == "stock" else 4


def is_small(ind: Indicator, basis: str, value: float, home_value: float, bench_value: float) -> bool:
    """Small numbers: a count (or people) under ten on both sides — the home's own count, and what the reference
    level gives a place of the home's size (the level itself for a plain value; the level × the home's base ÷
    10,000 for a per-10k figure). Such a row gets no percentage and a caution, and is never a headline strength
    or weakness: 3 stations against 4 is not a story."""
    if ind.kind not in ("count", "people") or math.isnan(value) or math.isnan(bench_value):
        return False
    if basis.startswith("per_10k"):
        scale = value / home_value if home_value else math.nan
        equivalent = bench_value * scale if not math.isnan(scale) else math.nan
    else:
        equivalent = bench_value
    return abs(value) < SMALL and not math.isnan(equivalent) and abs(equivalent) < SMALL


def verdict_of(ind: Indicator, gap: float, bench_value: float) -> str:
    """Level when the gap is within the catalogue's amber band on either side (percentage points for a rate, % of
    the reference otherwise); beyond it ahead when the gap (positive = better) is positive, else behind. No
    verdict without both figures."""
    if math.isnan(gap):
        return ""
    size = abs(gap) if ind.is_rate else abs(gap) / abs(bench_value) * 100 if bench_value else math.inf
    if size <= ind.amber_band:
        return LEVEL
    return AHEAD if gap > 0 else BEHIND


# --- words ------------------------------------------------------------------------------------------------------


def figure_decimals(row: Mapping) -> int:
    """Decimals for a compared figure: a rate's one, a per-10k figure's by its size, a value's catalogue ones."""
    if row["basis"].startswith("per_10k"):
        return per10k_decimals(row["home_value"], row["benchmark_value"])
    return 1 if row["is_rate"] else row["decimals"]


def texts(row: Mapping, lang: str) -> dict[str, str]:
    """The words of one row: value, home and reference figures with their unit, the signed gap, the verdict and a
    sentence. Only these reach a page, the screen, the briefing and the CLI."""
    w = WORDS[lang]
    decimals = figure_decimals(row)
    value_decimals = 1 if row["is_rate"] else row["decimals"]
    home_text = amount(row["home_value"], row["basis_unit"], decimals, lang)
    bench_text = amount(row["benchmark_value"], row["basis_unit"], decimals, lang)
    if not row["judged"]:
        verdict_text = w["not_judged"] if row["direction"] != "neutral" else ""
    elif not row["verdict"]:  # which side is missing: the home's own figure, or the reference's
        verdict_text = w["no_home"] if math.isnan(row["home_value"]) else w["no_reference"]
    else:
        verdict_text = w[row["verdict"]] + (w["small"] if row["small"] else "")
    return {
        "value_text": amount(row["value"], row["unit"], value_decimals, lang),
        "home_text": home_text,
        "benchmark_text": bench_text if row["judged"] else "—",
        "gap_text": gap_text(row, lang),
        "verdict_text": verdict_text,
        "sentence": sentence(row, home_text, bench_text, lang) if row["verdict"] else "",
        "change_text": change_text(row, lang),
        "as_of_text": as_of_text(row, lang),
        "trend_text": w.get(row["trend"], "—"),
        "catch_up_text": catch_up_text(row, lang),
        "needed_text": needed_text(row, lang),
        "rank_text": w["rank"].format(rank=int(row["rank"]), of=row["rank_of"]) if row["rank"] == row["rank"] else "—",
        "lead_text": lead_text(row, lang),
    }


def catch_up_text(row: Mapping, lang: str) -> str:
    """When the home reaches the reference at both sides' current pace (analysis.catch_up), in words."""
    w = WORDS[lang]
    if row["verdict"] in ("", LEVEL):
        return "—"
    if row["verdict"] == AHEAD:
        return w["catch_up_ahead"]
    if row["catch_up"] == row["catch_up"]:
        return ngettext("cmp.catch_up_quarters", "cmp.catch_up_quarters.plural", int(row["catch_up"]), lang)
    if row["catch_up_reason"] == analysis.NOT_ENOUGH_DATA:
        return w["catch_up_unknown"]
    return w["catch_up_too_slow"] if row["catch_up_reason"] == analysis.TOO_SLOW else w["catch_up_never"]


def needed_text(row: Mapping, lang: str) -> str:
    """What the rest of the year must bring to reach the reference by year end, for a row that is behind. A stock
    rises each quarter: '每季需增0.77个/万名职工' (a fall for lower-is-better). A flow's year is the sum of its
    quarters: what the quarters left must still bring in, in all, against the reference's four-quarter total:
    '2026年全年还需完成5.86万元/万名职工（按对标全年水平）'. '—' when ahead, level, or no quarter is left."""
    needed = row["needed_per_quarter"]
    if row["verdict"] != BEHIND or needed != needed or needed == 0:
        return "—"
    w = WORDS[lang]
    if row["stock_flow"] == "flow":
        left = 4 - quarter_of(row["home_period"])
        total = needed * left
        size = points(total, 1, lang) if row["is_rate"] else amount(abs(total), row["basis_unit"], 2, lang)
        return w["needed_flow_year"].format(year=year_of(row["home_period"]), amount=size)
    size = points(needed, 1, lang) if row["is_rate"] else amount(abs(needed), row["basis_unit"], 2, lang)
    return w["needed"].format(verb=w["rise" if needed > 0 else "fall"], amount=size)


def as_of_text(row: Mapping, lang: str) -> str:
    """'对标数据截至2026年第三季度' when this row's reference is older than the selected quarter; for a flow, which is
    then read on that quarter on both sides, '双方均按2026年第三季度比较'. '' when both are of the selected quarter."""
    if not row["benchmark_lags"]:
        return ""
    period = period_text(row["benchmark_period"], lang)
    key = "both_on" if row["home_period"] == row["benchmark_period"] else "as_of"
    return WORDS[lang][key].format(period=period)


def change_text(row: Mapping, lang: str) -> str:
    """The absolute value's change on the quarter it is read against: '+6个 (+1.5%)', '+0.5 个百分点'; no % for
    small numbers or from zero."""
    change = row["change"]
    if math.isnan(change):
        return "—"
    if row["is_rate"]:
        return f"{signed(change, 1)} {WORDS[lang]['points']}"
    text = WORDS[lang]["change_with_unit"].format(
        change=signed_amount(change, row["unit"], row["decimals"], lang), unit=row["unit"]
    )
    previous = row["value"] - change
    if not is_small_count(row["kind"], previous, row["value"]) and not math.isnan(row["change_rel"]):
        text += f" ({signed(row['change_rel'] * 100, 1)}%)"
    return text


def gap_text(row: Mapping, lang: str) -> str:
    """'+1.2 个百分点', '−3.07个/万名职工 (−24.4%)': the gap, positive when better, in the compared unit."""
    gap = row["gap"]
    if not row["judged"] or math.isnan(gap):
        return "—"
    if row["is_rate"]:
        return f"{signed(gap, 1)} {WORDS[lang]['points']}"
    sign = "+" if gap > 0 else "−" if gap < 0 else ""
    text = sign + amount(abs(gap), row["basis_unit"], figure_decimals(row), lang)
    if not math.isnan(row["gap_rel"]):
        text += f" ({signed(row['gap_rel'] * 100, 1)}%)"
    return text


def lead_text(row: Mapping, lang: str) -> str:
    """The gap in one short figure, as a headline or a wall-screen tile shows it: '−34.8%' (of the reference) for a
    figure, '−3.1 个百分点' for a rate; the full gap text where no percentage is given (small numbers); '—' without
    a verdict."""
    if not row["judged"] or math.isnan(row["gap"]):
        return "—"
    if row["is_rate"]:
        return f"{signed(row['gap'], 1)} {WORDS[lang]['points']}"
    if math.isnan(row["gap_rel"]):
        return gap_text(row, lang)
    return f"{signed(row['gap_rel'] * 100, 1)}%"


def sentence(row: Mapping, home_text: str, bench_text: str, lang: str) -> str:
    """'9.52个/万名职工，比对标（12.59个/万名职工）少3.07个/万名职工（低24.4%），落后' — more/less follows the figures,
    better/worse the indicator's direction: for problems still open, fewer is ahead."""
    w = WORDS[lang]
    if row["verdict"] == LEVEL:
        return w["sentence_level"].format(home=home_text, bench=bench_text)
    above = row["difference"] > 0
    more_less = w[("higher" if above else "lower") if row["is_rate"] else ("more" if above else "less")]
    if row["is_rate"]:
        delta = points(row["difference"], 1, lang)
    else:
        delta = amount(abs(row["difference"]), row["basis_unit"], figure_decimals(row), lang)
    rel = ""
    if not math.isnan(row["gap_rel"]):
        share = percent(row["difference"] / abs(row["benchmark_value"]), lang)
        rel = w["sentence_rel"].format(higher_lower=w["higher" if above else "lower"], share=share)
    verdict = w[{AHEAD: "sentence_ahead", BEHIND: "sentence_behind"}[row["verdict"]]]  # a level row has its own
    text = w["sentence"].format(home=home_text, bench=bench_text, more_less=more_less, delta=delta, rel=rel,
                                verdict=verdict)  # fmt: skip
    return text + (w["small"] if row["small"] else "")


def as_of_note(rows: pd.DataFrame, sel: Selection) -> str:
    """'对标数据截至2026年第三季度' when the reference's newest shared quarter is older than the home's; else ''."""
    lagging = rows.loc[rows["benchmark_lags"].astype(bool), "benchmark_period"].dropna()
    if lagging.empty:
        return ""
    return WORDS[sel.lang]["as_of"].format(period=period_text(max(lagging), sel.lang))


def strengths_and_weaknesses(rows: pd.DataFrame, n: int = 3) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The n rows furthest ahead and furthest behind, by `lead` (points for a rate, % of the reference otherwise,
    positive when better); rows that are level, small or not judged are in neither."""
    # Positions first, then one take of the rows for both: every filter and sort of the wide rows took all their
    # columns.
    lead = rows["lead"].to_numpy(dtype=float, na_value=np.nan)
    verdict = rows["verdict"].to_numpy(dtype=object)
    scored = ~np.isnan(lead)
    ahead, behind = (np.flatnonzero(scored & (verdict == side)) for side in (AHEAD, BEHIND))
    strengths = ahead[_sort_order(lead[ahead], descending=True)][:n]
    weaknesses = behind[_sort_order(lead[behind], descending=False)][:n]
    both = rows.take(np.concatenate([strengths, weaknesses]))
    return both.iloc[: len(strengths)], both.iloc[len(strengths) :]


def _sort_order(values: np.ndarray, descending: bool) -> np.ndarray:
    """The order DataFrame.sort_values puts a column without NaN in, ties included (its quicksort; a descending sort
    sorts the reversed column and reverses the result)."""
    if not descending:
        return values.argsort(kind="quicksort")
    backwards = np.arange(len(values))[::-1]
    return backwards[values[::-1].argsort(kind="quicksort")][::-1]


def verdict_counts(rows: pd.DataFrame) -> dict[str, int]:
    """How many judged indicators are ahead, level and behind (and judged at all)."""
    judged = rows[rows["verdict"] != ""]
    counts = judged["verdict"].value_counts()
    return {AHEAD: int(counts.get(AHEAD, 0)), LEVEL: int(counts.get(LEVEL, 0)), BEHIND: int(counts.get(BEHIND, 0)),
            "judged": len(judged)}  # fmt: skip


def previous_quarter(sel: Selection) -> Selection:
    """The same selection a quarter earlier: what 'improved on last quarter' is read against."""
    return replace(sel, period=shift(sel.period, -1))


def lagging_worst_first(rows: pd.DataFrame, only: list[str] | None = None) -> list[str]:
    """The indicators that are behind, the largest gap (`lead`) first; small-number rows are never among them.
    With `only`, just those indicators (in the same order)."""
    behind = rows[(rows["verdict"] == BEHIND) & rows["lead"].notna()]
    if only is not None:
        behind = behind[behind["indicator"].isin(only)]
    return behind.sort_values("lead", kind="stable")["indicator"].tolist()


BETTER, WORSE, SAME = "better", "worse", "same"
# (verdict, change) → its words ("cmp.…"), written out so every key can be found: a gap behind narrows or widens,
# a lead grows or shrinks.
GAP_CHANGE_WORDS = {
    (AHEAD, BETTER): "lead_better",
    (AHEAD, WORSE): "lead_worse",
    (BEHIND, BETTER): "gap_better",
    (BEHIND, WORSE): "gap_worse",
    (LEVEL, BETTER): "level_better",
    (LEVEL, WORSE): "level_worse",
}


def gap_changes(rows: pd.DataFrame, previous_rows: pd.DataFrame) -> list[str]:
    """For each row, whether its gap moved the better way (BETTER: a gap behind narrowed, a lead grew), the worse
    way (WORSE) or not at all (SAME) since the previous quarter's rows; '' unless judged in both. Read on `lead` as
    it is shown (one decimal: points for a rate, % of the reference otherwise) where both quarters have one, else
    on the gap itself (small numbers), so a change too small to show is no change."""
    # Each column as a list once: stepping through a frame's columns value by value cost more than the comparing.
    leads_before, gaps_before = {}, {}
    for indicator, verdict, lead, gap in _columns(previous_rows, "indicator", "verdict", "lead", "gap"):
        if verdict != "":
            leads_before[indicator], gaps_before[indicator] = lead, gap
    changes = []
    for indicator, verdict, lead, gap in _columns(rows, "indicator", "verdict", "lead", "gap"):
        if verdict == "" or indicator not in leads_before:
            changes.append("")
            continue
        new, old = lead, leads_before[indicator]
        if math.isnan(new) or math.isnan(old):
            new, old = gap, gaps_before[indicator]
        else:
            new, old = round(new, 1), round(old, 1)
        changes.append(BETTER if new > old else WORSE if new < old else SAME)
    return changes


def gap_change_text(row: Mapping, change: str, previous_lead_text: str, lang: str) -> str:
    """The gap against last quarter in words, with last quarter's figure to check it by: '差距缩小（上季−38.2%）',
    '领先扩大（上季+20.1%）', '与上季持平'. A gap behind narrows or widens; a lead grows or shrinks."""
    w = WORDS[lang]
    if not change:
        return "—"
    if change == SAME:
        return w["gap_same"]
    side = row["verdict"] if row["verdict"] in (AHEAD, BEHIND) else LEVEL
    return w[GAP_CHANGE_WORDS[side, change]].format(before=previous_lead_text)


def with_gap_change(rows: pd.DataFrame, previous_rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rows with `gap_change` (BETTER / WORSE / SAME / '') and `gap_change_text` on last quarter's rows: what
    the gap page shows beside the home's own trend and what the wall screen's headline counts."""
    changes = gap_changes(rows, previous_rows)
    before = dict(_columns(previous_rows, "indicator", "lead_text"))
    texts = [
        gap_change_text({"indicator": indicator, "verdict": verdict}, change, before.get(indicator, "—"), lang)
        for (indicator, verdict), change in zip(_columns(rows, "indicator", "verdict"), changes, strict=True)
    ]
    return rows.assign(gap_change=changes, gap_change_text=texts)


def _columns(rows: pd.DataFrame, *names: str) -> zip:
    """The named columns' values side by side, as Python values."""
    return zip(*(rows[name].tolist() for name in names), strict=True)


def comparison_with_change(
    store: Store, sel: Selection, rows_of: Callable[[Store, Selection], pd.DataFrame] = comparison
) -> pd.DataFrame:
    """comparison() with the gap's change on the previous quarter (with_gap_change). `rows_of` reads one quarter's
    rows: comparison, or a cached reading of it on pages, where each quarter's rows are read once for every use."""
    return with_gap_change(rows_of(store, sel), rows_of(store, previous_quarter(sel)), sel.lang)


def improved_since(rows: pd.DataFrame, previous_rows: pd.DataFrame) -> tuple[int, int]:
    """How many indicators judged in both quarters had their gap move the better way, and how many were judged in
    both (gap_changes)."""
    changes = gap_changes(rows, previous_rows)
    return sum(c == BETTER for c in changes), sum(c != "" for c in changes)


def headline_sentence(
    rows: pd.DataFrame, sel: Selection, set_name: str, previous_rows: pd.DataFrame | None = None
) -> str:
    """The wall screen's one sentence, on the briefing's rules: '15 项指标 11 项落后于遂内泸 · 差距最大：争取财政资金
    −34.8% · 差距较上季改善 4 项'. The largest gap is the first weakness (`strengths_and_weaknesses`); the improvement
    count is the rows' `gap_change` (with_gap_change, as the gap page shows it) or else `improved_since` the previous
    quarter's rows, left out when no indicator was judged in both."""
    w = WORDS[sel.lang]
    counts = verdict_counts(rows)
    if not counts["judged"]:
        return w["headline_nothing"].format(bench=set_name)
    key = "headline_behind" if counts[BEHIND] else "headline_none_behind"
    parts = [w[key].format(judged=counts["judged"], behind=counts[BEHIND], bench=set_name)]
    _, weaknesses = strengths_and_weaknesses(rows, 1)
    if len(weaknesses):
        worst = weaknesses.iloc[0]
        parts.append(w["headline_worst"].format(name=worst["name"], lead=worst["lead_text"]))
    if "gap_change" in rows:  # the gap page's own column: the same count, never a second reading
        improved, compared = int((rows["gap_change"] == BETTER).sum()), int((rows["gap_change"] != "").sum())
    elif previous_rows is not None:
        improved, compared = improved_since(rows, previous_rows)
    else:
        compared = 0
    if compared:
        parts.append(ngettext("cmp.headline_improved", "cmp.headline_improved.plural", improved, sel.lang))
    return w["headline_sep"].join(parts)


CSV_COLUMNS = [
    "indicator", "name", "basis", "unit", "home_value", "home_period", "benchmark_value", "benchmark_period",
    "gap", "gap_rel", "verdict", "value", "rank", "rank_of", "trend",
]  # fmt: skip


def compare_csv_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows as `unionbench compare` writes them: numbers plain, `unit` the compared unit, `verdict` empty where
    not judged, `gap` > 0 better."""
    frame = rows.assign(unit=rows["basis_unit"])[CSV_COLUMNS].copy()
    for column in ("home_value", "benchmark_value", "gap", "gap_rel", "value", "rank"):
        frame[column] = [plain_decimal(v) if pd.notna(v) else "" for v in frame[column]]
    frame["rank_of"] = [str(n) if n > 0 else "" for n in frame["rank_of"]]
    return frame.fillna("")


def gaps_to_each_member(store: Store, sel: Selection, indicator: str) -> pd.DataFrame:
    """The home against each reference region on its own, for one indicator: one comparison row per region (the
    wall screen's city-by-city panel), with the region's name. Same rules as `comparison`."""
    _, regions = reference_regions(store, replace(sel, reference="average"))
    names = region_names(store, regions, sel.lang)
    rows = []
    for region in regions:
        row = comparison(store, replace(sel, reference=region), only=[indicator]).iloc[0]
        rows.append({"region": region, "region_name": names.get(region, region), **row.to_dict()})
    return pd.DataFrame(rows)


def counties_comparison(store: Store, sel: Selection) -> pd.DataFrame:
    """The comparison rows of each county of a home city (each against the benchmark cities' counties, ranked among
    the home city's counties), all indicators, with the county's `region` and `region_name`: the wall screen's
    county map and ranking. Empty for a home that is not a city."""
    if region_facts(store, sel.home).get("level") != "city":
        return pd.DataFrame(columns=["region", "region_name", *COLUMNS])
    counties = children(store, [sel.home])
    names = region_names(store, counties, sel.lang)
    frames = [
        comparison(store, sel.with_home(county)).assign(region=county, region_name=names.get(county, county))
        for county in counties
    ]
    return pd.concat(frames, ignore_index=True)


def trend_lines(store: Store, sel: Selection, indicator: str) -> pd.DataFrame:
    """One indicator over the last HISTORY quarters on its compared basis: the home, each benchmark region and the
    reference level (pooled, as the comparison reads it). Columns: region ('' for the reference level),
    region_name, role ('home' | 'member' | 'reference'), period, figure, figure_label (the number as shown)."""
    periods = history_periods(sel.period)
    _, members = reference_regions(store, replace(sel, reference="average"))
    figures = store.query("compared_figures", regions=[sel.home, *members], periods=periods)
    figures = named(store, figures[figures["indicator"] == indicator], sel.lang)
    lines = figures[["region", "region_name", "period", "figure"]].assign(
        role=["home" if r == sel.home else "member" for r in figures["region"]]
    )
    levels = reference_levels(store, sel, periods)
    levels = levels[(levels["indicator"] == indicator) & levels["level"].notna()]
    reference = pd.DataFrame(
        {"region": "", "region_name": WORDS[sel.lang]["reference_line"], "period": levels["period"],
         "figure": levels["level"], "role": "reference"}
    )  # fmt: skip
    lines = pd.concat([lines, reference], ignore_index=True).dropna(subset=["figure"])
    ind = catalogue(store, sel.lang)[indicator]
    basis = basis_of(ind)
    if basis == "rate":
        decimals = 1
    elif basis.startswith("per_10k"):
        decimals = per10k_decimals(*lines["figure"])
    else:
        decimals = ind.decimals
    lines["figure_label"] = [format_number(v, decimals) for v in lines["figure"]]
    return lines.sort_values(["role", "region", "period"], ignore_index=True)
