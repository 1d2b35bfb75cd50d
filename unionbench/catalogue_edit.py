"""The federation's own indicator catalogue: read a catalogue file (CSV in UTF-8 or GB18030, or XLSX, with the
columns of data/indicators.csv), check every row against the whole catalogue it would make, and add or change the
indicators in one audited transaction. The command line and the admin page both go through change_catalogue, so
they refuse the same things with the same words. No streamlit here.

A refusal names each problem by row, column, value and reason in Chinese and English and writes nothing."""

import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from unionbench import names
from unionbench.audit import audit
from unionbench.catalog import AGGREGATIONS, DIRECTIONS, KINDS
from unionbench.i18n import in_language, words
from unionbench.ingest.normalise import UNIT_WORDS
from unionbench.ingest.parse import Grid, read_grid
from unionbench.ingest.problems import FileRejected
from unionbench.permissions import permit
from unionbench.store import Store, bump_data_version, load_query, writer

# The columns of data/indicators.csv, in its order; `status` may be added (active unless given).
COLUMNS = [
    "id", "name_zh", "name_en", "group_id", "group_zh", "group_en", "unit", "unit_en", "kind", "direction",
    "aggregation", "numerator", "denominator", "stock_flow", "per_capita_base", "amber_band", "headline",
    "structural", "decimals", "sort_order", "description_zh", "description_en",
]  # fmt: skip
LIST_COLUMNS = [*COLUMNS, "status"]
STATUSES = ("active", "retired")
STOCK_FLOW = ("stock", "flow")
# A catalogue of a thousand indicators is ~400 kB; anything this large is not a catalogue and is refused by its size
# before a byte of it is read.
MAX_FILE_BYTES = 2_000_000
MAX_ROWS = 2_000
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
MAX_NAME, MAX_DESCRIPTION = 60, 500
# The unit each kind of figure is stored in (ingest converts 元, 家, 名 … to these: normalise.UNIT_WORDS).
STORED_UNITS = sorted({unit for unit, _ in UNIT_WORDS.values()})
UNITS_FOR_KIND = {"rate": {"%"}, "amount": {"万元"}, "people": {"人"}, "count": set(STORED_UNITS) - {"%", "万元", "人"}}
TEXT_COLUMNS = ("name_zh", "name_en", "group_zh", "group_en", "unit_en", "description_zh", "description_en")
SLUG_COLUMNS = ("id", "group_id")
# A definition stored figures are read by: changing it would silently reinterpret them.
FIXED_WITH_FIGURES = ("unit", "kind")
# Streamlit reads page text as Markdown: a link [text](address), a bare address or a script URL is never plain text.
MARKUP = re.compile(r"\]\s*\(|(?i:https?:|www\.|javascript:)")


@dataclass(frozen=True)
class CatalogueProblem:
    """Why a row cannot be stored: where (row as the file numbers it, column), the value and the reason."""

    row: int | None
    column: str
    value: str
    zh: str
    en: str

    def message(self, lang: str) -> str:
        return in_language(self.zh, self.en, lang)

    def line(self) -> str:
        where = f"第 {self.row} 行 row {self.row}, " if self.row is not None else ""
        return f"{where}{self.column} “{self.value}”: {self.zh} / {self.en}"

    def as_row(self) -> dict:
        return {"row": self.row, "column": self.column, "value": self.value, "reason_zh": self.zh,
                "reason_en": self.en}  # fmt: skip


class CatalogueRejected(ValueError):
    """Problems found before anything was written; nothing was."""

    def __init__(self, problems: list[CatalogueProblem]):
        super().__init__("; ".join(p.line() for p in problems[:5]))
        self.problems = problems


@dataclass
class CatalogueChange:
    """What an import did (or, dry, would do): ids added, ids changed with their old → new, ids unchanged."""

    added: list[str] = field(default_factory=list)
    changed: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    dry_run: bool = False


def problem(row, column: str, value, code: str, **values) -> CatalogueProblem:
    def filled(lang: str) -> str:  # a (zh, en) pair gives each language its own word
        return words("catx.", lang)[code].format(
            value=value, **{k: in_language(*v, lang) if isinstance(v, tuple) else v for k, v in values.items()}
        )

    zh, en = filled("zh"), filled("en")
    return CatalogueProblem(row, column, "" if value is None else str(value)[:80], zh, en)


# --- reading a file ----------------------------------------------------------------------------------------------


def read_catalogue_file(path: Path | str, limit: int = MAX_FILE_BYTES) -> pd.DataFrame:
    """The file's rows as text cells (plus `row`, its row number), refused by size before it is read."""
    return read_table_file(path, LIST_COLUMNS, limit)


def read_catalogue_bytes(data: bytes, file_name: str, limit: int = MAX_FILE_BYTES) -> pd.DataFrame:
    return read_table_bytes(data, file_name, LIST_COLUMNS, limit)


def too_large(name: str, size: int, limit: int) -> CatalogueRejected:
    return CatalogueRejected([problem(None, "file", name, "too_large", size=f"{size:,}", limit=f"{limit:,}")])


def read_table_file(
    path: Path | str, columns: list[str], limit: int = MAX_FILE_BYTES, max_rows: int = MAX_ROWS
) -> pd.DataFrame:
    """A catalogue, rules or names file on disk: its size is checked before a byte of it is read."""
    path = Path(path)
    size = os.stat(path).st_size
    if size > limit:
        raise too_large(path.name, size, limit)
    return read_table_bytes(path.read_bytes(), path.name, columns, limit, max_rows)


def read_table_bytes(
    data: bytes, file_name: str, columns: list[str], limit: int = MAX_FILE_BYTES, max_rows: int = MAX_ROWS
) -> pd.DataFrame:
    """Text cells in `columns` (plus `row`), read the way ingest reads a return: UTF-8 or GB18030 (sniffed), XLSX."""
    if len(data) > limit:
        raise too_large(file_name, len(data), limit)
    try:
        grid = read_grid(data, file_name)
    except FileRejected as rejected:
        found = rejected.problem
        reason = CatalogueProblem(found.row, "file", file_name, found.message("zh"), found.message("en"))
        raise CatalogueRejected([reason]) from None
    return grid_rows(grid, columns, max_rows)


def cell_text(cell) -> str:
    """A cell as written (no NFKC folding: a description keeps its full-width punctuation); 1.0 from Excel → '1'."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def grid_rows(grid: Grid, allowed: list[str], max_rows: int = MAX_ROWS) -> pd.DataFrame:
    """The first row as headers (each must be one of `allowed`; all but `status` required), the rest as rows."""
    if not grid.rows:
        raise CatalogueRejected([problem(None, "file", "", "empty")])
    header = [cell_text(c).lstrip("\ufeff").strip().lower() for c in grid.rows[0]]
    problems = []
    header_row = grid.row_numbers[0]
    for position, name in enumerate(header):
        if name and name not in allowed:
            problems.append(problem(header_row, f"#{position + 1}", name, "unknown_column", allowed=", ".join(allowed)))
        if name and header.count(name) > 1 and header.index(name) == position:
            problems.append(problem(header_row, name, name, "repeated_column"))
    required = [c for c in allowed if c != "status"]
    problems += [problem(header_row, c, "", "missing_column") for c in required if c not in header]
    if len(grid.rows) - 1 > max_rows:
        problems.append(problem(None, "file", len(grid.rows) - 1, "too_many_rows", limit=max_rows))
    if problems:
        raise CatalogueRejected(problems)
    records = []
    for number, cells in zip(grid.row_numbers[1:], grid.rows[1:], strict=True):
        texts = [cell_text(c) for c in cells]
        traps = [c.trap for c in cells]
        if not any(texts) and not any(traps):
            continue
        record = {"row": number}
        for position, name in enumerate(header):
            if not name:
                continue
            trap = traps[position] if position < len(traps) else None
            record[name] = ("=" + texts[position]) if trap and not texts[position].startswith("=") else (
                texts[position] if position < len(texts) else "")  # fmt: skip
        records.append(record)
    if not records:
        raise CatalogueRejected([problem(None, "file", "", "empty")])
    return pd.DataFrame(records, columns=["row", *[c for c in allowed if c in header]]).fillna("")


# --- checking ----------------------------------------------------------------------------------------------------


def plain_text_problem(row, column: str, value: str, limit: int) -> CatalogueProblem | None:
    """A name or message reaches pages (read as Markdown by Streamlit), Excel and terminals: plain text only."""
    if not value.strip():
        return problem(row, column, value, "empty_text")
    if len(value) > limit:
        return problem(row, column, value, "too_long", limit=limit)
    if value[0] in "=+-@":
        return problem(row, column, value, "formula")
    if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c in "\u200b\u202e\u2066\u2067\u2068\u2069" for c in value):
        return problem(row, column, value, "control")
    if "<" in value or ">" in value or MARKUP.search(value):
        return problem(row, column, value, "markup")
    return None


@dataclass(frozen=True)
class Allowed:
    """The numbers a column of the catalogue takes: from `low` to `high`, and only whole ones when `whole`."""

    low: float
    high: float
    whole: bool = False


# The numeric columns of the catalogue and what each takes.
NUMBERS = {
    "amber_band": Allowed(0.01, 100),
    "decimals": Allowed(0, 4, whole=True),
    "sort_order": Allowed(-1_000_000, 1_000_000, whole=True),
}


def number(row, column: str, value: str, problems: list) -> float | None:
    """The cell as a number within what its column takes (NUMBERS), or None with a problem naming it."""
    allowed = NUMBERS[column]
    low, high, whole = allowed.low, allowed.high, allowed.whole
    try:
        parsed = float(value)
    except ValueError:
        parsed = math.nan
    if not math.isfinite(parsed) or not low <= parsed <= high or (whole and not parsed.is_integer()):
        kind = ("整数", "a whole number") if whole else ("数", "a number")
        problems.append(problem(row, column, value, "bad_number", low=f"{low:g}", high=f"{high:g}", whole=kind))
        return None
    return parsed


def typed_rows(rows: pd.DataFrame, problems: list) -> pd.DataFrame:
    """The file's text cells as the indicators table's columns (numbers and flags), each bad cell a problem."""
    typed = []
    for record in rows.to_dict("records"):
        r = record["row"]
        out = {c: str(record.get(c, "") or "").strip() for c in COLUMNS}
        out["status"] = str(record.get("status", "") or "").strip() or "active"
        for column in NUMBERS:
            out[column] = number(r, column, out[column], problems)
        for flag in ("headline", "structural"):
            if out[flag] not in ("0", "1"):
                problems.append(problem(r, flag, out[flag], "bad_flag"))
            out[flag] = out[flag] == "1"
        for optional in ("numerator", "denominator", "per_capita_base"):
            out[optional] = out[optional] or None
        out["row"] = r
        typed.append(out)
    frame = pd.DataFrame(typed)
    for column in ("decimals", "sort_order"):
        frame[column] = frame[column].astype("Int64")
    return frame


def records(frame: pd.DataFrame) -> list[dict]:
    """The rows as dicts with None (not NaN) for an empty cell."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def row_problems(row: dict) -> list[CatalogueProblem]:
    """What one row gets wrong on its own: slugs, plain-text names, the enumerations, the unit for its kind."""
    r, problems = row["row"], []
    for column in SLUG_COLUMNS:
        if not ID_PATTERN.match(row[column]):
            problems.append(problem(r, column, row[column], "bad_slug"))
    for column in TEXT_COLUMNS:
        found = plain_text_problem(r, column, row[column], MAX_DESCRIPTION if "description" in column else MAX_NAME)
        if found:
            problems.append(found)
    for column, allowed in (("kind", KINDS), ("direction", DIRECTIONS), ("aggregation", AGGREGATIONS),
                            ("stock_flow", STOCK_FLOW), ("status", STATUSES)):  # fmt: skip
        if row[column] not in allowed:
            problems.append(problem(r, column, row[column], "not_one_of", allowed=" / ".join(sorted(allowed))))
    if row["kind"] in UNITS_FOR_KIND and row["unit"] not in UNITS_FOR_KIND[row["kind"]]:
        units = " / ".join(sorted(UNITS_FOR_KIND[row["kind"]]))
        problems.append(problem(r, "unit", row["unit"], "unit_for_kind", kind=row["kind"], units=units))
    if row["aggregation"] == "ratio" and row["kind"] != "rate":
        problems.append(problem(r, "kind", row["kind"], "ratio_is_rate"))
    if row["aggregation"] == "sum":
        for column in ("numerator", "denominator"):
            if row[column]:
                problems.append(problem(r, column, row[column], "sum_has_parts"))
    if row["structural"] and (row["aggregation"] != "sum" or row["kind"] == "rate"):
        problems.append(problem(r, "structural", "1", "structural_sum"))
    return problems


def cycle_through(start: str, parts: Mapping[str, tuple[str, ...]]) -> list[str] | None:
    """The path back to `start` through numerators and denominators, if its definition reaches itself."""
    stack, seen = [(start, [start])], set()
    while stack:
        node, path = stack.pop()
        for part in parts.get(node, ()):
            if part == start:
                return [*path, start]
            if part not in seen:
                seen.add(part)
                stack.append((part, [*path, part]))
    return None


def whole_catalogue_problems(merged: pd.DataFrame, incoming_ids: set[str]) -> list[CatalogueProblem]:
    """What the rows get wrong together, on the catalogue they would make: parts and bases that exist, are summed
    and active, and no definition that comes back to itself."""
    problems = []
    by_id = {row["id"]: row for row in records(merged)}
    parts = {
        i: tuple(p for p in (row["numerator"], row["denominator"]) if p)
        for i, row in by_id.items()
        if row["aggregation"] in ("ratio", "difference")
    }
    for i in sorted(incoming_ids, key=lambda x: by_id[x]["row"] or 0):
        row = by_id[i]
        r = row["row"]
        if row["aggregation"] in ("ratio", "difference"):
            cycle = cycle_through(i, parts)
            if cycle:
                problems.append(problem(r, "numerator", row["numerator"], "cycle", path=" → ".join(cycle)))
                continue
            for column in ("numerator", "denominator"):
                part = row[column]
                if not part:
                    problems.append(problem(r, column, "", "part_missing", aggregation=row["aggregation"]))
                elif part not in by_id:
                    problems.append(problem(r, column, part, "unknown_indicator"))
                elif by_id[part]["aggregation"] != "sum":
                    problems.append(problem(r, column, part, "part_not_summed"))
                elif row["status"] == "active" and by_id[part]["status"] == "retired":
                    problems.append(problem(r, column, part, "uses_retired"))
        base = row["per_capita_base"]
        if base:
            if base not in by_id:
                problems.append(problem(r, "per_capita_base", base, "unknown_indicator"))
            elif base == i or by_id[base]["aggregation"] != "sum":
                problems.append(problem(r, "per_capita_base", base, "base_not_summed"))
            elif row["status"] == "active" and by_id[base]["status"] == "retired":
                problems.append(problem(r, "per_capita_base", base, "uses_retired"))
        if row["status"] == "retired":
            users = [
                other
                for other, o in by_id.items()
                if o["status"] == "active" and i in (o["numerator"], o["denominator"], o["per_capita_base"])
            ]
            if users:
                problems.append(problem(r, "status", "retired", "still_used", users=", ".join(sorted(users))))
    return problems


def existing_catalogue(store: Store) -> pd.DataFrame:
    current = store.query("indicator_catalogue")
    current = current.assign(status=current["status"].fillna("active")) if "status" in current else current
    return current[LIST_COLUMNS].astype(object).where(current[LIST_COLUMNS].notna(), None)


def shown(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def check_catalogue(store: Store, rows: pd.DataFrame) -> tuple[pd.DataFrame, CatalogueChange, list]:
    """The rows typed, what they change, and every problem (empty when they may be stored)."""
    problems: list[CatalogueProblem] = []
    typed = typed_rows(rows, problems)
    for record in records(typed):
        problems += row_problems(record)
    seen: dict[str, int] = {}
    for record in records(typed):
        if record["id"] in seen:
            problems.append(problem(record["row"], "id", record["id"], "duplicate", first=seen[record["id"]]))
        else:
            seen[record["id"]] = record["row"]
    change = CatalogueChange()
    if problems:
        return typed, change, problems
    current = existing_catalogue(store)
    before = {row["id"]: row for row in records(current)}
    figures = dict(store.query("indicator_figure_counts").itertuples(index=False, name=None))
    for record in records(typed):
        old = before.get(record["id"])
        if old is None:
            change.added.append(record["id"])
            continue
        diffs = [(c, shown(old[c]), shown(record[c])) for c in LIST_COLUMNS if shown(old[c]) != shown(record[c])]
        if not diffs:
            change.unchanged.append(record["id"])
            continue
        change.changed[record["id"]] = diffs
        if figures.get(record["id"], 0):
            for column, was, now in diffs:
                if column in FIXED_WITH_FIGURES:
                    problems.append(problem(record["row"], column, now, "has_figures", was=was,
                                            figures=f"{figures[record['id']]:,}"))  # fmt: skip
    merged = pd.concat([current[~current["id"].isin(typed["id"])].assign(row=None), typed], ignore_index=True).astype(
        object
    )
    merged = merged.where(merged.notna(), None)
    problems += whole_catalogue_problems(merged, set(typed["id"]))
    return typed, change, problems


# --- writing -----------------------------------------------------------------------------------------------------


def change_catalogue(
    db: Path,
    rows: pd.DataFrame,
    user: str,
    dry_run: bool = False,
    secrets_users: Mapping[str, str] | None = None,
    action: str = "indicator",
) -> CatalogueChange:
    """Check `rows` (text cells in the catalogue's columns, `row` numbering them) against the whole catalogue and,
    unless `dry_run`, add or change them in one transaction, each changed definition audited (who, old → new).
    PermissionRefused when `user` may not edit the catalogue; CatalogueRejected naming every problem."""
    with writer(Path(db)) as store:
        actor = permit(store, user, "catalogue", secrets_users)
        typed, change, problems = check_catalogue(store, rows)
        if problems:
            raise CatalogueRejected(problems)
        change.dry_run = dry_run
        if dry_run or not (change.added or change.changed):
            return change
        stored = typed[typed["id"].isin(change.added + list(change.changed))].drop(columns="row")
        with store.transaction() as cur:
            names.register(cur, "incoming_indicators", "indicators", stored)
            cur.execute(load_query("write/upsert_indicators"))
            cur.unregister("incoming_indicators")
            for indicator in change.added:
                name = typed.loc[typed["id"] == indicator, "name_zh"].iloc[0]
                audit(cur, actor.name, f"{action}_add", indicator, f"name_zh: {name}")
            for indicator, diffs in change.changed.items():
                detail = "; ".join(f"{c}: {was} → {now}" for c, was, now in diffs)
                retiring = [d for d in diffs if d[0] == "status" and d[2] == "retired"]
                audit(cur, actor.name, f"{action}_retire" if retiring else f"{action}_change", indicator, detail[:2000])
            bump_data_version(cur)  # a definition changes how figures roll up and compare: recompute them
        return change


def retire_indicator(
    db: Path, indicator: str, user: str, secrets_users: Mapping[str, str] | None = None
) -> CatalogueChange:
    """Hide an indicator from templates, pickers and tiles while its figures stay: its row with status retired,
    through the same checks (an indicator another active one is built on cannot be retired)."""
    with writer(Path(db)) as store:
        current = existing_catalogue(store)
    found = current[current["id"] == indicator]
    if found.empty:
        raise CatalogueRejected([problem(None, "id", indicator, "unknown_indicator")])
    row = {c: shown(v) for c, v in found.iloc[0].items()} | {"status": "retired", "row": None}
    return change_catalogue(db, pd.DataFrame([row]), user, secrets_users=secrets_users)


def catalogue_listing(store: Store) -> pd.DataFrame:
    """The catalogue as `unionbench indicators list` prints it: the columns of data/indicators.csv plus status, with
    flags as 1/0 and empty cells empty, so the listing is itself an importable catalogue file."""
    current = existing_catalogue(store)
    return pd.DataFrame({c: [shown(v) for v in current[c]] for c in LIST_COLUMNS})


def text_rows(rows: list[dict]) -> pd.DataFrame:
    """Rows typed in an editor (column → text) as change_catalogue takes them, numbered from 1."""
    return pd.DataFrame([{"row": n, **{c: shown(r.get(c)) for c in LIST_COLUMNS}} for n, r in enumerate(rows, 1)])


def retired_ids(store: Store) -> set[str]:
    current = store.query("indicator_catalogue")
    return set(current.loc[current["status"] == "retired", "id"]) if "status" in current else set()
