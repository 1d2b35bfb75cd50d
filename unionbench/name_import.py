"""Names in another language as data: `unionbench names import FILE` reads rows `kind,key,field,lang,text` (an
indicator's name, group, unit or description, a benchmark set's or a place's name, a validation rule's message) and
stores them as translation rows, all or nothing, audited; `unionbench names export` writes every stored row in the
same columns. Chinese is not imported here: it is the official text on each row (changed by the catalogue, set or
rules imports) and what a language without a row falls back to."""

import re
from pathlib import Path

import pandas as pd

from unionbench.audit import audit
from unionbench.catalogue_edit import (
    MAX_DESCRIPTION,
    MAX_FILE_BYTES,
    MAX_NAME,
    CatalogueProblem,
    CatalogueRejected,
    plain_text_problem,
    problem,
    read_table_file,
)
from unionbench.i18n import DEFAULT_LANGUAGE
from unionbench.names import COLUMNS, TRANSLATED, store_rows, texts
from unionbench.permissions import permit
from unionbench.store import Store, bump_data_version, writer

MAX_NAME_ROWS = 20_000  # every place of China in one language is ~3,300 rows
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*$")  # en, fr, pt_BR, zh_Hant, qps
FIELDS_OF = {kind: tuple(fields) for kind, _, fields in TRANSLATED.values()}


def read_names_file(path: Path | str) -> pd.DataFrame:
    """The file's rows as text cells (plus `row`), refused by size before it is read."""
    return read_table_file(path, COLUMNS, MAX_FILE_BYTES, MAX_NAME_ROWS)


def names_listing(store: Store) -> pd.DataFrame:
    """Every stored translation row, in the import's columns."""
    return store.query("name_rows")


def name_problems(store: Store, rows: pd.DataFrame) -> list[CatalogueProblem]:
    """Every way the rows break: an unknown kind, field, key or language code, Chinese (the official text, not
    imported here), a text that is not plain text, the same name twice."""
    problems, seen = [], {}
    official = {}
    for record in rows.to_dict("records"):
        r, kind, field, lang = record["row"], record["kind"], record["field"], record["lang"]
        if kind not in FIELDS_OF:
            problems.append(problem(r, "kind", kind, "not_one_of", allowed=", ".join(FIELDS_OF)))
            continue
        if field not in FIELDS_OF[kind]:
            problems.append(problem(r, "field", field, "not_one_of", allowed=", ".join(FIELDS_OF[kind])))
            continue
        keys = official.setdefault((kind, field), texts(store, kind, field, DEFAULT_LANGUAGE))
        if record["key"] not in keys:
            problems.append(problem(r, "key", record["key"], "names_unknown_key", kind=kind))
        if lang == DEFAULT_LANGUAGE:
            problems.append(problem(r, "lang", lang, "names_official"))
        elif not LANGUAGE_CODE.match(lang):
            problems.append(problem(r, "lang", lang, "names_bad_language"))
        limit = MAX_DESCRIPTION if field in ("description", "message") else MAX_NAME
        if found := plain_text_problem(r, "text", record["text"], limit):
            problems.append(found)
        where = (kind, record["key"], field, lang)
        if where in seen:
            problems.append(problem(r, "key", record["key"], "names_repeated", first=seen[where]))
        seen.setdefault(where, r)
    return problems


def import_names(
    db: Path, rows: pd.DataFrame, user: str | None, dry_run: bool = False, secrets_users=None
) -> dict[str, int]:
    """Check every row, then (unless `dry_run`) add or replace them in one transaction with one audit entry.
    PermissionRefused when `user` may not change settings; CatalogueRejected naming every problem, nothing written.
    Returns how many rows were added, changed and unchanged."""
    with writer(Path(db)) as store:
        actor = permit(store, user, "settings", secrets_users, target="names")
        problems = name_problems(store, rows)
        if problems:
            raise CatalogueRejected(problems)
        stored = {tuple(row[:4]): row[4] for row in names_listing(store).itertuples(index=False)}
        incoming = rows[COLUMNS]
        before = [stored.get(tuple(row[:4])) for row in incoming.itertuples(index=False)]
        counts = {
            "added": sum(was is None for was in before),
            "changed": sum(was is not None and was != now for was, now in zip(before, incoming["text"], strict=True)),
        }
        counts["unchanged"] = len(incoming) - counts["added"] - counts["changed"]
        if dry_run or not (counts["added"] or counts["changed"]):
            return counts
        languages = ", ".join(sorted(set(incoming["lang"])))
        with store.transaction() as cur:
            store_rows(cur, incoming)
            audit(cur, actor.name, "names_import", languages, ", ".join(f"{k} {v}" for k, v in counts.items()))
            bump_data_version(cur, figures=False)
    return counts
