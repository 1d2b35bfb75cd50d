"""Words and numbers for the briefing, in Chinese (default) or English.

Rules the sentences keep:
- Units as the unions count them: 402个, 79.8%, 1,846.80万元 (1.85亿元 from 10,000 万元 up); in English
  402 units, 79.8%, CNY 18.47 million. Rate gaps are in percentage points (个百分点 / points), never in %.
- No sentence overstates a tiny difference. A gap within the indicator's amber band (catalogue: 10 % of the
  benchmark, or 2 points for a rate) is "基本持平 / about level", on either side. A change is "基本持平 / about the
  same" when it would not show at the figure's display precision, is under 1 % (analysis.STAGNATION_SHARE), or for a
  rate under a quarter point (analysis.STAGNATION_POINTS). Small counts (both under 10) get no percentage and a
  "small numbers" caution: 3 against 4 stations is not a story.
- Every judgement names its reference ("遂内泸平均水平"), and every rounded number shown is the one the verdict
  rests on.
- Every figure, unit and verdict is a row of comparison.comparison; these functions only word the rows.
"""

from unionbench import i18n
from unionbench.formatting import (  # noqa: F401 — the briefing's formatter is the one formatter
    SMALL,
    amount,
    format_number,
    missing,
    money,
    percent,
    period_text,
    points,
    signed,
    signed_amount,
)
from unionbench.i18n import ngettext
from unionbench.read import analysis, comparison

# A trend's words ("brief.…"), written out so every key can be found: in a table cell, and within a sentence.
TREND_WORDS = {
    "improving": "trend_improving",
    "stagnating": "trend_stagnating",
    "worsening": "trend_worsening",
    "unknown": "trend_unknown",
}
TREND_CLAUSES = {
    "improving": "trend_improving_s",
    "stagnating": "trend_stagnating_s",
    "worsening": "trend_worsening_s",
}


def t(lang: str, key: str, **values) -> str:
    """A briefing template ("brief.<key>" in the catalogues) in the language, filled in."""
    return i18n.t("brief." + key, lang, **values)


def method_lines(lang: str, reference_rule: str, indicators: dict | None = None) -> list[str]:
    """The method bullets, naming the catalogue's own indicators in each group (so a federation's new indicator
    is named where it belongs): per 10,000 of a base, rates, totals shown unjudged, flows."""
    indicators = indicators or {}
    join = i18n.text("list_sep", lang).join
    groups = {
        "per_10k": [i.name for i in indicators.values() if i.aggregation != "ratio" and i.per_capita_base],
        "rates": [i.name for i in indicators.values() if i.aggregation == "ratio"],
        "totals": [
            i.name for i in indicators.values()
            if i.aggregation != "ratio" and not i.per_capita_base and i.direction != "neutral"
        ],
        "flows": [i.name for i in indicators.values() if i.stock_flow == "flow"],
    }  # fmt: skip
    words = {key: join(names) or "—" for key, names in groups.items()}
    return [line.format(reference_rule=reference_rule, **words) for line in i18n.lines("brief.method", lang)]


# --- pieces of sentences ------------------------------------------------------------------------------------------
# Each piece words one row of comparison.comparison: every number, unit and verdict is the row's; these functions only
# choose the words around them.


def per_10k(row) -> bool:
    return str(row["basis"]).startswith("per_10k")


def previous_value(row) -> float:
    """The figure the row's change is read against (a quarter or a year before)."""
    return row["value"] - row["change"]


def is_tiny_change(change: float, previous: float, decimals: int, is_rate: bool) -> bool:
    """A change too small to call a rise or a fall (module docstring)."""
    if round(abs(change), decimals) == 0:
        return True
    if is_rate:
        return abs(change) < analysis.STAGNATION_POINTS
    return bool(previous) and abs(change) / abs(previous) < analysis.STAGNATION_SHARE


def change_clause(row, lang: str) -> str:
    """', 较上季度增加6个（+1.5%）' — the row's change: a stock's on the previous quarter, a flow's on the same
    quarter a year ago."""
    change = row["change"]
    if missing(change):
        return t(lang, "change_none")
    previous = previous_value(row)
    when = t(lang, "when_qoq" if row["stock_flow"] == "stock" else "when_yoy")
    decimals = row["decimals"]
    if is_tiny_change(change, previous, decimals, row["is_rate"]):
        return t(lang, "change_flat", when=when)
    if row["is_rate"]:
        key = "change_rate_up" if change > 0 else "change_rate_down"
        return t(lang, key, when=when, delta=points(change, decimals, lang))
    small = abs(previous) < SMALL and abs(row["value"]) < SMALL
    rel = ""
    if not small and not missing(row["change_rel"]):
        rel = t(lang, "rel", sign="+" if change > 0 else "−", pct=percent(row["change_rel"], lang))
    delta = amount(abs(change), row["unit"], decimals, lang)
    return t(lang, "change_up" if change > 0 else "change_down", when=when, delta=delta, rel=rel)


def earlier_quarter(row) -> bool:
    """A flow read on the benchmark's latest quarter, older than the briefing's (compare: flows follow the
    calendar): its value is that quarter's, and the words must say so."""
    return row["stock_flow"] == "flow" and bool(row.get("benchmark_lags")) and bool(row.get("home_period"))


def value_clause(row, lang: str) -> str:
    if earlier_quarter(row):
        period = period_text(row["home_period"], lang)
        return t(lang, "flow_value_at", name=row["name"], value=row["value_text"], period=period)
    key = "rate_value" if row["is_rate"] else "stock_value" if row["stock_flow"] == "stock" else "flow_value"
    return t(lang, key, name=row["name"], value=row["value_text"])


def compared_clause(row, lang: str) -> str:
    """'，折合9.52个/万名职工' — the figure that is compared, when it is not the value itself."""
    if not per_10k(row) or missing(row["home_value"]):
        return ""
    return t(lang, "compared_per10k", value=row["home_text"])


def difference_text(row, lang: str) -> str:
    """The size of the difference without its sign, in the compared unit at the row's decimals: 3.07个/万名职工,
    1.1个百分点."""
    if row["is_rate"]:
        return points(row["difference"], 1, lang)
    return amount(abs(row["difference"]), row["basis_unit"], comparison.figure_decimals(row), lang)


def gap_size_text(row, lang: str) -> str:
    """The size of the gap without its sign: 3.07个/万名职工, 3.1个百分点."""
    if row["is_rate"]:
        return points(row["gap"], 1, lang)
    return amount(abs(row["gap"]), row["basis_unit"], comparison.figure_decimals(row), lang)


def verdict_words(row, lang: str) -> str:
    """The row's verdict in words: ahead, behind, or level — slightly better or worse, within the amber band."""
    if row["verdict"] == comparison.AHEAD:
        return t(lang, "verdict_ahead")
    if row["verdict"] == comparison.BEHIND:
        return t(lang, "verdict_behind")
    band = t(lang, "band_points" if row["is_rate"] else "band_pct", band=f"{row['amber_band']:g}")
    return t(lang, "verdict_level_better" if row["gap"] > 0 else "verdict_level_worse", band=band)


def gap_clause(row, reference: str, lang: str) -> str:
    """'，比遂内泸平均水平（12.59个/万名职工）少3.07个/万名职工（24.4%），落后于对标' — more/less follows the figures,
    the verdict the row: for problems still open, fewer is ahead. The share has no sign (the words say which way),
    so a strength never shows a minus sign."""
    if row["direction"] == "neutral":
        return ""
    if not row["judged"]:
        return t(lang, "not_judged")
    if not row["verdict"]:
        return t(lang, "gap_missing", reference=reference)
    bench = row["benchmark_text"]
    shown_difference = difference_text(row, lang)
    decimals = 1 if row["is_rate"] else comparison.figure_decimals(row)
    if round(row["difference"], decimals) == 0:  # level to the shown precision: no "more by 0.00"
        text = t(lang, "gap_level", reference=reference, bench=bench)
    else:
        above = row["difference"] > 0
        more_less = t(lang, ("higher" if above else "lower") if row["is_rate"] else ("more" if above else "less"))
        rel = "" if missing(row["gap_rel"]) else t(lang, "rel", sign="", pct=percent(row["gap_rel"], lang))
        text = t(lang, "gap_better", more_less=more_less, reference=reference, bench=bench, delta=shown_difference,
                 rel=rel, verdict=verdict_words(row, lang))  # fmt: skip
    return text + (t(lang, "small_numbers") if row["small"] else "")


def trend_clause(row, lang: str) -> str:
    if row["trend"] not in ("improving", "stagnating", "worsening"):
        return ""
    return t(lang, "trend_sentence", trend=t(lang, TREND_CLAUSES[row["trend"]]))


def trails(row) -> bool:
    """Behind, or level but on the worse side: where a catch-up and a what-if are worth a clause."""
    return row["verdict"] == comparison.BEHIND or (row["verdict"] == comparison.LEVEL and row["gap"] < 0)


# Why home will not catch up (comparison's catch_up_reason) → the clause saying so.
CATCH_UP_REASONS = {"widening": "catch_widening", "too_slow": "catch_too_slow",
                    "not_enough_data": "catch_not_enough_data", "ahead": "catch_ahead"}  # fmt: skip


def catch_up_clause(row, lang: str) -> str:
    """Only where home trails: quarters to catch up at both sides' pace, or why it will not."""
    if not trails(row) or not row["catch_up_reason"]:
        return ""
    reason = row["catch_up_reason"]
    if reason == "closing":
        return ngettext("brief.catch_closing", "brief.catch_closing.plural", int(row["catch_up"]), lang)
    return t(lang, CATCH_UP_REASONS[reason])


def needed_clause(row, lang: str, workers: float, quarters_left: int) -> str:
    """What-if: what each remaining quarter must bring to reach the benchmark by year end; per-10k amounts also
    as the whole region's raw amount (× workers ÷ 10,000)."""
    needed = row["needed_per_quarter"]
    if not trails(row) or missing(needed) or needed == 0 or quarters_left == 0:
        return ""
    if row["is_rate"]:
        shown = points(needed, 1, lang)
    else:
        shown = amount(abs(needed), row["basis_unit"], comparison.figure_decimals(row), lang)
        if per_10k(row) and not missing(workers):
            shown += t(lang, "about", raw=amount(abs(needed) * workers / 10_000, row["unit"], row["decimals"], lang))
    if row["stock_flow"] == "flow":
        return t(lang, "needed_flow_last" if quarters_left == 1 else "needed_flow", left=quarters_left, amount=shown)
    up_down = t(lang, "raise" if needed > 0 else "cut")
    return t(lang, "needed_stock", up_down=up_down, amount=shown)


def indicator_sentence(row, reference: str, lang: str, workers: float, quarters_left: int) -> str:
    """One indicator in one sentence: its figure and change, its compared figure, the gap and verdict, the trend,
    the catch-up projection and the what-if — all from one row of comparison.comparison."""
    parts = [value_clause(row, lang), change_clause(row, lang), compared_clause(row, lang)]
    if row["direction"] != "neutral":
        parts += [
            gap_clause(row, reference, lang),
            trend_clause(row, lang),
            catch_up_clause(row, lang),
            needed_clause(row, lang, workers, quarters_left),
        ]
    return "".join(parts) + t(lang, "end")


def period_words(period: str, lang: str) -> str:
    return period_text(period, lang)
