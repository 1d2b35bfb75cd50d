"""Stored texts in any language: the names of indicators (and their groups, units and descriptions), benchmark sets
and places, and the messages of validation rules. The official Chinese text lives with its row (the ingest matches
on it); every other language is rows of the table name_translation (kind, key, field, lang, text), so adding a
language adds rows, never columns. `texts` is how the read side picks a text in a language: the language's row, else
the Chinese text (the SQL macro text_in, the one place that choice is made).

Files, frames and the CLI keep their *_en columns (the catalogue CSV, `indicators list`, `sets list`, the hand-over):
the read queries fill them from the rows, and a write stores them as rows (`register`)."""

import pandas as pd

from unionbench.store import Store, load_query

KINDS = ("indicator", "set", "place", "rule")
FIELDS = ("name", "group", "unit", "description", "message")
COLUMNS = ["kind", "key", "field", "lang", "text"]

# A table's kind, key column, and per field its official (Chinese) column and English column in files and frames.
TRANSLATED = {
    "indicators": (
        "indicator",
        "id",
        {
            "name": ("name_zh", "name_en"),
            "group": ("group_zh", "group_en"),
            "unit": ("unit", "unit_en"),
            "description": ("description_zh", "description_en"),
        },
    ),
    "benchmark_sets": ("set", "id", {"name": ("name_zh", "name_en")}),
    "regions": ("place", "adcode", {"name": ("name_zh", "name_en")}),
    "validation_rules": ("rule", "id", {"message": ("message_zh", "message_en")}),
}


def texts(store: Store, kind: str, field: str, lang: str) -> dict[str, str]:
    """key → the `field` of every `kind` in `lang` (a place's name by adcode, a set's by id …), the official Chinese
    text where the language has no row. Read once per published snapshot."""
    return store.memo(("texts", kind, lang), lambda: by_field(store, kind, lang)).get(field, {})


def by_field(store: Store, kind: str, lang: str) -> dict[str, dict[str, str]]:
    """field → key → text for every field of `kind` in `lang` (one query for all of a kind's fields)."""
    found: dict[str, dict[str, str]] = {}
    rows = store.query("texts_in_language", kind=kind, lang=lang)
    # plain lists: iterating Arrow string columns row by row costs twice the query
    for key, field, text_ in zip(rows.key.tolist(), rows.field.tolist(), rows.text.tolist(), strict=True):
        found.setdefault(field, {})[key] = text_
    return found


def text(store: Store, kind: str, key: str, field: str, lang: str) -> str:
    """One stored text in `lang` ('' for a key that does not exist)."""
    return texts(store, kind, field, lang).get(key, "")


def english_rows(table: str, frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`frame` (rows for `table` as files carry them) without its English columns, and those texts as translation
    rows; an empty English cell is no row (the Chinese text stands in)."""
    kind, key, fields = TRANSLATED[table]
    rows = []
    for field, (_, english) in fields.items():
        if english in frame.columns:
            part = frame[[key, english]].rename(columns={key: "key", english: "text"})
            part = part.loc[[isinstance(value, str) and value.strip() != "" for value in part["text"]]]
            rows.append(part.assign(kind=kind, field=field, lang="en"))
    found = pd.concat(rows, ignore_index=True)[COLUMNS] if rows else pd.DataFrame(columns=COLUMNS)
    english = [e for _, e in fields.values() if e in frame.columns]
    return frame.drop(columns=english), found


def with_english(store: Store, table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` (rows of `table`) with each English column beside its Chinese one, as files carry them."""
    if table not in TRANSLATED:
        return frame
    kind, key, fields = TRANSLATED[table]
    frame = frame.copy()
    for field, (official, english) in fields.items():
        english_texts = frame[key].map(texts(store, kind, field, "en"))
        frame.insert(frame.columns.get_loc(official) + 1, english, english_texts)
    return frame


def english_columns(table: str) -> list[str]:
    """The English text columns files carry for `table` (none for a table without stored names)."""
    return [english for _, english in TRANSLATED[table][2].values()] if table in TRANSLATED else []


def store_rows(cur, rows: pd.DataFrame) -> None:
    """Add or replace translation rows inside the caller's write transaction."""
    if rows.empty:
        return
    cur.register("incoming_names", rows[COLUMNS].astype(str))
    cur.execute(load_query("write/upsert_names"))
    cur.unregister("incoming_names")


def register(cur, name: str, table: str, frame: pd.DataFrame) -> None:
    """Register `frame` as `name` for a write query into `table`, storing its English columns as rows."""
    base, rows = english_rows(table, frame)
    cur.register(name, base)
    store_rows(cur, rows)
