"""Finding the table in a grid: the header row below any title rows, what each column holds, the long or wide
layout, total rows to check rather than import, and one candidate figure per cell."""

import difflib
import re
from dataclasses import dataclass, field

import pandas as pd
from openpyxl.utils import get_column_letter

from unionbench.ingest.normalise import UNIT_WORDS, period_in_title, split_unit
from unionbench.ingest.parse import Cell, Grid
from unionbench.ingest.problems import FileRejected, Problem

HEADER_SEARCH_ROWS = 30


def _keys(*words: str) -> set[str]:
    return {w.lower() for w in words}


REGION_HEADERS = _keys(
    "地区",
    "区县",
    "县区",
    "县(区)",
    "县(市、区)",
    "县(市区)",
    "县市区",
    "区域",
    "地区名称",
    "行政区",
    "行政区划",
    "填报单位",
    "单位名称",
    "region",
    "region_name",
    "area",
    "name",
    "名称",
)
REGION_CODE_HEADERS = _keys("region_code", "adcode", "code", "行政区划代码", "区划代码", "地区代码", "代码")
PERIOD_HEADERS = _keys("period", "quarter", "季度", "时间", "报告期", "期间", "统计期", "所属季度")
INDICATOR_HEADERS = _keys("indicator", "indicator_id", "指标", "指标名称", "指标代码", "项目")
VALUE_HEADERS = _keys("value", "数值", "值", "数据", "数量", "指标值", "填报数")
UNIT_HEADERS = _keys("unit", "计量单位", "单位")
IGNORED_HEADERS = _keys(
    "序号",
    "编号",
    "备注",
    "说明",
    "填报人",
    "联系人",
    "联系电话",
    "审核人",
    "no",
    "no.",
    "#",
    "remark",
    "remarks",
    "note",
    "notes",
    "unit_en",
    "upload_id",
)
TOTAL_LABELS = {"合计", "总计", "小计", "全市合计", "总合计", "合 计", "total"}
_SPACE = re.compile(r"\s+")
TOTAL_KEYS = {_SPACE.sub("", label).lower() for label in TOTAL_LABELS}
FOOTER_START = re.compile(r"^(注|说明|备注|填表|制表|审核|单位负责人|统计负责人|联系)")


def normal_key(text: str) -> str:
    return _SPACE.sub("", text).lower()


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    role: str  # region | region_code | period | indicator | value | unit | measure | ignored | unknown
    indicator: str | None = None  # the catalogue id a measure column holds
    unit: str | None = None  # the unit its header (or the units row) gives

    @property
    def label(self) -> str:
        """How people find the column: its spreadsheet letter and its header."""
        return f"{get_column_letter(self.index + 1)} · {self.header}"


@dataclass(frozen=True)
class Candidate:
    """One figure as the file states it, before any checking."""

    row: int
    column: Column
    region: str
    region_code: str | None
    indicator: str | None  # catalogue id, None when the long layout names an unknown indicator
    indicator_text: str
    period: object
    cell: Cell
    unit: str | None


@dataclass
class TotalRow:
    row: int
    label: str
    cells: dict[int, Cell]  # column index → cell


@dataclass
class Table:
    layout: str  # 'long' | 'wide'
    columns: list[Column]
    candidates: list[Candidate]
    totals: list[TotalRow]
    title_period: str | None
    data_rows: list[int] = field(default_factory=list)  # row numbers of the data rows, in order
    problems: list[Problem] = field(default_factory=list)


class IndicatorNames:
    """Finds a catalogue id from its id, Chinese name or English name (any case, spaces ignored)."""

    def __init__(self, catalogue: pd.DataFrame):
        self._by_key: dict[str, str] = {}
        for row in catalogue.itertuples():
            for name in (row.id, row.name_zh, row.name_en):
                self._by_key[normal_key(name)] = row.id
        self._names = sorted(set(catalogue.name_zh) | set(catalogue.id))

    def find(self, text: str) -> str | None:
        return self._by_key.get(normal_key(text))

    def suggest(self, text: str) -> list[str]:
        return difflib.get_close_matches(text, self._names, n=3, cutoff=0.5)


def classify(header: str, names: IndicatorNames) -> Column:
    """What a header says its column holds (index filled in by the caller)."""
    key = normal_key(header)
    for role, words in (
        ("region", REGION_HEADERS),
        ("region_code", REGION_CODE_HEADERS),
        ("period", PERIOD_HEADERS),
        ("indicator", INDICATOR_HEADERS),
        ("value", VALUE_HEADERS),
        ("unit", UNIT_HEADERS),
        ("ignored", IGNORED_HEADERS),
    ):
        if key in words:
            return Column(0, header, role)
    name, unit = split_unit(header)
    indicator = names.find(name)
    if indicator:
        return Column(0, header, "measure", indicator, unit)
    if unit and normal_key(name) in VALUE_HEADERS:  # '数值(万元)'
        return Column(0, header, "value", None, unit)
    return Column(0, header, "unknown" if key else "blank")


def classify_row(cells: list[Cell], names: IndicatorNames) -> list[Column]:
    columns = []
    for index, cell in enumerate(cells):
        column = classify(cell.text, names)
        columns.append(Column(index, column.header, column.role, column.indicator, column.unit))
    return columns


def is_header(columns: list[Column]) -> bool:
    roles = [c.role for c in columns]
    has_region = "region" in roles or "region_code" in roles
    long_layout = "indicator" in roles and "value" in roles
    return has_region and (long_layout or "measure" in roles)


def settle_unit_column(columns: list[Column]) -> list[Column]:
    """'单位' names the unit in a long table but the reporting unit (a region) in a wide one."""
    roles = {c.role for c in columns}
    if "indicator" in roles or "region" in roles:
        return columns
    return [Column(c.index, c.header, "region") if c.role == "unit" and c.header == "单位" else c for c in columns]


def units_row(cells: list[Cell]) -> dict[int, str] | None:
    """A row right under the header that only holds units ('个', '（万元）'): the units of those columns."""
    units = {}
    for index, cell in enumerate(cells):
        if cell.blank:
            continue
        text = cell.text.strip("()[] ")
        if text.lower() not in UNIT_WORDS:
            return None
        units[index] = text
    return units or None


def find_table(grid: Grid, catalogue: pd.DataFrame) -> Table:
    """The table in the grid, or FileRejected when no header row can be found."""
    names = IndicatorNames(catalogue)
    for position, cells in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):  # noqa: B007 — used after the loop
        columns = settle_unit_column(classify_row(cells, names))
        if is_header(columns):
            break
    else:
        if not any(not c.blank for row in grid.rows for c in row):
            raise FileRejected(Problem("empty_file"))
        raise FileRejected(Problem("no_header", details={"rows": HEADER_SEARCH_ROWS}))
    titles = " ".join(c.text for row in grid.rows[:position] for c in row if not c.blank)
    body_start = position + 1
    if body_start < len(grid.rows) and (units := units_row(grid.rows[body_start])):
        columns = [Column(c.index, c.header, c.role, c.indicator, c.unit or units.get(c.index)) for c in columns]
        body_start += 1
    layout = "long" if any(c.role == "indicator" for c in columns) else "wide"
    table = Table(layout, columns, [], [], period_in_title(titles))
    header_row = grid.row_numbers[position]
    table.problems += unknown_columns(columns, header_row, names)
    for cells, row in zip(grid.rows[body_start:], grid.row_numbers[body_start:], strict=True):
        read_row(table, cells, row, names)
    if not table.data_rows:
        raise FileRejected(Problem("no_data_rows"))
    return table


def unknown_columns(columns: list[Column], header_row: int, names: IndicatorNames) -> list[Problem]:
    problems = []
    for column in columns:
        if column.role == "unknown":
            name, _ = split_unit(column.header)
            suggestions = names.suggest(name)
            hint = (
                f"是否为：{'、'.join(suggestions)}？/ Did you mean: {', '.join(suggestions)}?"
                if suggestions
                else "请使用指标目录中的名称或代码，或删除此列。/ Use a name or id from the indicator catalogue, "
                "or remove the column."
            )
            problems.append(Problem("unknown_indicator", header_row, column.label, column.header, {"hint": hint}))
    return problems


def cell_at(cells: list[Cell], column: Column | None) -> Cell:
    if column is None or column.index >= len(cells):
        return Cell(None)
    return cells[column.index]


def read_row(table: Table, cells: list[Cell], row: int, names: IndicatorNames) -> None:
    """Add a data row's candidates, or note it as a total row; blank and footer rows are passed over."""
    if all(c.blank for c in cells):
        return
    by_role = {}
    for column in table.columns:
        by_role.setdefault(column.role, column)
    region_cell = cell_at(cells, by_role.get("region"))
    code_cell = cell_at(cells, by_role.get("region_code"))
    region_text = region_cell.text or code_cell.text
    if normal_key(region_text) in TOTAL_KEYS:
        table.totals.append(TotalRow(row, region_text, {i: c for i, c in enumerate(cells)}))
        return
    filled = [c for c in cells if not c.blank]
    if len(filled) == 1 and (
        FOOTER_START.match(filled[0].text) or "：" in str(filled[0].value) or ":" in filled[0].text
    ):
        return
    table.data_rows.append(row)
    period = cell_at(cells, by_role.get("period")).value
    code = code_cell.text or None
    region = region_cell.text or code_cell.text
    if table.layout == "long":
        indicator_text = cell_at(cells, by_role.get("indicator")).text
        name, unit_in_name = split_unit(indicator_text)
        unit_cell = cell_at(cells, by_role.get("unit")).text or None
        value_column = by_role.get("value")
        table.candidates.append(
            Candidate(
                row,
                value_column,
                region,
                code,
                names.find(name),
                indicator_text,
                period,
                cell_at(cells, value_column),
                unit_cell or unit_in_name or value_column.unit,
            )
        )
        return
    for column in table.columns:
        if column.role == "measure":
            cell = cell_at(cells, column)
            if not cell.blank:
                table.candidates.append(
                    Candidate(
                        row,
                        column,
                        region,
                        code,
                        column.indicator,
                        column.header,
                        period,
                        cell,
                        column.unit,
                    )
                )
