"""Bytes to a grid of cells: CSV in whatever encoding Excel on Chinese Windows wrote, or the first sheet of an .xlsx.

Nothing here knows about indicators; it only turns a file into rows of cells with the row numbers people see.
Every limit in limits.py is checked before the work it bounds: the file's size before decoding, the archive's
sizes before inflating (see xlsx.py), rows, columns and cells while reading.
"""

import csv
import io
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer
import numpy as np
import pyarrow as pa
import pyarrow.csv as arrow_csv

from unionbench.i18n import LANGUAGES, t
from unionbench.ingest import limits, xlsx
from unionbench.ingest.problems import FileRejected, Problem, cap_problems, warning
from unionbench.ingest.xlsx import Merge, column_letter, size_text

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"
# Encodings a file from a Chinese office plausibly has; GBK and GB2312 are read with their superset GB18030,
# which also knows the rarer characters in names (gbk fails on them).
CANDIDATE_ENCODINGS = ["gb18030", "utf_16", "big5", "cp1252"]
GB_FAMILY = {"gb2312", "gbk", "cp936", "gb18030", "hz"}
DELIMITERS = [",", "\t", ";", "|"]


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: its value (str for CSV; str, int, float, bool, datetime or None for xlsx), whether Excel formats it
    as a percentage, and the trap (a problem code) when an xlsx cell has no usable value (a formula with no saved
    result, an error value: then value is the formula or the error as text)."""

    value: object
    percent_format: bool = False
    trap: str | None = None

    @property
    def text(self) -> str:
        if self.value is None:
            return ""
        return unicodedata.normalize("NFKC", str(self.value)).strip()

    @property
    def blank(self) -> bool:
        return self.trap is None and self.text == ""


BLANK = Cell(None)


@dataclass
class Grid:
    rows: list[list[Cell]]
    row_numbers: list[int]
    file_kind: str  # 'csv' | 'xlsx'
    encoding: str | None = None
    notes: list[Problem] = field(default_factory=list)  # warnings about the reading, shown with the checker's
    merges: list[Merge] = field(default_factory=list)  # xlsx merged ranges, filled (or refused) by layout
    hidden_rows: set[int] = field(default_factory=set)  # row numbers hidden in Excel
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)  # inclusive 0-based column index ranges

    def column_hidden(self, index: int) -> bool:
        return any(low <= index <= high for low, high in self.hidden_columns)


def read_grid(data: bytes, file_name: str) -> Grid:
    """The file's cells, or FileRejected when it cannot be read as a table at all (or is beyond a limit)."""
    check_size(len(data))
    if not data or data.isspace():
        raise FileRejected(Problem("empty_file"))
    if data.startswith(XLS_MAGIC) or file_name.lower().endswith(".xls"):
        raise FileRejected(Problem("xls_unsupported"))
    if data.startswith(XLSX_MAGIC):
        return read_xlsx(io.BytesIO(data))
    return read_text(data)


def read_grid_file(path: Path | str) -> Grid:
    """read_grid for a file on disk, refusing by size before a byte is read (a 1 GB CSV never enters memory)."""
    path = Path(path)
    check_size(os.stat(path).st_size)
    with open(path, "rb") as opened:
        head = opened.read(8)
        if head.startswith(XLSX_MAGIC) and not path.name.lower().endswith(".xls"):
            return read_xlsx(opened)
    return read_grid(path.read_bytes(), path.name)


def read_upload(path: Path | str) -> bytes:
    """A file's bytes for prepare(), refused (FileRejected) by its size before it is read."""
    check_size(os.stat(path).st_size)
    return Path(path).read_bytes()


def check_size(size: int) -> None:
    if size > limits.MAX_FILE_BYTES:
        details = {"size": size_text(size), "limit": size_text(limits.MAX_FILE_BYTES)}
        raise FileRejected(Problem("file_too_large", details=details))


def read_text(data: bytes) -> Grid:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Text has no NUL bytes (UTF-16 announces itself with a BOM): this is a picture, an archive, a program.
        raise FileRejected(Problem("not_a_table", details={"detail": "binary content / 二进制内容"}))
    return read_csv(decode(data))


# (BOM, the encoding reported, the codec for what follows the BOM, its name in messages)
BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16", "utf-16-be", "UTF-16"),
)


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding): BOMs first, then strict UTF-8, then charset-normalizer among the likely encodings."""
    for bom, encoding, codec, label in BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return body.decode(codec), encoding
            except UnicodeDecodeError as error:
                raise FileRejected(decode_problem(body, error, codec, label)) from None
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


def decode_problem(data: bytes, error: UnicodeDecodeError, encoding: str, label: str) -> Problem:
    """Where a file that announced its encoding with a BOM stops being that encoding: the line, the column (as the
    CSV's delimiters count it before that point) and the bytes."""
    before = data[: error.start].decode(encoding, errors="replace")
    lines = before.split("\n")
    line = lines[-1].rstrip("\r")
    delimiter = max(DELIMITERS, key=lambda d: sum(text.count(d) > 0 for text in lines[:50]))
    column = column_letter(line.count(delimiter))
    bad = " ".join(f"{byte:02X}" for byte in data[error.start : error.start + 4])  # the bad byte and what follows
    details = {"encoding": label, "bytes": bad, "char": len(line) + 1}
    code = "truncated_text" if error.end >= len(data) and error.reason.startswith("truncated") else "bom_mismatch"
    return Problem(code, row=len(lines), column=column, details=details)


def looks_binary(text: str) -> bool:
    sample = text[:4000]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t")
    return "\x00" in sample or controls > len(sample) * 0.01


def read_csv(decoded: tuple[str, str]) -> Grid:
    """Rows with something in them, counted against the limits as they are read."""
    text, encoding = decoded
    if looks_binary(text):
        raise FileRejected(Problem("not_a_table", details={"detail": "binary content / 二进制内容"}))
    head = first_lines(text, 50)
    delimiter = max(DELIMITERS, key=lambda d: sum(line.count(d) > 0 for line in head))
    shared = SharedCells({"": BLANK})
    read = read_plain_csv(text, delimiter, shared)
    if read is not None:
        return Grid(read[0], read[1], "csv", encoding)
    rows, numbers, cells = [], [], 0
    cell_of = shared.__getitem__
    # bound once: the loop below runs once per line of a file of up to MAX_ROWS lines
    max_columns, max_rows, max_cells = limits.MAX_COLUMNS, limits.MAX_ROWS, limits.MAX_CELLS
    add_row, add_number = rows.append, numbers.append
    reader = csv.reader(lines_of(text), delimiter=delimiter)
    try:
        for row in reader:
            while row and not row[-1].strip():
                row.pop()
            if not row:
                continue
            width = len(row)
            if width > max_columns:
                raise FileRejected(beyond_columns(reader.line_num, width - 1, row[-1]))
            if len(rows) >= max_rows:
                raise FileRejected(beyond("too_many_rows", reader.line_num, max_rows))
            cells += width
            if cells > max_cells:
                raise FileRejected(beyond("too_many_cells", reader.line_num, max_cells))
            add_row(list(map(cell_of, row)))
            add_number(reader.line_num)
    except csv.Error as error:
        raise FileRejected(Problem("not_a_table", details={"detail": str(error)})) from None
    return Grid(rows, numbers, "csv", encoding)


def first_lines(text: str, count: int) -> list[str]:
    """text[:1_000_000].splitlines()[:count], without splitting a megabyte when a short head already holds more lines
    (then its first `count` lines are whole: the line after them has begun within it)."""
    lines = text[:65_536].splitlines()
    return lines[:count] if len(lines) > count else text[:1_000_000].splitlines()[:count]


def read_plain_csv(text: str, delimiter: str, shared: "SharedCells") -> tuple[list[list[Cell]], list[int]] | None:
    """What read_csv's loop gives (rows and line numbers), read by Arrow's CSV reader in C a column at a time, or None
    for a file it would read differently, which then goes through the loop: a quote anywhere (quoted fields can span
    lines and change the numbering), a NUL, a CR outside CRLF, a leading U+FEFF (Arrow drops it), a field over the
    csv module's limit, rows of different widths, or a size near a limit (so that the loop refuses it at the same
    row, and Arrow never holds more than the limits allow). The loop took ~1.5 µs a cell; this, a fraction."""
    try:
        data = text.encode("utf-8")  # the characters looked for below are ASCII: never inside a UTF-8 sequence
    except UnicodeEncodeError:
        return None
    end = len(data)
    while end and data[end - 1] in b"\r\n":  # line ends at the very end only end lines with nothing in them
        end -= 1
    if not end or b'"' in data or b"\x00" in data or data.startswith(b"\xef\xbb\xbf"):
        return None
    if b"\r" in data and data.count(b"\r", 0, end) != data.count(b"\r\n", 0, end):
        return None
    lines = data.count(b"\n", 0, end) + 1
    first = data.find(b"\n", 0, end)
    width = data.count(delimiter.encode(), 0, first if first >= 0 else end) + 1
    if width > limits.MAX_COLUMNS or lines > limits.MAX_ROWS or lines * width > limits.MAX_CELLS:
        return None
    try:
        table = arrow_csv.read_csv(
            pa.py_buffer(data).slice(0, end),
            read_options=arrow_csv.ReadOptions(autogenerate_column_names=True, use_threads=False, block_size=end + 1),
            parse_options=arrow_csv.ParseOptions(delimiter=delimiter, quote_char=False, ignore_empty_lines=False),
            convert_options=arrow_csv.ConvertOptions(
                column_types={f"f{index}": pa.string() for index in range(width)},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowException:
        return None
    del data
    if table.num_rows != lines or table.num_columns != width:
        return None
    field_limit = csv.field_size_limit()
    reach = np.zeros(lines, dtype=np.int64)  # each line's width once its blank cells at the end are dropped
    grid = np.empty((lines, width), dtype=object)
    try:
        for index in range(width):
            codes, texts = distinct_texts(table, index)
            if max(map(len, texts)) >= field_limit:
                return None
            reach[np.array([bool(value.strip()) for value in texts], dtype=bool)[codes]] = index + 1
            cells = np.empty(len(texts), dtype=object)
            cells[:] = [shared[value] for value in texts]
            grid[:, index] = cells[codes]
    finally:
        del table
        pa.default_memory_pool().release_unused()  # Arrow's allocator keeps freed pages (~35 MB for a 3 MB file)
    kept = np.flatnonzero(reach)  # lines with something in them
    rows = (grid if len(kept) == lines else grid[kept]).tolist()
    del grid
    reach = reach[kept]
    for position in np.flatnonzero(reach < width).tolist():
        del rows[position][reach[position] :]
    return rows, (kept + 1).tolist()


def distinct_texts(table: pa.Table, index: int) -> tuple[np.ndarray, list[str]]:
    """A column's distinct texts and each row's code among them, copied out of Arrow's memory so that none of it
    outlives the table."""
    encoded = table.column(index).combine_chunks().dictionary_encode()
    return encoded.indices.to_numpy(zero_copy_only=False).copy(), encoded.dictionary.to_pylist()


# Cells are immutable, so equal texts share one: region names, indicators and quarters repeat on every row, and a
# Cell per cell cost ~1 µs and ~100 bytes (400,000 long rows took 10 s to read). Bounded for files of distinct texts.
SHARED_CELLS = 100_000


def shared_cell(shared: dict[str, Cell], value: str) -> Cell:
    cell = Cell(value)
    if len(shared) < SHARED_CELLS:
        shared[value] = cell
    return cell


class SharedCells(dict):
    """Text → its shared Cell, made on first sight (up to SHARED_CELLS of them)."""

    def __missing__(self, value: str) -> Cell:
        return shared_cell(self, value)


LINES_AT_ONCE = 1 << 20  # characters split into lines at a time


def lines_of(text: str):
    """The text's lines with their endings, split a megabyte at a time (io.StringIO would hold a second,
    4-byte-per-character copy of the whole file; a line at a time costs a Python step per line). Old Mac files end
    lines with a lone CR."""
    newline = "\n" if "\n" in text or "\r" not in text else "\r"
    start = 0
    while start < len(text):
        end = text.find(newline, start + LINES_AT_ONCE)
        end = len(text) if end < 0 else end + 1
        lines = text[start:end].split(newline)
        last = lines.pop()
        yield from [line + newline for line in lines]
        if last:
            yield last
        start = end


def beyond(code: str, row: int, limit: int) -> Problem:
    return Problem(code, row=row, details={"limit": f"{limit:,}"})


def beyond_columns(row: int, index: int, value: str) -> Problem:
    details = {"number": f"{index + 1:,}", "limit": limits.MAX_COLUMNS}
    return Problem("too_many_columns", row=row, column=column_letter(index), value=xlsx.shorten(value), details=details)


def xlsx_cell(value, kind: str | None, trap: str | None) -> Cell:
    """A grid cell from an xlsx cell. A number Excel shows as a percentage becomes the text Excel shows ('50%'), so
    the % reaches the normaliser: a percent-formatted 0.5 in a count column is refused there, not stored as 0.5."""
    if kind in ("percent", "literal_percent") and type(value) in (int, float):
        scaled = value * 100 if kind == "percent" else value
        if scaled == scaled and abs(scaled) != float("inf"):
            return Cell(f"{round(scaled, 9):.15g}%", True)
    if value is None and trap is None:
        return BLANK
    return Cell(value, False, trap)


# The template's instructions sheet, in either language, and the usual name for one.
INSTRUCTION_SHEETS = frozenset({t("tpl.sheet_help", lang).lower() for lang in LANGUAGES} | {"说明"})


def read_xlsx(source) -> Grid:
    """The first visible sheet with something in it; `source` is a path or a seekable binary file."""
    shared: dict[str, Cell] = {}

    def make_cell(value, kind: str | None, trap: str | None) -> Cell:
        if kind is None and trap is None and type(value) is str:  # shared strings: one cell per distinct text
            return shared.get(value) or shared_cell(shared, value)
        return xlsx_cell(value, kind, trap)

    title, data, others = xlsx.read_workbook_sheet(source, make_cell, BLANK, INSTRUCTION_SHEETS)
    grid = Grid(
        [row for _, row in data.rows],
        [number for number, _ in data.rows],
        "xlsx",
        merges=data.merges,
        hidden_rows=data.hidden_rows,
        hidden_columns=data.hidden_columns,
    )
    if others:
        grid.notes.append(warning("extra_sheets", details={"sheet": title, "others": "、".join(others)}))
    grid.notes = cap_problems(grid.notes)
    return grid
