"""The data explorer's table: figures with units, and on request where each came from."""

import math

import pandas as pd

from unionbench.catalog import Indicator
from unionbench.i18n import t
from unionbench.periods import periods_between
from unionbench.read.selection import Selection
from unionbench.read.views import named
from unionbench.store import Store

COLUMNS = ["region", "region_name", "indicator", "name", "unit", "period", "value"]
PROVENANCE = ["upload_id", "file_name", "user_name", "uploaded_at"]


def explorer_table(
    store: Store, sel: Selection, regions: list[str], indicators: list[Indicator], first: str, provenance: bool = False
) -> pd.DataFrame:
    """Every figure the pages show for these regions and indicators from the quarter `first` to the selection's
    (stored, rolled up or derived), places named in the selection's language; with `provenance`, the upload that set
    each stored figure (computed ones have none)."""
    frame = store.query(
        "values_with_provenance",
        regions=regions,
        indicators=[i.id for i in indicators],
        periods=periods_between(first, sel.period),
    )
    frame = named(store, frame, sel.lang)
    by_id = {i.id: i for i in indicators}
    frame["name"] = frame.indicator.map(lambda i: by_id[i].name)
    frame["unit"] = frame.indicator.map(lambda i: by_id[i].unit)
    return frame[COLUMNS + (PROVENANCE if provenance else [])].reset_index(drop=True)


HEADERS = {
    "region": "explorer_col_region_code",
    "region_name": "region",
    "name": "indicator",
    "unit": "unit",
    "period": "quarter",
    "value": "value",
    "upload_id": "explorer_col_upload",
    "file_name": "explorer_col_file",
    "user_name": "explorer_col_user",
    "uploaded_at": "explorer_col_time",
}


def shown_value(value, decimals: int):
    """A figure at the catalogue's decimals: 402 for a count (never 402.0), 463.41 for money (never
    463.40999999999997); '' when there is none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    rounded = round(float(value), decimals)
    return int(rounded) if decimals == 0 else rounded


def display_table(frame: pd.DataFrame, indicators: list[Indicator], lang: str) -> pd.DataFrame:
    """The explorer's table as shown and downloaded: figures at the catalogue's decimals, every header in `lang`,
    provenance as plain text ('' where a figure was computed, never None, NaN or NaT)."""
    decimals = {i.id: i.decimals for i in indicators}
    values = [shown_value(v, decimals.get(i, 2)) for v, i in zip(frame["value"], frame["indicator"], strict=True)]
    table = frame.assign(value=pd.Series(values, index=frame.index, dtype=object)).drop(columns=["indicator"])
    if "upload_id" in table:
        computed = t("computed", lang)
        table["upload_id"] = [str(int(u)) if pd.notna(u) else "" for u in table["upload_id"]]
        table["file_name"] = [str(n) if pd.notna(n) else computed for n in table["file_name"]]
        table["user_name"] = [str(n) if pd.notna(n) else "" for n in table["user_name"]]
        table["uploaded_at"] = [
            pd.Timestamp(v).strftime("%Y-%m-%d %H:%M") if pd.notna(v) else "" for v in table["uploaded_at"]
        ]
    return table.rename(columns={c: t(HEADERS[c], lang) for c in table.columns})


def download_name(region_names: list[str], indicators: list[Indicator], first: str, last: str, lang: str) -> str:
    """A file name that says what the file holds: its places, its indicators and its quarters, e.g.
    '广元市+剑阁县_6项指标_2026Q1-2026Q3' or 'Guangyuan City_Organization rate_2026Q3'."""
    places = (
        "+".join(region_names)
        if len(region_names) <= 3
        else t("explorer_file_places", lang, first=region_names[0], n=len(region_names))
    )
    what = indicators[0].name if len(indicators) == 1 else t("explorer_file_indicators", lang, n=len(indicators))
    quarters = first if first == last else f"{first}-{last}"
    name = f"{places}_{what}_{quarters}"
    return "".join("_" if c in '\\/:*?"<>|\n\r\t' else c for c in name)[:150]
