"""A federation's own annual targets (年度目标任务): a CSV or XLSX file (or one target typed on the targets page)
checked row by row, previewed as added / changed, stored all or nothing by an admin, and exported again.

Reading reuses ingest: its decoding (UTF-8, GB18030, UTF-16, XLSX, the 50 MB limit), its header words for region and
indicator columns, its region resolver (codes, full and short names) and indicator names (id, Chinese, English), and
its number reading (full-width digits, thousands separators, %). Only the year and target columns are new words.
"""

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from unionbench.audit import audit
from unionbench.export import plain_decimal
from unionbench.i18n import in_language, words
from unionbench.ingest import build_context
from unionbench.ingest.layout import (
    FOOTER_START,
    HEADER_SEARCH_ROWS,
    INDICATOR_HEADERS,
    REFERENCE_MARKS,
    REGION_CODE_HEADERS,
    REGION_HEADERS,
    UNIT_HEADERS,
    IndicatorNames,
    normal_key,
)
from unionbench.ingest.normalise import NotANumber, NotFinite, read_number, split_unit
from unionbench.ingest.parse import Cell, read_grid
from unionbench.ingest.problems import FileRejected, Problem
from unionbench.ingest.validate import MAX_VALUE
from unionbench.ingest.xlsx import column_letter
from unionbench.permissions import authorize, permit
from unionbench.settings import read_settings
from unionbench.store import Store, bump_data_version, load_query, replica, writer

YEAR_HEADERS = {normal_key(w) for w in ("year", "年度", "年份", "年", "目标年度", "考核年度")}
TARGET_HEADERS = {
    normal_key(w) for w in ("target", "目标", "目标值", "年度目标", "目标任务", "年度目标任务", "目标数", "任务数")
}
FIRST_YEAR = 2000
YEARS_AHEAD = 10  # a work plan looks a few years ahead, never decades
WHOLE_KINDS = {"count", "people"}
KEY = ["region", "indicator", "year"]
COLUMNS = ["region", "indicator", "year", "target"]
EXPORT_COLUMNS = ["region_code", "region_name", "indicator", "year", "target"]


@dataclass(frozen=True)
class TargetProblem:
    """Why a target cannot be stored: the row as the spreadsheet numbers it, the column, the cell and the reason."""

    row: int | None
    column: str | None
    value: str | None
    zh: str
    en: str

    def message(self, lang: str) -> str:
        return in_language(self.zh, self.en, lang)

    def line(self) -> str:
        where = " · ".join(
            part
            for part in (
                f"第 {self.row} 行 row {self.row}" if self.row else None,
                f"列 column {self.column}" if self.column else None,
                f"值 value “{self.value}”" if self.value not in (None, "") else None,
            )
            if part
        )
        return f"{where + ' — ' if where else ''}{self.zh} / {self.en}"

    def as_row(self) -> dict:
        return {"row": self.row, "column": self.column, "value": self.value, "reason_zh": self.zh, "reason_en": self.en}


def problem(row: int | None, column: str | None, value, code: str, **values) -> TargetProblem:
    zh, en = (words("tgt.", lang)[code].format(value=value, **values) for lang in ("zh", "en"))
    return TargetProblem(row, column, None if value is None else str(value), zh, en)


def from_ingest(found: Problem, column: str | None = None) -> TargetProblem:
    """An ingest problem (unreadable file, unknown region …) in the targets' own form."""
    return TargetProblem(found.row, column or found.column, found.value, found.message("zh"), found.message("en"))


class TargetsRejected(ValueError):
    """Targets that break the rules: every problem named; nothing was written."""

    def __init__(self, problems: list[TargetProblem]):
        super().__init__("; ".join(p.line() for p in problems[:20]))
        self.problems = problems


@dataclass(frozen=True)
class RawTarget:
    """One row as written: its number, and each column's header and cell."""

    row: int
    region: tuple[str, Cell]
    region_code: tuple[str, Cell] | None
    indicator: tuple[str, Cell]
    year: tuple[str, Cell]
    target: tuple[str, Cell]


@dataclass
class TargetsCheck:
    """What a file (or a form) would change: the checked targets, every problem, and the change per target."""

    targets: pd.DataFrame  # COLUMNS + row
    problems: list[TargetProblem]
    changes: pd.DataFrame = field(default_factory=pd.DataFrame)  # region, region_name, indicator, year, before,
    # target, status (added | changed | unchanged)

    @property
    def ok(self) -> bool:
        return not self.problems

    def count(self, status: str) -> int:
        return int((self.changes.get("status", pd.Series(dtype=str)) == status).sum())

    def summary(self) -> str:
        return f"added {self.count('added')}, changed {self.count('changed')}, unchanged {self.count('unchanged')}"

    def problem_table(self) -> pd.DataFrame:
        return pd.DataFrame([p.as_row() for p in self.problems], columns=["row", "column", "value", "reason_zh",
                                                                         "reason_en"])  # fmt: skip


# --- reading a file ----------------------------------------------------------------------------------------------


def column_role(header: str) -> str | None:
    key = normal_key(header)
    if any(mark in key for mark in REFERENCE_MARKS):
        return None  # the template's last-year column: shown for reference, never imported
    for role, keys in (
        ("region_code", REGION_CODE_HEADERS),
        ("region", REGION_HEADERS),
        ("indicator", INDICATOR_HEADERS),
        ("year", YEAR_HEADERS),
        ("target", TARGET_HEADERS),
        ("unit", UNIT_HEADERS),
    ):
        if key in keys:
            return role
    return None


def read_rows(data: bytes, file_name: str) -> tuple[list[RawTarget], bool, list[TargetProblem]]:
    """The file's data rows, whether it is a prefilled template (a reference column: blank targets are not set),
    and what stops it being read at all."""
    try:
        grid = read_grid(data, file_name)
    except FileRejected as rejected:
        return [], False, [from_ingest(rejected.problem)]
    for position, cells in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):
        roles: dict[str, int] = {}
        for index, cell in enumerate(cells):
            role = column_role(cell.text)
            if role and role not in roles:
                roles[role] = index
        if {"indicator", "year", "target"} <= set(roles) and roles.keys() & {"region", "region_code"}:
            prefilled = any(any(m in normal_key(c.text) for m in REFERENCE_MARKS) for c in cells)
            return body_rows(grid, position, cells, roles), prefilled, []
    return [], False, [problem(None, None, None, "no_header")]


def body_rows(grid, position: int, header: list[Cell], roles: dict[str, int]) -> list[RawTarget]:
    def cell(cells: list[Cell], role: str) -> tuple[str, Cell] | None:
        if role not in roles:
            return None
        index = roles[role]
        label = f"{column_letter(index)} · {header[index].text}"
        return label, cells[index] if index < len(cells) else Cell(None)

    rows = []
    for cells, number in zip(grid.rows[position + 1 :], grid.row_numbers[position + 1 :], strict=True):
        if all(c.blank for c in cells):
            continue
        region, code = cell(cells, "region"), cell(cells, "region_code")
        first = (code or region)[1].text
        if FOOTER_START.match(first) and not (cell(cells, "target")[1].text):
            continue  # 注：… / 填表人 … below the table
        columns = (cell(cells, "indicator"), cell(cells, "year"), cell(cells, "target"))
        rows.append(RawTarget(number, region or code, code, *columns))
    return rows


# --- checking ------------------------------------------------------------------------------------------------


@dataclass
class Checker:
    """What checking a target needs from the store, read once: regions, names, the catalogue, the home city."""

    store: Store
    catalogue: pd.DataFrame | None = None  # indexed by id; the stored catalogue unless given (a config import's)

    def __post_init__(self):
        context = build_context(self.store, dt.date.today())
        self.resolver, self.names = context.resolver, context.names
        if self.catalogue is None:
            self.catalogue = context.catalogue
        self.indicator_names = IndicatorNames(self.catalogue)
        self.home = read_settings(self.store).home
        self.last_year = dt.date.today().year + YEARS_AHEAD

    def region(self, row: int, column: str, text: str) -> tuple[str | None, TargetProblem | None]:
        result = self.resolver.resolve(text)
        if result.status == "ambiguous" and self.home:  # 朝阳区 in a federation of 长春 is 长春's
            for scope in (self.home, self.resolver.parent(self.home)):
                narrowed = self.resolver.resolve(text, within=scope) if scope else result
                if narrowed.status == "ok":
                    return narrowed.adcode, None
        if result.status == "ok":
            return result.adcode, None
        if result.status == "ambiguous":
            listed = "、".join(f"{self.names.get(c, c)}（{c}）" for c in result.candidates)
            return None, from_ingest(Problem("ambiguous_region", row, column, text, {"candidates": listed}))
        hint = ("请写地区全称、简称或 6 位行政区划代码。", "Write the full or short name, or the 6-digit code.")
        return None, from_ingest(Problem("unknown_region", row, column, text, {"hint": hint}))

    def indicator(self, row: int, column: str, text: str) -> tuple[str | None, TargetProblem | None]:
        found = self.indicator_names.find(text) or self.indicator_names.find(split_unit(text)[0])
        if found is None:
            close = self.indicator_names.suggest(text)
            hint = (f"是否为：{'、'.join(close)}？", f"Did you mean: {', '.join(close)}?") if close else ("", "")
            return None, from_ingest(Problem("unknown_indicator", row, column, text, {"hint": hint}))
        if self.catalogue.loc[found].get("status", "active") == "retired":
            return None, problem(row, column, text, "retired_indicator")
        return found, None

    def year(self, row: int, column: str, cell: Cell) -> tuple[int | None, TargetProblem | None]:
        text = cell.text.removesuffix("年").strip()
        try:
            reading = read_number(text if text else None)
        except NotANumber:
            reading = None
        if reading is None or reading.value != int(reading.value):
            return None, problem(row, column, cell.text, "bad_year")
        year = int(reading.value)
        if not FIRST_YEAR <= year <= self.last_year:
            return None, problem(row, column, cell.text, "year_out_of_range", first=FIRST_YEAR, last=self.last_year)
        return year, None

    def target(self, row: int, column: str, cell: Cell, indicator: str | None) -> tuple[float | None, list]:
        try:
            reading = read_number(cell.value if not isinstance(cell.value, str) else cell.text)
        except NotFinite:
            return None, [problem(row, column, cell.text, "not_finite")]
        except NotANumber:
            return None, [problem(row, column, cell.text, "not_a_number")]
        if reading is None:
            return None, [problem(row, column, cell.text, "missing_target")]
        value, found = reading.value, []
        ind = self.catalogue.loc[indicator] if indicator else None
        is_rate = ind is not None and (ind["kind"] == "rate" or ind["unit"] == "%")
        if reading.percent and ind is not None and not is_rate:
            found.append(problem(row, column, cell.text, "percent_not_rate"))
        if value < 0:
            found.append(problem(row, column, cell.text, "negative"))
        elif abs(value) > MAX_VALUE:
            found.append(problem(row, column, cell.text, "too_large", limit=f"{MAX_VALUE:.0e}"))
        elif is_rate and value > 100:
            found.append(problem(row, column, cell.text, "rate_over_100"))
        elif ind is not None and ind["kind"] in WHOLE_KINDS and value != int(value):
            found.append(problem(row, column, cell.text, "not_whole"))
        return (None if found else value), found

    def check(self, rows: list[RawTarget], prefilled: bool = False) -> tuple[pd.DataFrame, list[TargetProblem]]:
        """Every row's target, or its problems; then the rows that name a target twice."""
        good, problems, first_row = [], [], {}
        for raw in rows:
            if prefilled and raw.target[1].blank:
                continue  # a template row left for someone else to fill
            found = []
            region_column, region_cell = raw.region_code if raw.region_code and not raw.region_code[1].blank \
                else raw.region  # fmt: skip
            region, trouble = self.region(raw.row, region_column, region_cell.text)
            found.append(trouble)
            indicator, trouble = self.indicator(raw.row, raw.indicator[0], raw.indicator[1].text)
            found.append(trouble)
            year, trouble = self.year(raw.row, raw.year[0], raw.year[1])
            found.append(trouble)
            target, troubles = self.target(raw.row, raw.target[0], raw.target[1], indicator)
            found += troubles
            found = [f for f in found if f is not None]
            if not found:
                key = (region, indicator, year)
                if key in first_row:
                    found.append(problem(raw.row, region_column, region_cell.text, "duplicate", first=first_row[key]))
                else:
                    first_row[key] = raw.row
                    good.append((region, indicator, year, target, raw.row))
            problems += found
        return pd.DataFrame(good, columns=[*COLUMNS, "row"]), problems


def changes(store: Store, targets: pd.DataFrame) -> pd.DataFrame:
    """Each checked target beside the stored one: added, changed or unchanged."""
    stored = [
        store.query("targets", regions=sorted(set(group.region)), year=int(year)) for year, group in
        targets.groupby("year")
    ]  # fmt: skip
    before = pd.concat(stored) if stored else pd.DataFrame(columns=[*COLUMNS, "region_name"])
    before = before.rename(columns={"target": "before"})[[*KEY, "before"]]
    merged = targets.merge(before, on=KEY, how="left")
    merged["status"] = "changed"
    merged.loc[merged.before.isna(), "status"] = "added"
    merged.loc[merged.before == merged.target, "status"] = "unchanged"
    names = store.query("region_names", adcodes=sorted(set(targets.region)))
    merged["region_name"] = merged.region.map(dict(zip(names.adcode, names.name_zh, strict=True)))
    return merged[["region", "region_name", "indicator", "year", "before", "target", "status"]]


def check_targets(store: Store, data: bytes, file_name: str) -> TargetsCheck:
    """A targets file read and checked against the store (nothing written)."""
    rows, prefilled, problems = read_rows(data, file_name)
    if problems:
        return TargetsCheck(pd.DataFrame(columns=[*COLUMNS, "row"]), problems)
    targets, problems = Checker(store).check(rows, prefilled)
    if not problems and targets.empty:
        problems = [problem(None, None, None, "no_targets")]
    if problems:
        return TargetsCheck(targets, problems)
    return TargetsCheck(targets, [], changes(store, targets))


@dataclass(frozen=True)
class TypedTarget:
    """One target as typed on the targets page, not yet checked: a region (code or name), an indicator, a year and
    the value as text (read like a file's cell: 85%, 1,200)."""

    region: str
    indicator: str
    year: int
    target: str | None


def check_one(store: Store, typed: TypedTarget) -> TargetsCheck:
    """One target typed in a form, through the same checks as a file's row."""
    region, indicator, year, target = typed.region, typed.indicator, typed.year, typed.target
    labels = words("tgt.", "zh")
    raw = RawTarget(
        1,
        (labels["col_region"], Cell(str(region))),
        None,
        (labels["col_indicator"], Cell(str(indicator))),
        (labels["col_year"], Cell(str(year))),
        (labels["col_target"], Cell(None if target is None else str(target))),
    )
    targets, problems = Checker(store).check([raw])
    if problems:
        return TargetsCheck(targets, problems)
    return TargetsCheck(targets, [], changes(store, targets))


# --- storing -------------------------------------------------------------------------------------------------


def store_targets(cur, targets: pd.DataFrame) -> None:
    """Inside a writing transaction: add or change these targets (others stay) and republish."""
    cur.register("incoming_targets", targets[COLUMNS])
    cur.execute(load_query("write/upsert_targets"))
    cur.unregister("incoming_targets")
    bump_data_version(cur, figures=False)  # targets change no figure


def commit_checked(
    db: Path, user: str | None, check, what: str, address: str | None = None, secrets_users=None
) -> TargetsCheck:
    """Authorise `user`, check again under the writer's lock (the store may have changed since the preview) and
    store the targets in one transaction with their audit entry. TargetsRejected when any problem remains."""
    with writer(db) as store:
        actor = permit(store, user, "targets", secrets_users, address=address)
        checked = check(store)
        if not checked.ok:
            raise TargetsRejected(checked.problems)
        if checked.count("added") + checked.count("changed") == 0:
            return checked  # loaded again: nothing to write, no new version for readers
        with store.transaction() as cur:
            store_targets(cur, checked.targets)
            audit(cur, actor.name, "targets", what, checked.summary(), address)
    return checked


def dry_run_targets(db: Path, data: bytes, file_name: str, user: str | None, secrets_users=None) -> TargetsCheck:
    """A targets file checked as `user` may write it, against the published figures; nothing is stored."""
    store = replica(db).current()
    authorize(store, user, "targets", secrets_users)
    checked = check_targets(store, data, file_name)
    if not checked.ok:
        raise TargetsRejected(checked.problems)
    return checked


def import_targets(
    db: Path, data: bytes, file_name: str, user: str | None, address: str | None = None, secrets_users=None
) -> TargetsCheck:
    """A targets file checked and stored, all or nothing."""
    check = lambda store: check_targets(store, data, file_name)  # noqa: E731
    return commit_checked(db, user, check, file_name, address, secrets_users)


def save_target(db: Path, typed: TypedTarget, user: str | None, address=None, secrets_users=None) -> TargetsCheck:
    """One target typed on the targets page, checked like a file's row and stored."""
    what = f"{typed.region} {typed.indicator} {typed.year}"
    check = lambda store: check_one(store, typed)  # noqa: E731
    return commit_checked(db, user, check, what, address, secrets_users)


# --- export --------------------------------------------------------------------------------------------------


def export_frame(store: Store, year: int | None = None) -> pd.DataFrame:
    """Stored targets as region_code, region_name, indicator, year, target (a plain decimal), for a CSV."""
    frame = store.query("all_targets", year=year)
    frame["target"] = frame["target"].map(plain_decimal)
    frame["year"] = frame["year"].astype(int)
    return frame[EXPORT_COLUMNS]
