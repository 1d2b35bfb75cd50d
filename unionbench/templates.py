"""The quarterly upload template: one row per county of the home city, one column per indicator staff report.

Headers carry the unit the way Excel users write it — `托育补助资金(万元)` — so the file they fill in comes back
through the same ingest path as any other. Rates are not columns: the store computes them from their parts.
"""

import datetime as dt

import pandas as pd

from unionbench.export import excel_safe_csv, xlsx_bytes
from unionbench.ingest.normalise import current_quarter
from unionbench.periods import shift
from unionbench.store import Store

REGION_HEADER = {"zh": "地区", "en": "region"}
PERIOD_HEADER = {"zh": "季度", "en": "period"}


def reported_indicators(store: Store) -> pd.DataFrame:
    """Indicators people count and send (summed ones); ratios and differences are derived in the store."""
    catalogue = store.query("indicator_catalogue")
    return catalogue[catalogue.aggregation == "sum"]


def template_frame(store: Store, home: str, period: str, lang: str = "zh") -> pd.DataFrame:
    """The empty wide table for one quarter: the home city's counties down, the reported indicators across."""
    counties = store.query("child_regions", parent=home)
    frame = pd.DataFrame({REGION_HEADER[lang]: counties.name_zh, PERIOD_HEADER[lang]: period})
    for row in reported_indicators(store).itertuples(index=False):
        header = f"{row.name_zh}({row.unit})" if lang == "zh" else f"{row.name_en} ({row.unit_en})"
        frame[header] = pd.Series([None] * len(frame), dtype="float64")
    return frame


def template_files(store: Store, home: str, period: str, lang: str = "zh") -> dict[str, bytes]:
    """The template as CSV (UTF-8 with BOM, opens in Excel) and as XLSX, keyed by file extension."""
    frame = template_frame(store, home, period, lang)
    sheet = "填报" if lang == "zh" else "Report"
    return {"csv": excel_safe_csv(frame), "xlsx": xlsx_bytes({sheet: frame})}


def upload_period_choices(latest: str | None, today: dt.date, back: int = 8) -> tuple[list[str], str]:
    """Quarters one may report, newest first — the current quarter and `back` before it — and the one due: the
    quarter after the newest with data; when that is still ahead, the newest itself (a correction is likelier);
    with no data at all, the last finished quarter."""
    current = current_quarter(today)
    choices = [shift(current, -k) for k in range(back + 1)]
    due = shift(latest, 1) if latest else shift(current, -1)
    if due in choices:
        return choices, due
    return choices, latest if latest in choices else choices[1]
