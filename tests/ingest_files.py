"""Builders for upload files as staff send them: CSV in a chosen encoding and line ending, and .xlsx workbooks; and
`current`, the stored figure an ingest test reads back."""

import io

import openpyxl

from unionbench.store import Replica


def csv_bytes(lines: list[str], encoding: str = "utf-8", newline: str = "\n", bom: bool = False) -> bytes:
    data = newline.join(lines).encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def xlsx_bytes(
    rows: list[list],
    merged: list[str] = (),
    percent_cells: list[str] = (),
    extra_sheets: dict[str, list[list]] | None = None,
) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "填报表"
    for row in rows:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    for cell in percent_cells:
        sheet[cell].number_format = "0.0%"
    for title, sheet_rows in (extra_sheets or {}).items():
        other = book.create_sheet(title)
        for row in sheet_rows:
            other.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


WIDE_HEADER = "地区,户外劳动者服务站点(个),托育补助资金(万元),工会组建率(%)"


def current(db, region: str, indicator: str, period: str) -> float | None:
    """The current value of one figure as readers see it (the newest published snapshot), or None."""
    reader = Replica(db)
    try:
        with reader.current().cursor() as cur:
            row = cur.execute(
                "select value from current_observations where region = $r and indicator = $i and period = $p",
                {"r": region, "i": indicator, "p": period},
            ).fetchone()
        return None if row is None else row[0]
    finally:
        reader.close()
