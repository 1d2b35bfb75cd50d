"""Hand-over of a federation's set-up as one JSON file: settings, the indicator catalogue, validation rules (where
the database has them), custom benchmark sets and targets — never accounts or passwords. A provincial federation
exports its set-up once and every city imports it into its own database.

Import is all or nothing: every section is checked (by the same checks the catalogue, the set editor and the
targets import use) before anything is written, and the whole file is stored in one transaction with one audit
entry. The catalogue-like sections are table-driven (TABLE_SECTIONS): a table a later release adds is one entry
there and one write query, and its rows travel with every column the table has.
"""

import datetime as dt
import json
import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from unionbench import catalogue_edit, names
from unionbench.audit import audit
from unionbench.custom_sets import SetDraft, draft_problems, write_set
from unionbench.i18n import words
from unionbench.ingest.parse import Cell, check_size
from unionbench.ingest.problems import FileRejected
from unionbench.permissions import authorize, permit
from unionbench.rules import rule_problems
from unionbench.settings import KEYS, SettingRefused, parse_value
from unionbench.store import Store, bump_data_version, load_query, replica, writer
from unionbench.target_import import COLUMNS as TARGET_COLUMNS
from unionbench.target_import import Checker, RawTarget, TargetProblem, export_frame

FORMAT, VERSION = "unionbench-config", 1


@dataclass(frozen=True)
class TableSection:
    """A section that is a whole table, row for row: its name in the file, the table, its key, the write query
    (which reads the registered frame incoming_rows) and how its rows are checked beside the stored ones."""

    name: str
    table: str
    key: str | None
    write: str
    check: str  # the name of a checker below


TABLE_SECTIONS = (
    TableSection("indicators", "indicators", "id", "write/config_indicators", "catalogue"),
    TableSection("validation_rules", "validation_rules", None, "write/config_validation_rules", "rules"),
)


class ConfigRejected(ValueError):
    """A configuration file that cannot be imported as it is; nothing was written."""

    def __init__(self, problems: list[TargetProblem]):
        super().__init__("; ".join(p.line() for p in problems[:20]))
        self.problems = problems


def problem(code: str, value=None, **values) -> TargetProblem:
    """A problem in both languages; a value given as a (zh, en) pair is worded in each language's own."""
    zh, en = (
        words("cfg.", lang)[code].format(
            value=value, **{k: v[pick] if isinstance(v, tuple) else v for k, v in values.items()}
        )
        for pick, lang in enumerate(("zh", "en"))
    )
    return TargetProblem(None, values.get("section"), None if value is None else str(value), zh, en)


# --- export --------------------------------------------------------------------------------------------------


def table_columns(store: Store, table: str) -> pd.DataFrame:
    """The table's columns (column_name, data_type, is_nullable, column_default) and, for a table with stored
    names, its English text columns as the file carries them (stored as translation rows); empty when there is no
    table."""
    columns = store.query("table_columns", table=table)
    english = names.english_columns(table)
    if columns.empty or not english:
        return columns
    texts = pd.DataFrame({"column_name": english, "data_type": "VARCHAR", "is_nullable": False, "column_default": None})
    return pd.concat([columns, texts], ignore_index=True)


def section_rows(store: Store, table: str) -> pd.DataFrame:
    """Every row of a set-up table with every column, the English texts beside the Chinese ones."""
    return names.with_english(store, table, store.query("table_rows", table=table))


def plain(value):
    """A cell as JSON holds it: None for a missing value, Python numbers and booleans, text for anything else."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, bool | int | float | str):
        return value
    return str(value)


def records(frame: pd.DataFrame) -> list[dict]:
    return [{column: plain(value) for column, value in row.items()} for row in frame.to_dict("records")]


def export_config(store: Store) -> dict:
    """The set-up as a JSON-ready dict (see the module's docstring for what it holds and never holds)."""
    config = {"format": FORMAT, "version": VERSION, "exported_at": dt.datetime.now().isoformat(timespec="seconds")}
    config["settings"] = {key: value for key in KEYS if (value := store.scalar("setting", key=key)) is not None}
    for section in TABLE_SECTIONS:
        if not table_columns(store, section.table).empty:
            config[section.name] = records(section_rows(store, section.table))
    sets = store.query("benchmark_sets")
    config["benchmark_sets"] = [
        {"id": row.id, "name_zh": row.name_zh, "name_en": row.name_en, "member_rule": row.member_rule,
         "members": list(store.query("benchmark_members", set_id=row.id)["adcode"])}
        for row in sets[sets["source"] == "custom"].itertuples()
    ]  # fmt: skip
    targets = export_frame(store)
    config["targets"] = [
        {"region": r.region_code, "indicator": r.indicator, "year": int(r.year), "target": float(r.target)}
        for r in targets.itertuples()
    ]
    return config


def config_json(store: Store) -> str:
    return json.dumps(export_config(store), ensure_ascii=False, indent=1)


# --- reading and checking ------------------------------------------------------------------------------------


@dataclass
class Plan:
    """What an import would write, section by section, once every check passed."""

    settings: dict
    tables: dict[str, pd.DataFrame]
    sets: list[SetDraft]
    targets: pd.DataFrame

    def summary(self) -> str:
        parts = [f"settings {len(self.settings)}"]
        parts += [f"{name} {len(frame)}" for name, frame in self.tables.items()]
        parts += [f"benchmark_sets {len(self.sets)}", f"targets {len(self.targets)}"]
        return ", ".join(parts)


def parse_config(data: bytes) -> dict:
    """The file as a dict, or ConfigRejected: too large, not JSON, not ours, or a version this release can't read."""
    try:
        check_size(len(data))
    except FileRejected as rejected:
        raise ConfigRejected([from_file(rejected)]) from None
    try:
        config = json.loads(data.decode("utf-8-sig"), parse_constant=reject_constant)
    except (UnicodeDecodeError, ValueError) as error:
        raise ConfigRejected([problem("bad_json", str(error)[:200])]) from None
    if not isinstance(config, dict) or config.get("format") != FORMAT or "version" not in config:
        raise ConfigRejected([problem("not_config")])
    if config["version"] != VERSION or isinstance(config["version"], bool):
        raise ConfigRejected([problem("bad_version", config["version"], known=VERSION)])
    return config


def reject_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def from_file(rejected: FileRejected) -> TargetProblem:
    found = rejected.problem
    return TargetProblem(None, None, None, found.message("zh"), found.message("en"))


def section_list(config: dict, name: str, problems: list) -> list[dict]:
    entries = config.get(name, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        problems.append(problem("bad_section", name, expected="[{…}, …]"))
        return []
    return entries


TYPE_CHECKS = {
    "BOOLEAN": lambda v: isinstance(v, bool),
    "INTEGER": lambda v: isinstance(v, int) and not isinstance(v, bool) and abs(v) < 2**31,
    "BIGINT": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "DOUBLE": lambda v: isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v),
    "VARCHAR": lambda v: isinstance(v, str),
}


def table_rows(store: Store, section: TableSection, entries: list[dict], problems: list) -> pd.DataFrame:
    """The section's entries as rows of its table, each cell checked against the column's type and nullability."""
    columns = table_columns(store, section.table).set_index("column_name")
    for number, entry in enumerate(entries, start=1):
        for column, value in entry.items():
            if column not in columns.index:
                problems.append(problem("unknown_column", column, section=section.name, row=number))
                continue
            kind, nullable = columns.at[column, "data_type"], columns.at[column, "is_nullable"]
            fits = TYPE_CHECKS.get(kind, lambda v: isinstance(v, str | int | float | bool))
            if (value is None and not nullable) or (value is not None and not fits(value)):
                problems.append(problem("bad_cell", value, section=section.name, row=number, column=column))
        for column in columns.index[~columns.is_nullable & columns.column_default.isna()]:
            if column not in entry:
                problems.append(problem("missing_key", column, section=section.name, row=number))
    frame = pd.DataFrame(entries, columns=[c for c in columns.index if any(c in e for e in entries)])
    if section.key and section.key in frame and frame[section.key].duplicated().any():
        for value in sorted(set(frame.loc[frame[section.key].duplicated(), section.key])):
            problems.append(problem("duplicate_key", value, section=section.name))
    return frame


def merged_catalogue(store: Store, incoming: pd.DataFrame) -> pd.DataFrame:
    """The stored catalogue with the incoming indicators added or replacing theirs, as catalog's checks read it."""
    stored = store.query("indicator_catalogue")
    if incoming.empty:
        return stored
    kept = stored[~stored["id"].isin(incoming["id"])]
    merged = pd.concat([kept, incoming.reindex(columns=stored.columns)], ignore_index=True)
    return merged.sort_values("sort_order", kind="stable").reset_index(drop=True)


def as_file_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """A section's typed rows as the text cells of a catalogue or rules file (flags 1/0), numbered from 1, so a
    config is checked by exactly the checks a file gets."""

    rows = frame.astype(object).map(catalogue_edit.shown)
    return rows.assign(row=range(1, len(rows) + 1))


def check_catalogue(store: Store, frame: pd.DataFrame, plan_tables: dict) -> list[TargetProblem]:
    """`unionbench indicators import`'s checks: each row, the whole catalogue, and no unit or kind changed under
    stored figures."""
    _, _, found = catalogue_edit.check_catalogue(store, as_file_rows(frame))
    return [as_problem(problem, "catalogue") for problem in found]


def check_rules(store: Store, frame: pd.DataFrame, plan_tables: dict) -> list[TargetProblem]:
    """`unionbench rules import`'s checks, against the catalogue this config leaves in place."""
    if frame.empty:
        return []
    catalogue = merged_catalogue(store, plan_tables.get("indicators", pd.DataFrame()))
    indicators = set(catalogue["id"])
    return [as_problem(problem, "rules") for problem in rule_problems(as_file_rows(frame), indicators)]


CHECKS = {"catalogue": check_catalogue, "rules": check_rules}


def as_problem(found, code: str) -> TargetProblem:
    """A catalogue or rules problem (a sentence, or an object with .zh and .en) as one of ours."""
    if isinstance(found, TargetProblem):
        return found
    zh, en = getattr(found, "zh", None), getattr(found, "en", None)
    if zh and en:
        zh, en = (words("cfg.", lang)[code].format(value=text) for lang, text in (("zh", zh), ("en", en)))
        return TargetProblem(getattr(found, "row", None), getattr(found, "column", None), getattr(found, "value", None),
                             zh, en)  # fmt: skip
    return problem(code, str(found))


def check_settings(store: Store, settings, set_ids: set[str], problems: list) -> dict:
    """The settings this release knows, each checked: home a city, benchmark a set, reference a rule or region,
    deadline_days 0–366."""
    if not isinstance(settings, dict):
        problems.append(problem("bad_section", "settings", expected="{key: value}"))
        return {}
    known_sets = set(store.query("benchmark_sets")["id"]) | set_ids
    good = {}
    for key, value in settings.items():
        text = str(value) if isinstance(value, str | int) and not isinstance(value, bool) else None
        if key not in KEYS:
            problems.append(problem("unknown_setting", key))
            continue
        if text is None or not setting_ok(store, key, text, known_sets):
            problems.append(problem("bad_setting", value, key=key))
            continue
        good[key] = text
    return good


def setting_ok(store: Store, key: str, text: str, known_sets: set[str]) -> bool:
    """What `unionbench settings KEY VALUE` stores as it is (settings.parse_value), or a set this config brings."""
    if key == "benchmark" and text in known_sets:
        return True
    try:
        return parse_value(store, key, text) == text
    except SettingRefused:
        return False


def check_sets(store: Store, entries: list[dict], problems: list) -> list[SetDraft]:
    existing = store.query("benchmark_sets").set_index("id")
    drafts, seen = [], set()
    for entry in entries:
        members = entry.get("members")
        set_id = str(entry.get("id", ""))
        if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
            problems.append(problem("bad_section", "benchmark_sets", expected="members: [adcode, …]"))
            continue
        fields = [entry.get(k) for k in ("name_zh", "name_en")]
        draft = SetDraft(set_id, *(str(f or "").strip() for f in fields), tuple(members),
                         str(entry.get("member_rule", "pooled")))  # fmt: skip
        if set_id in seen:
            problems.append(problem("duplicate_key", set_id, section="benchmark_sets"))
        seen.add(set_id)
        editing = set_id in existing.index and existing.at[set_id, "source"] == "custom"
        for found in draft_problems(store, draft, editing):
            problems.append(problem("set", found.value, set=set_id, reason=(found.zh, found.en)))
        drafts.append(draft)
    return drafts


def check_targets(store: Store, entries: list[dict], catalogue: pd.DataFrame, problems: list) -> pd.DataFrame:
    """Targets through the targets import's own row checks, against the catalogue as it will be."""
    rows = []
    for number, entry in enumerate(entries, start=1):
        missing = [c for c in TARGET_COLUMNS if c not in entry]
        if missing:
            problems += [problem("missing_key", c, section="targets", row=number) for c in missing]
            continue
        cells = {c: (c, Cell(entry[c])) for c in TARGET_COLUMNS}
        rows.append(RawTarget(number, cells["region"], None, cells["indicator"], cells["year"], cells["target"]))
    targets, found = Checker(store, catalogue.set_index("id", drop=False)).check(rows)
    problems += [problem("target", p.value, row=p.row, reason=(p.zh, p.en)) for p in found]
    return targets


def plan_import(store: Store, config: dict) -> Plan:
    """Every section checked against the store; ConfigRejected naming every problem, else what would be written."""
    problems: list[TargetProblem] = []
    tables: dict[str, pd.DataFrame] = {}
    for section in TABLE_SECTIONS:
        if section.name not in config:
            continue
        entries = section_list(config, section.name, problems)
        if table_columns(store, section.table).empty:
            if entries:
                problems.append(problem("no_table", section.name, section=section.name))
            continue
        frame = table_rows(store, section, entries, problems)
        if not problems:
            problems += CHECKS[section.check](store, frame, tables)
        tables[section.name] = frame
    sets = check_sets(store, section_list(config, "benchmark_sets", problems), problems)
    settings = check_settings(store, config.get("settings", {}), {d.id for d in sets}, problems)
    catalogue = merged_catalogue(store, tables.get("indicators", pd.DataFrame()))
    targets = check_targets(store, section_list(config, "targets", problems), catalogue, problems)
    if problems:
        raise ConfigRejected(problems)
    return Plan(settings, tables, sets, targets)


# --- import --------------------------------------------------------------------------------------------------


def write_plan(cur, plan: Plan, user: str) -> None:
    for key, value in plan.settings.items():
        cur.execute(load_query("write/set_setting"), {"key": key, "value": value})
    for section in TABLE_SECTIONS:
        frame = plan.tables.get(section.name)
        if frame is None:
            continue
        names.register(cur, "incoming_rows", section.table, frame)
        cur.execute(load_query(section.write))
        cur.unregister("incoming_rows")
    for draft in plan.sets:
        write_set(cur, draft, user, first_sort=1000)
    if not plan.targets.empty:
        cur.register("incoming_targets", plan.targets[TARGET_COLUMNS])
        cur.execute(load_query("write/upsert_targets"))
        cur.unregister("incoming_targets")


def import_config(
    db: Path, data: bytes, user: str | None, dry_run: bool = False, file_name: str = "config.json"
) -> Plan:
    """Check a configuration file and (unless `dry_run`) store all of it in one transaction, audited."""
    config = parse_config(data)
    if dry_run:
        store = replica(db).current()
        authorize(store, user, "config")
        return plan_import(store, config)
    with writer(db) as store:
        actor = permit(store, user, "config")
        plan = plan_import(store, config)
        with store.transaction() as cur:
            write_plan(cur, plan, actor.name)
            audit(cur, actor.name, "config_import", file_name, plan.summary())
            bump_data_version(cur)  # a changed catalogue can change what every figure is derived as
    return plan
