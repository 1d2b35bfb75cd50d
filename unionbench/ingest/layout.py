"""Finding the table in a grid: the header row below any title rows, what each column holds, the long or wide
layout, total rows to check rather than import, and one candidate figure per cell."""

import difflib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import chain, repeat
from typing import NamedTuple

import numpy as np
import pandas as pd

from unionbench.ingest import limits
from unionbench.ingest.normalise import UNIT_WORDS, period_in_title, split_unit
from unionbench.ingest.parse import BLANK, Cell, Grid
from unionbench.ingest.problems import CappedProblems, FileRejected, Problem, warning
from unionbench.ingest.xlsx import Merge, column_letter

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
    "口径",
    "统计口径",
    "填报口径",
    "basis",
)
# A column marked as reference (the template's last-quarter figures) is read past, never imported;
# a long table with one is a prefilled template, whose blank rows are figures not reported rather than mistakes.
REFERENCE_MARKS = ("参考", "reference")
TOTAL_LABELS = {"合计", "总计", "小计", "全市合计", "总合计", "合 计", "total"}
_SPACE = re.compile(r"\s+")
TOTAL_KEYS = {_SPACE.sub("", label).lower() for label in TOTAL_LABELS}
FOOTER_START = re.compile(r"^(注|说明|备注|填表|制表|审核|单位负责人|统计负责人|联系)")
# Columns whose cells say where a figure belongs (a merged label may be repeated down them) and columns that hold
# the figures themselves (a merged figure would be copied into another region's or indicator's cell).
LABEL_ROLES = {"region", "region_code", "period", "indicator", "unit"}
VALUE_ROLES = {"value", "measure"}
USED_ROLES = LABEL_ROLES | VALUE_ROLES


def normal_key(text: str) -> str:
    return _SPACE.sub("", text).lower()


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    role: str  # region | region_code | period | indicator | value | unit | measure | reference | ignored | unknown
    indicator: str | None = None  # the catalogue id a measure column holds
    unit: str | None = None  # the unit its header (or the units row) gives

    @property
    def label(self) -> str:
        """How people find the column: its spreadsheet letter and its header."""
        return f"{column_letter(self.index)} · {self.header}"


class Candidate(NamedTuple):
    """One figure as the file states it, before any checking. A named tuple, immutable as a frozen dataclass but
    made in a third of the time: a file of 100,000 figures makes 100,000 of them."""

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

    @property
    def prefilled(self) -> bool:
        """A long table with a reference column: the template, prefilled with every row."""
        return self.layout == "long" and any(c.role == "reference" for c in self.columns)


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
    if any(mark in key for mark in REFERENCE_MARKS):
        return Column(0, header, "reference")
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
    """The table in the grid, or FileRejected when no header row can be found. Errors go to table.problems,
    warnings about the reading (hidden rows and columns) to grid.notes; both lists are capped."""
    names = IndicatorNames(catalogue)
    position_of = dict(zip(grid.row_numbers, range(len(grid.row_numbers)), strict=True)) if grid.merges else {}
    for position, cells in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):  # noqa: B007 — used after the loop
        columns = settle_unit_column(classify_row(merged_into(cells, grid, position, position_of), names))
        if is_header(columns):
            break
    else:
        if not any(not c.blank for row in grid.rows for c in row):
            raise FileRejected(Problem("empty_file"))
        raise FileRejected(Problem("no_header", details={"rows": HEADER_SEARCH_ROWS}))
    for above in range(position + 1):  # a title or header merged over several cells reads in each of them
        grid.rows[above] = merged_into(grid.rows[above], grid, above, position_of)
    problems = CappedProblems()
    problems.extend(body_merges(grid, columns, position, position_of))
    titles = " ".join(c.text for row in grid.rows[:position] for c in row if not c.blank)
    body_start = position + 1
    if body_start < len(grid.rows) and (units := units_row(grid.rows[body_start])):
        columns = [Column(c.index, c.header, c.role, c.indicator, c.unit or units.get(c.index)) for c in columns]
        body_start += 1
    layout = "long" if any(c.role == "indicator" for c in columns) else "wide"
    table = Table(layout, columns, [], [], period_in_title(titles))
    header_row = grid.row_numbers[position]
    problems.extend(unknown_columns(columns, header_row, names))
    notes = CappedProblems()
    notes.extend(grid.notes)
    read_rows(table, grid.rows[body_start:], grid.row_numbers[body_start:], names, problems, notes)
    if not table.data_rows:
        raise FileRejected(Problem("no_data_rows"))
    table.problems = problems.problems()
    notes.extend(hidden_warnings(grid, table))
    grid.notes = notes.problems()
    return table


def anchor_of(grid: Grid, merge: Merge, position_of: dict[int, int]) -> Cell:
    """The top-left cell of a merged range: the only one that holds its value."""
    position = position_of.get(merge.min_row)
    if position is None:
        return BLANK
    row = grid.rows[position]
    return row[merge.min_col] if merge.min_col < len(row) else BLANK


def merged_into(cells: list[Cell], grid: Grid, position: int, position_of: dict[int, int]) -> list[Cell]:
    """The row with every merged range over it showing its value in each of its cells (for titles and headers)."""
    row = grid.row_numbers[position]
    covering = [m for m in grid.merges if m.min_row <= row <= m.max_row]
    if not covering:
        return cells
    cells = list(cells)
    for merge in covering:
        anchor = anchor_of(grid, merge, position_of)
        if anchor.blank:
            continue
        cells.extend([BLANK] * (merge.max_col + 1 - len(cells)))
        cells[merge.min_col : merge.max_col + 1] = [anchor] * (merge.max_col - merge.min_col + 1)
    return cells


def body_merges(grid: Grid, columns: list[Column], header_position: int, position_of: dict[int, int]) -> list[Problem]:
    """Merged ranges that start below the header. A label (a region over its indicator rows in a long table) is
    repeated down its column; a figure spread over several cells is refused, naming the range: copying it would give
    the second county the first one's value. Merges starting in the title or header stay there."""
    header_row = grid.row_numbers[header_position]
    roles = {column.index: column for column in columns}
    problems, filled = [], 0
    for merge in grid.merges:
        if merge.min_row <= header_row:
            continue
        anchor = anchor_of(grid, merge, position_of)
        column = roles.get(merge.min_col)
        if anchor.blank or column is None:
            continue
        if column.role in VALUE_ROLES:
            details = {"range": merge.ref, "cells": merge.size}
            problems.append(Problem("merged_value", merge.min_row, column.label, anchor.text, details))
        elif column.role in LABEL_ROLES:
            start = bisect_right(grid.row_numbers, merge.min_row)
            end = bisect_right(grid.row_numbers, merge.max_row)
            filled += max(0, end - start)
            if filled > limits.MAX_CELLS:
                raise FileRejected(Problem("too_many_cells", merge.min_row, details={"limit": f"{limits.MAX_CELLS:,}"}))
            for position in range(start, end):
                cells = grid.rows[position]
                cells.extend([BLANK] * (merge.min_col + 1 - len(cells)))
                cells[merge.min_col] = anchor
    return problems


def trap_problem(cell: Cell, row: int, column: Column | None, index: int, severity: str = "error") -> Problem:
    """A cell with no usable value: a formula without a saved result, or an error value such as #DIV/0!."""
    label = column.label if column is not None else column_letter(index)
    details = {"formula": ""} if cell.trap == "cell_error" else {}
    return Problem(cell.trap, row, label, cell.text, details, severity)


def hidden_warnings(grid: Grid, table: Table) -> list[Problem]:
    """Hidden rows and columns are imported — a clerk often hides rows or columns for printing, and dropping them
    would lose figures without a word — but each is named so the preview shows it."""
    hidden = grid.hidden_rows
    rows = table.data_rows if hidden else []  # most files hide nothing: no pass over every row number then
    problems = [warning("hidden_row", row=row, details={"row": row}) for row in rows if row in hidden]
    for column in table.columns:
        if column.role in USED_ROLES and grid.column_hidden(column.index):
            problems.append(warning("hidden_column", column=column.label, details={"column": column.label}))
    return problems


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


def column_at(table: Table, index: int) -> Column | None:
    return table.columns[index] if index < len(table.columns) else None


def cell_at(cells: list[Cell], column: Column | None) -> Cell:
    if column is None or column.index >= len(cells):
        return Cell(None)
    return cells[column.index]


def read_row(
    table: Table, cells: list[Cell], row: int, names: IndicatorNames, problems: CappedProblems, notes: CappedProblems
) -> None:
    """Add a data row's candidates, or note it as a total row; blank and footer rows are passed over. A cell with
    no usable value (a formula without a saved result, #DIV/0!) is an error where the table reads it, a warning
    elsewhere (a remarks column, a total row), and never a candidate."""
    if all(c.blank for c in cells):
        return
    by_role = {}
    for column in table.columns:
        by_role.setdefault(column.role, column)
    region_cell = cell_at(cells, by_role.get("region"))
    code_cell = cell_at(cells, by_role.get("region_code"))
    region_text = region_cell.text or code_cell.text
    traps = [index for index, cell in enumerate(cells) if cell.trap]
    if normal_key(region_text) in TOTAL_KEYS:
        table.totals.append(TotalRow(row, region_text, {i: c for i, c in enumerate(cells) if not c.trap}))
        for index in traps:
            notes.add(trap_problem(cells[index], row, column_at(table, index), index, "warning"))
        return
    filled = [c for c in cells if not c.blank]
    if (
        len(filled) == 1
        and not filled[0].trap
        and (FOOTER_START.match(filled[0].text) or "：" in str(filled[0].value) or ":" in filled[0].text)
    ):
        return
    table.data_rows.append(row)
    if traps:
        trapped = set()
        for index in traps:
            column = column_at(table, index)
            used = column is not None and column.role in USED_ROLES
            problem = trap_problem(cells[index], row, column, index, "error" if used else "warning")
            (problems if used else notes).add(problem)
            if used:
                trapped.add(column.role if column.role != "measure" else index)
        if trapped & (LABEL_ROLES | {"value"}):
            return  # the row's region, quarter, indicator or value is unknown: nothing in it can be placed
        cells = [BLANK if index in trapped else cell for index, cell in enumerate(cells)]
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


@dataclass
class CellFacts:
    """What read_row asks of a cell, worked out once per distinct cell (equal texts share one Cell) and indexed by
    each cell's code: the body is then read with array operations rather than a Python loop per row."""

    codes: np.ndarray  # the code of each cell of the body, row after row
    blank_code: int  # the code standing for a cell a row does not reach
    cells: np.ndarray  # code → the Cell
    text: np.ndarray  # code → its text
    value: np.ndarray  # code → its raw value
    blank: np.ndarray
    trap: np.ndarray
    total: np.ndarray  # its text names a total row
    footer: np.ndarray  # alone on a row, it makes the row a footer

    @classmethod
    def of(cls, rows: list[list[Cell]], starts: np.ndarray, count: int) -> "CellFacts":
        ids = np.fromiter(map(id, chain.from_iterable(rows)), dtype=np.int64, count=count)
        codes, _ = pd.factorize(ids)  # by identity: numbered in order of first appearance
        del ids
        running = np.maximum.accumulate(codes) if count else codes
        first = np.flatnonzero(np.r_[True, running[1:] > running[:-1]]) if count else codes
        del running
        row = np.searchsorted(starts, first, side="right") - 1
        distinct = [rows[r][c] for r, c in zip(row.tolist(), (first - starts[row]).tolist(), strict=True)] + [BLANK]
        texts = [cell.text for cell in distinct]
        traps = [bool(cell.trap) for cell in distinct]
        return cls(
            codes=codes.astype(np.int64, copy=False),
            blank_code=len(distinct) - 1,
            cells=objects(distinct),
            text=objects(texts),
            value=objects([cell.value for cell in distinct]),
            blank=np.array([cell.trap is None and text == "" for cell, text in zip(distinct, texts, strict=True)]),
            trap=np.array(traps, dtype=bool),
            total=np.array([normal_key(text) in TOTAL_KEYS for text in texts], dtype=bool),
            footer=np.array(
                [
                    not trap and bool(FOOTER_START.match(text) or "：" in str(cell.value) or ":" in text)
                    for cell, text, trap in zip(distinct, texts, traps, strict=True)
                ],
                dtype=bool,
            ),
        )


def objects(items: list) -> np.ndarray:
    array = np.empty(len(items), dtype=object)
    array[:] = items
    return array


def read_rows(
    table: Table,
    rows: list[list[Cell]],
    numbers: list[int],
    names: IndicatorNames,
    problems: CappedProblems,
    notes: CappedProblems,
) -> None:
    """read_row for every body row, as set operations over the cells' codes: which rows are blank, totals, footers
    or data, and every candidate, in row order. Rows with a trap or a total label (few) go through read_row itself,
    which alone adds problems, so problems and notes keep their order."""
    by_role: dict[str, Column] = {}
    for column in table.columns:
        by_role.setdefault(column.role, column)
    if not rows or (table.layout == "long" and by_role.get("value") is None):
        for cells, row in zip(rows, numbers, strict=True):  # a long table without a value column: as it always read
            read_row(table, cells, row, names, problems, notes)
        return
    lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    starts = np.zeros(len(rows), dtype=np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    facts = CellFacts.of(rows, starts, int(lengths.sum()))
    row_of = np.repeat(np.arange(len(rows)), lengths)

    def codes_in(column: Column | None) -> np.ndarray:
        """Each row's cell in the column (the blank code where the row stops short of it or there is none)."""
        if column is None:
            return np.full(len(rows), facts.blank_code, dtype=np.int64)
        inside = column.index < lengths
        at = np.where(inside, starts + column.index, 0)
        return np.where(inside, facts.codes[at] if len(facts.codes) else facts.blank_code, facts.blank_code)

    filled = ~facts.blank[facts.codes]
    filled_count = np.bincount(row_of, weights=filled, minlength=len(rows))
    trapped = np.bincount(row_of, weights=facts.trap[facts.codes], minlength=len(rows)) > 0
    region, code = codes_in(by_role.get("region")), codes_in(by_role.get("region_code"))
    region_blank = facts.text[region] == ""
    total = np.where(region_blank, facts.total[code], facts.total[region])
    lone = np.full(len(rows), facts.blank_code, dtype=np.int64)
    filled_at = np.flatnonzero(filled)
    lone[row_of[filled_at]] = facts.codes[filled_at]  # the one filled cell of a row that has only one
    footer = (filled_count == 1) & facts.footer[lone]
    used = filled_count > 0
    special = used & (total | trapped)
    data = used & ~total & ~footer
    plain = data & ~trapped

    aside = Table(table.layout, table.columns, [], [], table.title_period)
    for position in np.flatnonzero(special).tolist():
        read_row(aside, rows[position], numbers[position], names, problems, notes)
    table.totals.extend(aside.totals)
    row_numbers = np.asarray(numbers, dtype=np.int64)
    table.data_rows.extend(row_numbers[data].tolist())

    region_text = np.where(region_blank, facts.text[code], facts.text[region])
    code_text = np.where(facts.text[code] == "", None, facts.text[code])
    period = facts.value[codes_in(by_role.get("period"))]
    if table.layout == "long":
        candidates = long_candidates(table, by_role, facts, codes_in, plain, names)
        picked = plain
    else:
        candidates, picked = wide_candidates(table, facts, plain, row_of, starts, lengths)
    columns, indicators, indicator_texts, cells, units = candidates
    fields = zip(
        row_numbers[picked].tolist(),
        columns,
        region_text[picked].tolist(),
        code_text[picked].tolist(),
        indicators,
        indicator_texts,
        period[picked].tolist(),
        cells,
        units,
        strict=True,
    )
    # tuple.__new__ makes each Candidate in C: the named tuple's own __new__ is a Python function, half the cost
    found = list(map(tuple.__new__, repeat(Candidate), fields))
    if aside.candidates:
        found = sorted(chain(found, aside.candidates), key=lambda candidate: candidate.row)  # both in row order
    table.candidates.extend(found)


def long_candidates(table, by_role, facts: CellFacts, codes_in, plain: np.ndarray, names: IndicatorNames) -> tuple:
    """A long table's one candidate per plain data row: (columns, indicators, indicator texts, cells, units)."""
    value_column = by_role["value"]
    indicator = codes_in(by_role.get("indicator"))[plain]
    inverse, distinct = pd.factorize(indicator)  # by hashing: np.unique sorted 100,000 codes
    split = [split_unit(text) for text in facts.text[distinct].tolist()]
    found = objects([names.find(name) for name, _ in split])
    unit_in_name = objects([unit for _, unit in split])
    unit_cell = facts.text[codes_in(by_role.get("unit"))[plain]]
    named_unit = unit_in_name[inverse]
    units = np.where(unit_cell != "", unit_cell, np.where(named_unit != None, named_unit, value_column.unit))  # noqa: E711
    count = int(plain.sum())
    return (
        repeat(value_column, count),
        found[inverse].tolist(),
        facts.text[indicator].tolist(),
        facts.cells[codes_in(value_column)[plain]].tolist(),
        units.tolist(),
    )


def wide_candidates(table, facts: CellFacts, plain, row_of, starts, lengths) -> tuple:
    """A wide table's candidates: every filled cell under a measure column of a plain data row, row by row and left
    to right. Also which row each candidate comes from (as a position among the rows)."""
    measures = [column for column in table.columns if column.role == "measure"]
    by_index = np.zeros(max(int(lengths.max(initial=0)), len(table.columns)), dtype=bool)
    by_index[[column.index for column in measures]] = True
    column_of = np.arange(len(facts.codes)) - starts[row_of]
    chosen = np.flatnonzero(by_index[column_of] & plain[row_of] & ~facts.blank[facts.codes])
    column_objects = objects(list(table.columns))[column_of[chosen]]
    picked = row_of[chosen]
    return (
        (
            column_objects.tolist(),
            [column.indicator for column in column_objects],
            [column.header for column in column_objects],
            facts.cells[facts.codes[chosen]].tolist(),
            [column.unit for column in column_objects],
        ),
        picked,
    )
