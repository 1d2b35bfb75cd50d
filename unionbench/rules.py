"""Validation rules as data (the way DHIS2 keeps them): `left operator right`, each side an indicator id or a sum of
ids, with a severity (an error refuses a file, a warning is shown) and a message in both languages. Ingest and
submissions judge figures by them (ingest.validate.rule_problems); the methodology page lists them. Imported through
one checked, audited function for the command line and the admin page. No streamlit here."""

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from unionbench import names
from unionbench.audit import audit
from unionbench.catalogue_edit import (
    ID_PATTERN,
    MAX_FILE_BYTES,
    CatalogueProblem,
    CatalogueRejected,
    plain_text_problem,
    problem,
    read_table_bytes,
    read_table_file,
)
from unionbench.ingest.validate import OPERATORS, rule_side
from unionbench.permissions import permit
from unionbench.store import Store, bump_data_version, load_query, writer

RULE_COLUMNS = ["id", "left_side", "operator", "right_side", "severity", "message_zh", "message_en", "status"]
SEVERITIES = ("error", "warning")
MAX_MESSAGE = 200


def rules_listing(store: Store) -> pd.DataFrame:
    """Every rule, active and retired, in the columns of data/validation_rules.csv (itself an importable file)."""
    return store.query("validation_rules")[RULE_COLUMNS]


def active_rules(store: Store) -> pd.DataFrame:
    rules = store.query("validation_rules")
    return rules[rules.status == "active"].reset_index(drop=True)


def read_rules_file(path: Path | str, limit: int = MAX_FILE_BYTES) -> pd.DataFrame:
    """The file's rules as text cells (plus `row`), refused by size before it is read."""
    return read_table_file(path, RULE_COLUMNS, limit)


def read_rules_bytes(data: bytes, file_name: str, limit: int = MAX_FILE_BYTES) -> pd.DataFrame:
    return read_table_bytes(data, file_name, RULE_COLUMNS, limit)


def rule_problems(rows: pd.DataFrame, indicators: set[str]) -> list[CatalogueProblem]:
    """Every way the rules break: slug ids, repeats, sides that are not active indicators (or a sum of them), an
    unknown operator or severity, messages that are not plain text."""
    problems, seen = [], {}
    for record in rows.to_dict("records"):
        r = record["row"]
        rule_id = record.get("id", "")
        if not ID_PATTERN.match(rule_id):
            problems.append(problem(r, "id", rule_id, "bad_slug"))
        elif rule_id in seen:
            problems.append(problem(r, "id", rule_id, "duplicate", first=seen[rule_id]))
        else:
            seen[rule_id] = r
        for column in ("left_side", "right_side"):
            side = record.get(column, "")
            ids = rule_side(side)
            if not side.strip() or any(not i for i in ids):
                problems.append(problem(r, column, side, "bad_side"))
                continue
            problems += [problem(r, column, i, "unknown_indicator") for i in ids if i not in indicators]
        if record.get("operator", "") not in OPERATORS:
            problems.append(problem(r, "operator", record.get("operator", ""), "not_one_of",
                                    allowed=" ".join(OPERATORS)))  # fmt: skip
        if record.get("severity", "") not in SEVERITIES:
            problems.append(problem(r, "severity", record.get("severity", ""), "not_one_of",
                                    allowed=" / ".join(SEVERITIES)))  # fmt: skip
        if (record.get("status") or "active") not in ("active", "retired"):
            problems.append(problem(r, "status", record.get("status"), "not_one_of", allowed="active / retired"))
        for column in ("message_zh", "message_en"):
            found = plain_text_problem(r, column, record.get(column, ""), MAX_MESSAGE)
            if found:
                problems.append(found)
    return problems


def change_rules(
    db: Path,
    rows: pd.DataFrame,
    user: str,
    dry_run: bool = False,
    secrets_users: Mapping[str, str] | None = None,
) -> dict[str, list[str]]:
    """Check the rules and, unless `dry_run`, add or change them in one transaction, each audited (old → new).
    Returns {"added": [...], "changed": [...], "unchanged": [...]}; CatalogueRejected names every problem."""
    rows = rows.copy()
    for column in RULE_COLUMNS:
        rows[column] = rows[column].astype(str).str.strip() if column in rows else ""
    rows["status"] = rows["status"].replace("", "active")
    with writer(Path(db)) as store:
        actor = permit(store, user, "rules", secrets_users)
        catalogue = store.query("indicator_catalogue")
        active = set(catalogue.loc[catalogue.status.fillna("active") == "active", "id"])
        problems = rule_problems(rows, active)
        if problems:
            raise CatalogueRejected(problems)
        before = store.query("validation_rules").set_index("id")
        outcome: dict[str, list[str]] = {"added": [], "changed": [], "unchanged": []}
        details = {}
        for record in rows.to_dict("records"):
            if record["id"] not in before.index:
                outcome["added"].append(record["id"])
                details[record["id"]] = f"{record['left_side']} {record['operator']} {record['right_side']}"
                continue
            old = before.loc[record["id"]]
            diffs = [f"{c}: {old[c]} → {record[c]}" for c in RULE_COLUMNS[1:] if str(old[c]) != record[c]]
            outcome["changed" if diffs else "unchanged"].append(record["id"])
            details[record["id"]] = "; ".join(diffs)
        if dry_run or not (outcome["added"] or outcome["changed"]):
            return outcome
        stored = rows[rows["id"].isin(outcome["added"] + outcome["changed"])][RULE_COLUMNS]
        with store.transaction() as cur:
            names.register(cur, "incoming_rules", "validation_rules", stored)
            cur.execute(load_query("write/upsert_validation_rules"))
            cur.unregister("incoming_rules")
            for rule_id in outcome["added"]:
                audit(cur, actor.name, "rule_add", rule_id, details[rule_id])
            for rule_id in outcome["changed"]:
                audit(cur, actor.name, "rule_change", rule_id, details[rule_id][:2000])
            bump_data_version(cur, figures=False)
        return outcome
