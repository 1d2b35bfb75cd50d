"""An .xlsx read as a stream, measured before anything is inflated.

openpyxl's normal mode builds every cell of every sheet in memory (a 4.8 MB file whose sheet inflates to 1.1 GB took
the process to 9.4 GB), and its read-only mode cannot tell merged ranges, hidden rows or formulas without a saved
result. So the workbook is read here with zipfile and ElementTree's iterparse:

1. the zip's end record and central directory are measured (parts, uncompressed sizes, compression ratio);
2. the sheet's declared <dimension> is read from its first few KB;
3. the sheet is parsed row by row, counting rows, columns and cells against the limits and stopping at them.

Only what the grid needs is kept: values (shared strings, numbers, dates, booleans), percent formats, merged ranges,
hidden rows and columns, and formulas that have no usable saved result.
"""

import contextlib
import posixpath
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError, iterparse
from xml.parsers import expat

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel, from_ISO8601

from unionbench.ingest import limits
from unionbench.ingest.problems import FileRejected, Problem

REL_NS = {"http://schemas.openxmlformats.org/package/2006/relationships"}
HEAD_BYTES = 64 * 1024  # the declared dimension sits in the first few hundred bytes of a sheet
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*?\bref\s*=\s*[\"']([^\"']{1,40})[\"']")
_REF = re.compile(r"^\$?([A-Za-z]{1,7})\$?(\d{1,9})$")
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
EOCD = b"PK\x05\x06"


@dataclass(frozen=True)
class Merge:
    """A merged range: spreadsheet row numbers (1-based) and column indices (0-based), inclusive."""

    min_row: int
    min_col: int
    max_row: int
    max_col: int

    @property
    def ref(self) -> str:
        start = f"{column_letter(self.min_col)}{self.min_row}"
        return start if self.size == 1 else f"{start}:{column_letter(self.max_col)}{self.max_row}"

    @property
    def size(self) -> int:
        return (self.max_row - self.min_row + 1) * (self.max_col - self.min_col + 1)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA … with no upper bound (openpyxl's stops at ZZZ, column 18,278)."""
    letters = ""
    number = index + 1
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """A → 0, AA → 26 (any length the reference pattern lets through)."""
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number - 1


_LETTERS: dict[str, int | None] = {}
_DIGITS = "0123456789$"


def ref_column(ref: str) -> int | None:
    """The column index of a cell reference ('B7' → 1), cached by its letters: a sheet has few distinct ones."""
    letters = ref.rstrip(_DIGITS)
    column = _LETTERS.get(letters, -1)
    if column == -1:
        place = parse_ref(ref)
        column = place[1] if place else None
        if len(_LETTERS) < 100_000:
            _LETTERS[letters] = column
    return column


class PeekDone(Exception):
    """Raised inside the parse when a peek has seen the rows it wanted."""


def parse_ref(ref: str) -> tuple[int, int] | None:
    """'B7' → (7, 1); None when it is no cell reference."""
    match = _REF.match(ref.strip())
    if not match:
        return None
    return int(match.group(2)), column_index(match.group(1))


def size_text(size: int) -> str:
    return f"{size / 1e6:,.1f} MB" if size >= 1e5 else f"{size:,} B"


def local(tag: str) -> str:
    return tag.rpartition("}")[2]


def refuse(code: str, **kwargs) -> FileRejected:
    return FileRejected(Problem(code, **kwargs))


def not_readable(detail: str) -> FileRejected:
    detail = f"无法打开 .xlsx / cannot open the .xlsx ({detail})"
    return FileRejected(Problem("not_a_table", details={"detail": detail}))


# ---------------------------------------------------------------- measuring the archive


def check_end_record(tail: bytes) -> None:
    """The zip's end record states how many parts it has: refuse a crowd before zipfile builds an object for each."""
    at = tail.rfind(EOCD)
    if at < 0 or len(tail) - at < 22:
        raise not_readable("no zip end record")
    (count,) = struct.unpack("<H", tail[at + 10 : at + 12])
    if count == 0xFFFF or count > limits.MAX_ARCHIVE_PARTS:  # 0xFFFF: a ZIP64 count, which no return needs
        raise refuse("archive_too_many_parts", details={"count": f"{count:,}", "limit": limits.MAX_ARCHIVE_PARTS})


def measure_archive(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The parts by name, after refusing an archive whose parts inflate beyond the limits (from the central
    directory: nothing is inflated here)."""
    infos = archive.infolist()
    if len(infos) > limits.MAX_ARCHIVE_PARTS:
        raise refuse("archive_too_many_parts", details={"count": f"{len(infos):,}", "limit": limits.MAX_ARCHIVE_PARTS})
    total = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    worst = max(infos, key=lambda info: info.file_size, default=None)
    if worst is not None and worst.file_size > limits.MAX_PART_BYTES:
        raise too_large(worst.filename, worst.file_size, worst.compress_size, limits.MAX_PART_BYTES)
    if total > limits.MAX_INFLATED_BYTES:
        raise too_large("全部内容 / all parts", total, packed, limits.MAX_INFLATED_BYTES)
    for info in infos:
        if info.file_size > limits.RATIO_CHECK_FROM and info.file_size > limits.MAX_RATIO * max(info.compress_size, 1):
            raise too_large(info.filename, info.file_size, info.compress_size, f"{limits.MAX_RATIO}:1")
    return {info.filename: info for info in infos}


def too_large(part: str, size: int, packed: int, limit: int | str) -> FileRejected:
    """The archive refused, naming the part, its sizes and the limit it broke (a size, or a ratio like '1000:1')."""
    details = {
        "part": part,
        "size": size_text(size),
        "packed": size_text(packed),
        "ratio": f"{size / max(packed, 1):,.0f}",
        "limit": size_text(limit) if isinstance(limit, int) else limit,
    }
    return refuse("archive_too_large", details=details)


# ---------------------------------------------------------------- small parts: relationships, workbook, styles


class Parts:
    """The archive's parts, opened by name (case-insensitively, as Excel itself does)."""

    def __init__(self, archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo]):
        self.archive = archive
        self.by_key = {name.lower(): name for name in infos}

    def name(self, path: str) -> str | None:
        return self.by_key.get(path.lstrip("/").lower())

    def events(self, path: str, events=("end",)):
        """iterparse over a part, refusing a DTD (no OOXML part has one: it could only be an entity trick)."""
        name = self.name(path)
        if name is None:
            return iter(())
        with self.archive.open(name) as stream:
            head = stream.read(HEAD_BYTES)
        if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
            raise not_readable(f"{name}: DTD")
        return iterparse(self.archive.open(name), events=events)


def relationships(parts: Parts, source: str) -> dict[str, tuple[str, str]]:
    """Id → (type's last word, target path) for the part `source` ('' for the package)."""
    folder, base = posixpath.split(source)
    rels_path = posixpath.join(folder, "_rels", f"{base}.rels")
    found = {}
    for _, element in parts.events(rels_path):
        if local(element.tag) == "Relationship" and element.get("TargetMode") != "External":
            target = element.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            found[element.get("Id", "")] = (element.get("Type", "").rpartition("/")[2], path)
        element.clear()
    return found


@dataclass
class SheetEntry:
    title: str
    path: str
    visible: bool


@dataclass
class Workbook:
    sheets: list[SheetEntry]
    epoch: object
    shared_strings: list[str]
    formats: list[str | None]  # per style index: 'date', 'timedelta', 'percent', 'literal_percent' or None


def read_workbook(parts: Parts) -> Workbook:
    package = relationships(parts, "")
    book_path = next((path for kind, path in package.values() if kind == "officeDocument"), "xl/workbook.xml")
    if parts.name(book_path) is None:
        raise not_readable("no workbook part")
    rels = relationships(parts, book_path)
    sheets, epoch = [], CALENDAR_WINDOWS_1900
    for _, element in parts.events(book_path):
        name = local(element.tag)
        if name == "workbookPr" and element.get("date1904") in ("1", "true"):
            epoch = CALENDAR_MAC_1904
        elif name == "sheet":
            rel_id = next((value for key, value in element.attrib.items() if local(key) == "id"), "")
            kind, path = rels.get(rel_id, ("", ""))
            if kind == "worksheet" and parts.name(path):
                visible = element.get("state", "visible") == "visible"
                sheets.append(SheetEntry(element.get("name", ""), path, visible))
        element.clear()
    by_kind = {kind: path for kind, path in rels.values()}
    strings = read_shared_strings(parts, by_kind.get("sharedStrings", "xl/sharedStrings.xml"))
    formats = read_formats(parts, by_kind.get("styles", "xl/styles.xml"))
    return Workbook(sheets, epoch, strings, formats)


def read_shared_strings(parts: Parts, path: str) -> list[str]:
    strings, root = [], None
    for event, element in parts.events(path, events=("start", "end")):
        if root is None:
            root = element
        elif event == "end" and local(element.tag) == "si":
            strings.append(rich_text(element))
            root.clear()  # drop the strings read so far from the tree: memory stays at the list's
    return strings


def rich_text(element) -> str:
    """The text of an <si> or <is>: plain <t>, or the runs' <t>s, leaving out phonetic guides (<rPh>)."""
    pieces = []
    for child in element:
        name = local(child.tag)
        if name == "t":
            pieces.append(child.text or "")
        elif name == "r":
            pieces.extend(t.text or "" for t in child if local(t.tag) == "t")
    return "".join(pieces)


def read_formats(parts: Parts, path: str) -> list[str | None]:
    """What each cell style's number format means for reading a number."""
    codes: dict[int, str] = dict(BUILTIN_FORMATS)
    styles: list[str | None] = []
    in_cell_xfs = False
    for event, element in parts.events(path, events=("start", "end")):
        name = local(element.tag)
        if name == "cellXfs":
            in_cell_xfs = event == "start"
        elif event == "end" and name == "numFmt":
            with contextlib.suppress(ValueError):
                codes[int(element.get("numFmtId", ""))] = element.get("formatCode", "")
        elif event == "end" and name == "xf" and in_cell_xfs:
            try:
                styles.append(format_kind(codes.get(int(element.get("numFmtId", "0")), "")))
            except ValueError:
                styles.append(None)
        if event == "end" and name in ("numFmt", "xf"):
            element.clear()
    return styles


def format_kind(code: str) -> str | None:
    """'percent' when Excel shows the number ×100 with a % sign; 'literal_percent' when the % is only text
    ('0"%"', '0\\%': shown as is); 'date'/'timedelta' for dates and durations; None otherwise."""
    if not code or code == "General":
        return None
    bare = _QUOTED.sub("", code)
    if "%" in bare:
        return "percent"
    if "%" in code:
        return "literal_percent"
    if is_timedelta_format(code):
        return "timedelta"
    if is_date_format(code):
        return "date"
    return None


# ---------------------------------------------------------------- the sheet


# A cell as read: (value, kind, trap). value is None, str, int, float, bool or datetime; kind is the number
# format's kind (see format_kind); trap is a problem code when the cell has no usable value (a formula with no
# saved result, an error value). make_cell turns it into the grid's cell.
RawCell = tuple


@dataclass
class SheetData:
    rows: list[tuple[int, list]]  # (row number, cells by column index), only rows with something in them
    merges: list[Merge]
    hidden_rows: set[int]
    hidden_columns: list[tuple[int, int]]  # inclusive 0-based index ranges


def declared_dimension(parts: Parts, sheet: SheetEntry) -> None:
    """Refuse a sheet whose declared used range is beyond the limits, from its first few KB only."""
    with parts.archive.open(parts.name(sheet.path)) as stream:
        head = stream.read(HEAD_BYTES)
    match = _DIMENSION.search(head)
    if not match:
        return
    ref = match.group(1).decode("ascii", "replace")
    corners = [parse_ref(part) for part in ref.split(":")]
    if not corners or None in corners:
        return
    (first_row, _), (last_row, last_col) = corners[0], corners[-1]
    rows, columns = last_row - min(first_row, last_row) + 1, last_col + 1
    if rows > limits.MAX_ROWS or columns > limits.MAX_COLUMNS:
        details = {
            "sheet": sheet.title,
            "ref": ref,
            "rows": f"{rows:,}",
            "columns": f"{columns:,}",
            "max_rows": f"{limits.MAX_ROWS:,}",
            "max_columns": limits.MAX_COLUMNS,
        }
        raise refuse("sheet_too_large", details=details)


class SheetReader:
    """Streams one sheet: rows with their cells, then the merged ranges and hidden columns."""

    def __init__(self, parts: Parts, book: Workbook, sheet: SheetEntry, make_cell, blank, max_rows: int | None = None):
        self.parts, self.book, self.sheet = parts, book, sheet
        self.make_cell, self.blank = make_cell, blank
        self.max_rows = max_rows  # stop quietly after this many rows with content (a peek), else refuse past the cap
        self.cells = 0

    def read(self) -> SheetData:
        """Feeds the sheet's XML to expat in 1 MB pieces; the handlers keep only the current row (no element tree,
        which cost twice the time) and stop the parse by raising when a limit is met or a peek has its rows."""
        data = SheetData([], [], set(), [])
        row, hidden, cells, column = 0, False, {}, -1
        cell: dict = {}
        text: list[str] = []
        collecting = False
        names: dict[str, str] = {}

        def start(tag, attrs):
            nonlocal cell, collecting, row, hidden, cells, column
            name = names.get(tag) or names.setdefault(tag, tag.rpartition(":")[2])
            if name == "c":
                cell = {"attrs": attrs, "v": None, "f": None, "inline": None, "rph": False}
            elif name == "v" or name == "f" or name == "t" and cell.get("inline") is not None and not cell["rph"]:
                text.clear()
                collecting = True
            elif name == "is":
                cell["inline"] = []
            elif name == "rPh":
                cell["rph"] = True
            elif name == "row":
                row = self.row_number(attrs.get("r"), row)
                hidden = attrs.get("hidden") in ("1", "true")
                cells, column = {}, -1
            elif name == "col" and attrs.get("hidden") in ("1", "true"):
                span = self.column_span(attrs)
                if span:
                    data.hidden_columns.append(span)
            elif name == "mergeCell":
                self.add_merge(data, attrs.get("ref", ""))

        def end(tag):
            nonlocal collecting, column
            name = names[tag]
            if name == "c":
                column = self.read_cell(cell, row, column, cells)
            elif name == "v" or name == "f":
                cell[name] = "".join(text)
                collecting = False
            elif name == "t" and collecting:
                cell["inline"].append("".join(text))
                collecting = False
            elif name == "rPh":
                cell["rph"] = False
            elif name == "row" and cells:
                self.keep_row(data, row, cells, hidden)
                if self.max_rows and len(data.rows) >= self.max_rows:
                    raise PeekDone

        def characters(content):
            if collecting:
                text.append(content)

        def no_dtd(*args):
            raise not_readable(f"{self.sheet.title}: DTD")

        parser = expat.ParserCreate()
        parser.buffer_text = True
        parser.StartElementHandler, parser.EndElementHandler = start, end
        parser.CharacterDataHandler = characters
        parser.StartDoctypeDeclHandler = parser.EntityDeclHandler = no_dtd
        try:
            with self.parts.archive.open(self.parts.name(self.sheet.path)) as stream:
                while chunk := stream.read(1 << 20):
                    parser.Parse(chunk, False)
                parser.Parse(b"", True)
        except PeekDone:
            pass
        except expat.ExpatError as error:
            raise not_readable(f"{self.sheet.title}: XML line {error.lineno}") from None
        except (zipfile.BadZipFile, EOFError, OSError) as error:  # e.g. a part longer than it declared (CRC)
            raise not_readable(f"{self.sheet.title}: {type(error).__name__}") from None
        return data

    @staticmethod
    def row_number(declared: str | None, previous: int) -> int:
        if declared and declared.isdigit() and len(declared) <= 9:
            return int(declared)
        return previous + 1

    def read_cell(self, cell: dict, row: int, previous: int, cells: dict) -> int:
        ref = cell["attrs"].get("r")
        column = ref_column(ref) if ref else None
        column = previous + 1 if column is None else column
        value, kind, trap = self.cell_value(cell)
        if trap is None and (value is None or value == ""):
            return column
        if column >= limits.MAX_COLUMNS:
            details = {"number": f"{column + 1:,}", "limit": limits.MAX_COLUMNS}
            column_name = column_letter(column)
            raise refuse("too_many_columns", row=row, column=column_name, value=shorten(value), details=details)
        self.cells += 1
        if self.cells > limits.MAX_CELLS:
            raise refuse("too_many_cells", row=row, details={"limit": f"{limits.MAX_CELLS:,}"})
        cells[column] = self.make_cell(value, kind, trap)
        return column

    def cell_value(self, cell: dict) -> RawCell:
        attrs = cell["attrs"]
        kind = attrs.get("t", "n")
        value_text, formula, inline = cell["v"], cell["f"], cell["inline"]
        if kind == "inlineStr" and inline is not None:
            return "".join(inline), None, None
        if formula is not None and (value_text is None or value_text == "" and kind != "str"):
            # No saved result (openpyxl and other writers save formulas as <v></v>); only a text result is ''.
            return shorten(f"={formula}" if formula else "=…"), None, "formula_without_value"
        if value_text is None:
            return None, None, None
        if kind == "n":
            return self.number(value_text, self.style(attrs.get("s")))
        if kind == "e":
            return value_text, None, "cell_error"
        if kind == "s":
            try:
                return self.book.shared_strings[int(value_text)], None, None
            except (ValueError, IndexError):
                raise not_readable(f"{self.sheet.title}: shared string {shorten(value_text)}") from None
        if kind in ("str", "inlineStr"):
            return value_text, None, None
        if kind == "b":
            return value_text.strip() in ("1", "true"), None, None
        if kind == "d":
            try:
                return from_ISO8601(value_text), None, None
            except ValueError:
                return value_text, None, None
        return self.number(value_text, self.style(attrs.get("s")))

    def style(self, index: str | None) -> str | None:
        if not index:
            return None
        try:
            return self.book.formats[int(index)]
        except (ValueError, IndexError):
            return None

    def number(self, text: str, style: str | None) -> RawCell:
        try:
            value = int(text) if text.lstrip("-").isdigit() and len(text) < 20 else float(text)
        except ValueError:
            return text, None, None
        if style in ("date", "timedelta"):
            try:
                return from_excel(value, self.book.epoch, timedelta=style == "timedelta"), None, None
            except (OverflowError, ValueError, TypeError):
                return value, None, None
        return value, style, None

    @staticmethod
    def column_span(attrs: dict) -> tuple[int, int] | None:
        try:
            low, high = int(attrs.get("min", "")), int(attrs.get("max", ""))
        except ValueError:
            return None
        return (low - 1, high - 1) if 1 <= low <= high else None

    def keep_row(self, data: SheetData, number: int, cells: dict, hidden: bool) -> None:
        if len(data.rows) >= limits.MAX_ROWS:
            raise refuse("too_many_rows", row=number, details={"limit": f"{limits.MAX_ROWS:,}"})
        row = [self.blank] * (max(cells) + 1)
        for column, cell in cells.items():
            row[column] = cell
        data.rows.append((number, row))
        if hidden:
            data.hidden_rows.add(number)

    def add_merge(self, data: SheetData, ref: str) -> None:
        corners = [parse_ref(part) for part in ref.split(":")]
        if len(corners) != 2 or None in corners:
            return
        (row1, col1), (row2, col2) = corners
        low, high = min(col1, col2), min(max(col1, col2), limits.MAX_COLUMNS - 1)  # nothing is read past the cap
        merge = Merge(min(row1, row2), low, max(row1, row2), high)
        if low <= high and merge.size > 1:
            if len(data.merges) >= limits.MAX_MERGES:
                raise refuse("too_many_merges", details={"sheet": self.sheet.title, "limit": limits.MAX_MERGES})
            data.merges.append(merge)


def shorten(value: object, limit: int = 80) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- the whole workbook


def tail_of(opened) -> bytes:
    """The last 64 KB and a bit, where the zip's end record is (after any archive comment)."""
    size = opened.seek(0, 2)
    opened.seek(max(0, size - 22 - 0xFFFF))
    tail = opened.read()
    opened.seek(0)
    return tail


# What zipfile, zlib and expat raise for a damaged, encrypted or foreign archive (found by flipping bytes of a real
# workbook): each is the file's fault, so it becomes a problem, never a traceback.
DAMAGED = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    struct.error,
    expat.ExpatError,
    KeyError,
    IndexError,
    ValueError,
    OverflowError,
    NotImplementedError,
    RuntimeError,
    EOFError,
    OSError,
)


def open_archive(source) -> tuple[zipfile.ZipFile, Parts]:
    """The archive and its parts, after the end record and the central directory are measured. `source` is a
    path or a seekable binary file."""
    if hasattr(source, "read"):
        check_end_record(tail_of(source))
    else:
        with open(source, "rb") as opened:
            check_end_record(tail_of(opened))
    archive = zipfile.ZipFile(source)
    return archive, Parts(archive, measure_archive(archive))


def read_workbook_sheet(
    source, make_cell, blank, passed_over: frozenset[str] = frozenset()
) -> tuple[str, SheetData, list[str]]:
    """(title, data) of the first visible sheet with something in it, and the titles of the other visible sheets
    with something in them. make_cell(value, kind, trap) builds each grid cell; blank pads rows. Sheets whose
    title (any case) is in `passed_over` — the template's instructions — are neither read nor listed."""
    try:
        archive, parts = open_archive(source)
    except DAMAGED as error:
        raise not_readable(type(error).__name__) from None
    try:
        book = read_workbook(parts)
        chosen, others = None, []
        for sheet in book.sheets:
            if not sheet.visible or sheet.title.strip().lower() in passed_over:
                continue
            if chosen is None:
                declared_dimension(parts, sheet)
                data = SheetReader(parts, book, sheet, make_cell, blank).read()
                if data.rows:
                    chosen = (sheet.title, data)
            elif SheetReader(parts, book, sheet, make_cell, blank, max_rows=1).read().rows:
                others.append(sheet.title)
        if chosen is None:
            raise refuse("empty_file")
        return chosen[0], chosen[1], others
    except ParseError as error:
        raise not_readable(f"XML {error.position}") from None
    except DAMAGED as error:
        raise not_readable(type(error).__name__) from None
    finally:
        archive.close()
