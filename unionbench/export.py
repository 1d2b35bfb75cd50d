"""The export contract: long CSV `region_code,region_name,indicator,period,value,unit,upload_id`."""

import csv
import io
from typing import TextIO

from unionbench.store import Store

EXPORT_COLUMNS = ["region_code", "region_name", "indicator", "period", "value", "unit", "upload_id"]


def plain_decimal(value: float) -> str:
    """A value as a plain decimal: 291 → '291', 36.5 → '36.5'; never an exponent or a thousands separator."""
    text = format(value, "f").rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return text or "0"


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
