"""The export contract: long CSV `region_code,region_name,indicator,period,value,unit,upload_id`."""

import csv
import io
import math
from decimal import Decimal
from typing import TextIO

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


def export_text(store: Store) -> str:
    buffer = io.StringIO()
    write_export(store, buffer)
    return buffer.getvalue()
