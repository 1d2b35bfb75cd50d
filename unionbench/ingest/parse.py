"""Bytes to a grid of cells: CSV in whatever encoding Excel on Chinese Windows wrote, or the first sheet of an .xlsx.

Nothing here knows about indicators; it only turns a file into rows of cells with the row numbers people see.
"""

import csv
import io
import unicodedata
from dataclasses import dataclass, field

import charset_normalizer
import openpyxl

from unionbench.ingest.problems import FileRejected, Problem, warning

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"
# Encodings a file from a Chinese office plausibly has; GBK and GB2312 are read with their superset GB18030,
# which also knows the rarer characters in names (gbk fails on them).
CANDIDATE_ENCODINGS = ["gb18030", "utf_16", "big5", "cp1252"]
GB_FAMILY = {"gb2312", "gbk", "cp936", "gb18030", "hz"}
DELIMITERS = [",", "\t", ";", "|"]


@dataclass(frozen=True)
class Cell:
    """One cell: its value (str for CSV; str, int, float, datetime or None for xlsx) and whether Excel formats it
    as a percentage (then 0.852 means 85.2 %)."""

    value: object
    percent_format: bool = False

    @property
    def text(self) -> str:
        if self.value is None:
            return ""
        return unicodedata.normalize("NFKC", str(self.value)).strip()

    @property
    def blank(self) -> bool:
        return self.text == ""


@dataclass
class Grid:
    rows: list[list[Cell]]
    row_numbers: list[int]
    file_kind: str  # 'csv' | 'xlsx'
    encoding: str | None = None
    notes: list[Problem] = field(default_factory=list)


def read_grid(data: bytes, file_name: str) -> Grid:
    """The file's cells, or FileRejected when it cannot be read as a table at all."""
    if not data or not data.strip():
        raise FileRejected(Problem("empty_file"))
    if data.startswith(XLS_MAGIC) or file_name.lower().endswith(".xls"):
        raise FileRejected(Problem("xls_unsupported"))
    if data.startswith(XLSX_MAGIC):
        return read_xlsx(data)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Text has no NUL bytes (UTF-16 announces itself with a BOM): this is a picture, an archive, a program.
        raise FileRejected(Problem("not_a_table", details={"detail": "binary content / 二进制内容"}))
    return read_csv(decode(data))


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding): BOMs first, then strict UTF-8, then charset-normalizer among the likely encodings."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is None:
        raise FileRejected(Problem("undecodable"))
    encoding = "gb18030" if best.encoding.replace("-", "").lower() in GB_FAMILY else best.encoding
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        raise FileRejected(Problem("undecodable")) from None


def looks_binary(text: str) -> bool:
    sample = text[:4000]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t")
    return "\x00" in sample or controls > len(sample) * 0.01


def read_csv(decoded: tuple[str, str]) -> Grid:
    text, encoding = decoded
    if looks_binary(text):
        raise FileRejected(Problem("not_a_table", details={"detail": "binary content / 二进制内容"}))
    lines = text.splitlines()
    delimiter = max(DELIMITERS, key=lambda d: sum(line.count(d) > 0 for line in lines[:50]))
    rows, numbers = [], []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            rows.append([Cell(value) for value in row])
            numbers.append(reader.line_num)
    except csv.Error as error:
        raise FileRejected(Problem("not_a_table", details={"detail": str(error)})) from None
    return Grid(rows, numbers, "csv", encoding)


def read_xlsx(data: bytes) -> Grid:
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign zip
        detail = f"无法打开 .xlsx / cannot open the .xlsx ({type(error).__name__})"
        raise FileRejected(Problem("not_a_table", details={"detail": detail})) from None
    sheets = [s for s in book.worksheets if s.sheet_state == "visible" and s.max_row and has_values(s)]
    if not sheets:
        raise FileRejected(Problem("empty_file"))
    sheet = sheets[0]
    fill_merged_cells(sheet)
    rows, numbers = [], []
    for number, row in enumerate(sheet.iter_rows(), start=1):
        rows.append([Cell(c.value, "%" in (c.number_format or "")) for c in row])
        numbers.append(number)
    grid = Grid(rows, numbers, "xlsx")
    if len(sheets) > 1:
        others = "、".join(s.title for s in sheets[1:])
        grid.notes.append(warning("extra_sheets", details={"sheet": sheet.title, "others": others}))
    return grid


def has_values(sheet) -> bool:
    return any(cell.value is not None for row in sheet.iter_rows(max_row=50) for cell in row)


def fill_merged_cells(sheet) -> None:
    """Give every cell of a merged range the top-left value (a merged header or region spans several cells)."""
    for merged in list(sheet.merged_cells.ranges):
        value = sheet.cell(merged.min_row, merged.min_col).value
        sheet.unmerge_cells(str(merged))
        for row in range(merged.min_row, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                sheet.cell(row, col).value = value
