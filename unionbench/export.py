"""The export contract: long CSV `region_code,region_name,indicator,period,value,unit,upload_id`."""

import csv
import io
import math
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import TextIO

import pandas as pd

from unionbench.store import Store

EXPORT_COLUMNS = ["region_code", "region_name", "indicator", "period", "value", "unit", "upload_id"]


def plain_decimal(value: float) -> str:
    """A value as a plain decimal with every digit it has: 291 → '291', 0.1234567 → '0.1234567', 1e-07 →
    '0.0000001'; never an exponent or a thousands separator."""
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    text = format(Decimal(repr(value)), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def write_export(store: Store, out: TextIO) -> int:
    """Write every current observation to `out`; returns the number of rows."""
    frame = store.query("export_current")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    for row in frame.itertuples(index=False):
        writer.writerow(
            [
                row.region_code,
                row.region_name,
                row.indicator,
                row.period,
                plain_decimal(row.value),
                row.unit,
                row.upload_id,
            ]
        )
    return len(frame)


@contextmanager
def atomic_text_file(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text file that appears whole or not at all: written beside `path` and renamed over it on success,
    so a failure half-way never leaves a truncated file where a reader expects a complete one."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            yield out
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def export_text(store: Store) -> str:
    buffer = io.StringIO()
    write_export(store, buffer)
    return buffer.getvalue()


FORMULA_LEADERS = ("=", "+", "-", "@", "\t", "\r")


def excel_safe(value):
    """A text cell Excel would run as a formula (=, +, -, @ …) gets a leading apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_LEADERS):
        return "'" + value
    return value


def excel_safe_csv(frame: pd.DataFrame) -> bytes:
    """A table as CSV that Excel on Chinese Windows opens correctly: UTF-8 with a BOM (else Excel reads it as GBK
    and shows mojibake) and no cell that Excel would execute (CSV injection)."""
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):  # object or pandas' string dtype
            # a list, not Series.map: map would turn a column of 402 and 463.41 into floats (402.0)
            safe[column] = pd.Series([excel_safe(v) for v in safe[column]], index=safe.index, dtype=object)
    safe.columns = [excel_safe(str(c)) for c in safe.columns]
    return safe.to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """Tables as an .xlsx workbook (one sheet each) with a bold frozen header and readable column widths. Every
    text is a text cell: openpyxl turns a string that starts with "=" into a formula, so an uploaded file name
    `=HYPERLINK(...)` would run in Excel; its text stays exactly as it was."""
    from openpyxl.styles import Font  # openpyxl only when a workbook is written: the CLI's CSV commands skip it

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as book:
        for name, frame in sheets.items():
            frame.to_excel(book, sheet_name=name[:31], index=False)
            sheet = book.sheets[name[:31]]
            for row in sheet.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str):
                        cell.data_type = "s"
            sheet.freeze_panes = "A2"
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            for column, header in zip(sheet.columns, frame.columns, strict=False):
                widest = max([len(str(header))] + [len(str(v)) for v in frame[header].head(200)])
                sheet.column_dimensions[column[0].column_letter].width = min(40, 4 + widest * 1.6)
    return buffer.getvalue()
