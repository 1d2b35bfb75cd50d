"""The preview a clerk can check: every figure the upload would add or change, one row each with
what it is compared with, the change and the change %, sorted by county then indicator, jumps first.

A new figure is compared with last quarter's (from the same file when it holds that quarter, else the store), a
corrected one with the figure it replaces. The rows are text, ready to draw; the page only renders them.
"""

import numpy as np
import pandas as pd

from unionbench.formatting import is_small_count, missing, period_text, signed
from unionbench.i18n import t
from unionbench.ingest.validate import KEY, is_jump
from unionbench.names import texts
from unionbench.periods import shift
from unionbench.placenames import shortest
from unionbench.store import Store

COLUMNS = ["flag", "region", "indicator", "period", "unit", "before", "value", "change", "change_pct", "status"]
HEADERS = {  # column → i18n key of its header
    "flag": "review_flag",
    "region": "region",
    "indicator": "indicator",
    "period": "quarter",
    "unit": "review_unit",
    "before": "review_before",
    "value": "new_value",
    "change": "review_change",
    "change_pct": "review_change_pct",
    "status": "change_status",
}


def last_quarter(store: Store, observations: pd.DataFrame, changes: pd.DataFrame) -> pd.Series:
    """Each change's figure of the quarter before: the file's own when it holds that quarter, else the stored one."""
    wanted = changes[KEY].assign(period=changes.period.map(lambda p: shift(p, -1)))
    stored = store.query("values_by_region", regions=sorted(set(wanted.region)), periods=sorted(set(wanted.period)))
    figures = pd.concat([observations[KEY + ["value"]], stored[KEY + ["value"]]], ignore_index=True)
    figures = figures.dropna(subset=["value"]).drop_duplicates(KEY, keep="first")  # the file's figure wins
    return wanted.merge(figures, on=KEY, how="left")["value"].set_axis(changes.index)


def decimals_of(*values: float) -> int:
    """As many decimals as the figures carry (up to 4): 36.5 and 30 compare as +6.5, not +7."""
    places = 0
    for value in values:
        if not missing(value):
            text = f"{abs(value):.4f}".rstrip("0")
            places = max(places, len(text.split(".")[1]))
    return places


def number_text(value: float) -> str:
    """A figure as the clerk typed it, with thousands separators: 12,345 · 36.5; — when there is none."""
    return "—" if missing(value) else f"{value:,.{decimals_of(value)}f}"


def review_rows(store: Store, observations: pd.DataFrame, changes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One text row per new or changed figure (COLUMNS, plus `jump`), jumps first, then by region code, the
    catalogue's order and quarter. `changes` is Preview.changes; `observations` the file's figures."""
    if changes.empty:
        return pd.DataFrame(columns=COLUMNS + ["jump"])
    catalogue = store.query("indicator_catalogue").set_index("id")
    changes = changes.reset_index(drop=True)
    previous = last_quarter(store, observations, changes)
    before = changes.old_value.where(changes.status == "changed", previous).astype("float64")
    value = changes.new_value.astype("float64")
    info = catalogue.reindex(changes.indicator)
    jump = pd.Series(is_jump(value.to_numpy(), previous.astype("float64").to_numpy()), index=changes.index)
    names, shorts = region_labels(store, changes, lang)
    clash = pd.Series(list(shorts.values())).duplicated(keep=False).any()
    rows = pd.DataFrame(
        {
            "flag": [jump_text(v, p, lang) if j else "" for v, p, j in zip(value, previous, jump, strict=True)],
            "region": changes.region.map(names if clash else shorts),
            "indicator": changes.indicator.map(texts(store, "indicator", "name", lang)).to_numpy(),
            "period": changes.period.map(lambda p: period_text(p, lang)),
            "unit": changes.indicator.map(texts(store, "indicator", "unit", lang)).to_numpy(),
            "before": before.map(number_text),
            "value": value.map(number_text),
            "change": [change_text(v, b, kind, lang) for v, b, kind in zip(value, before, info.kind, strict=True)],
            "change_pct": [change_pct_text(v, b, kind) for v, b, kind in zip(value, before, info.kind, strict=True)],
            "status": changes.status.map({"new": t("review_new", lang), "changed": t("review_changed", lang)}),
            "jump": jump.to_numpy(),
        }
    )
    order = pd.DataFrame(
        {
            "jump": ~jump.to_numpy(),
            "region": changes.region.to_numpy(),
            "sort": info.sort_order.to_numpy(),
            "period": changes.period.to_numpy(),
        }
    ).sort_values(["jump", "region", "sort", "period"], kind="stable")
    return rows.loc[order.index].reset_index(drop=True)


def region_labels(store: Store, changes: pd.DataFrame, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """Full and short names of the changed figures' regions in `lang`: 苍溪县 / 苍溪, Cangxi County / Cangxi."""
    every = texts(store, "place", "name", lang)
    names = {adcode: every.get(adcode, name) for adcode, name in zip(changes.region, changes.region_name, strict=True)}
    return names, {adcode: shortest(name) for adcode, name in names.items()}


def change_text(value: float, before: float, kind: str, lang: str) -> str:
    """+6, −2.5; a rate's change in points."""
    if missing(before) or missing(value):
        return "—"
    text = signed(value - before, decimals_of(value, before))
    return f"{text} {t('cmp.points', lang)}" if kind == "rate" else text


def change_pct_text(value: float, before: float, kind: str) -> str:
    """+12.5%; none for a rate (its change is in points), from zero, or between small counts (3 → 5 is no story)."""
    if missing(before) or missing(value) or before == 0 or kind == "rate" or is_small_count(kind, before, value):
        return "—"
    return f"{signed((value - before) / abs(before) * 100, 1)}%"


def jump_text(value: float, previous: float, lang: str) -> str:
    """⚠ 为上季度的 4.2 倍 / ⚠ 降至上季度的 12%."""
    ratio = value / previous
    if ratio > 1:
        return t("review_jump_up", lang, times=f"{ratio:,.1f}")
    return t("review_jump_down", lang, share=f"{ratio * 100:.0f}" if ratio >= 0.01 else f"{ratio * 100:.2g}")


def review_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rows with their headers in the page's language (the jump marker column dropped, and the quarter when
    every row is of the same one: the quarter chosen above the table)."""
    columns = [c for c in COLUMNS if c != "period" or rows["period"].nunique() > 1]
    table = rows[columns].copy()
    table.columns = [t(HEADERS[column], lang) for column in columns]
    return table


def jump_count(rows: pd.DataFrame) -> int:
    return int(np.count_nonzero(rows["jump"].to_numpy(dtype=bool))) if not rows.empty else 0
