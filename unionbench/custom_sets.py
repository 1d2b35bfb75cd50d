"""Custom benchmark sets: sets an admin makes in the dashboard (or `unionbench sets add`), stored
beside the CSV defaults in `benchmark_sets` / `benchmark_members` with source 'custom', who saved them and when.
`unionbench init` reloads only the CSV sets, so a custom set survives it. No streamlit here.

A custom set is a set of cities, like the CSV sets: a city is read against them, a county against their counties
(comparison.reference_regions). Its rule says how their level is formed: pooled (Σ ÷ Σ, as the CSV sets), best (the
best member on each indicator) or average (the mean of the members' figures)."""

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from unionbench import names
from unionbench.catalog import read_benchmark_sets
from unionbench.choices import SET_RULES
from unionbench.i18n import in_language, words
from unionbench.store import Store, bump_data_version, load_query, writer

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{1,39}$")
MAX_NAME = 40
# A set's name reaches page titles and messages, which Streamlit reads as Markdown: letters (any script), digits,
# spaces and this punctuation only, so a name can never be a link, an image, markup or an auto-linked domain.
NAME_PUNCTUATION = set(" ·-()（）、,，&'’/+")
MAX_MEMBERS = 30
CUSTOM_SORT_START = 1000  # after every CSV set


@dataclass(frozen=True)
class SetDraft:
    """What an admin saves: the id (a slug), the names, the member cities and the rule."""

    id: str
    name_zh: str
    name_en: str
    members: tuple[str, ...]
    rule: str = "pooled"


@dataclass(frozen=True)
class SetProblem:
    """Why a set cannot be saved: the field, the value, and the reason in Chinese and English."""

    field: str
    value: str
    zh: str
    en: str

    def message(self, lang: str) -> str:
        return in_language(self.zh, self.en, lang)

    def line(self) -> str:
        return f"{self.field} “{self.value}”: {self.zh} / {self.en}"


class SetRejected(ValueError):
    """A set that breaks the rules; nothing was written."""

    def __init__(self, problems: list[SetProblem]):
        super().__init__("; ".join(p.line() for p in problems))
        self.problems = problems


def problem(field: str, value, code: str, **values) -> SetProblem:
    zh, en = (words("sets.", lang)[code].format(**values) for lang in ("zh", "en"))
    return SetProblem(field, str(value), zh, en)


def slug(text: str) -> str:
    """'Similar to Guangyuan' → 'similar-to-guangyuan' (ASCII letters and digits only)."""
    return re.sub(r"[^a-z0-9]+", "-", str(text).casefold()).strip("-")[:32]


def new_set_id(name_en: str, taken: set[str]) -> str:
    """A fresh id for a set made in the dashboard: 'custom-' and the English name's slug, numbered when taken. The
    prefix keeps it apart from the CSV ids (which use underscores)."""
    base = f"custom-{slug(name_en) or 'set'}"[:36]
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def draft_problems(store: Store, draft: SetDraft, editing: bool = False) -> list[SetProblem]:
    """Every way a draft breaks the rules, checked against the store: id, names, rule, members (existing cities,
    no repeats, 1 to MAX_MEMBERS). `editing`: the id must be an existing custom set; else a new one."""
    problems = []
    sets = store.query("benchmark_sets").set_index("id")
    csv_ids = set(read_benchmark_sets()[0]["id"]) | set(sets.index[sets["source"] == "csv"])
    if not ID_PATTERN.match(draft.id or ""):
        problems.append(problem("id", draft.id, "bad_id"))
    elif draft.id in csv_ids:
        problems.append(problem("id", draft.id, "csv_id"))
    elif editing and draft.id not in sets.index:
        problems.append(problem("id", draft.id, "unknown_set"))
    elif not editing and draft.id in sets.index:
        problems.append(problem("id", draft.id, "id_taken"))
    others = sets.drop(index=draft.id, errors="ignore")
    for column in ("name_zh", "name_en"):
        name = getattr(draft, column)
        if not name or not name.strip():
            problems.append(problem(column, name, "empty_name"))
        elif len(name) > MAX_NAME or not all(c.isalnum() or c in NAME_PUNCTUATION for c in name):
            problems.append(problem(column, name, "bad_name", limit=MAX_NAME))
        elif name.strip().casefold() in {str(n).casefold() for n in others[column]}:
            problems.append(problem(column, name, "name_taken"))
    if draft.rule not in SET_RULES:
        problems.append(problem("rule", draft.rule, "bad_rule", rules="/".join(SET_RULES)))
    if not draft.members:
        problems.append(problem("members", "", "no_members"))
    elif len(draft.members) > MAX_MEMBERS:
        problems.append(problem("members", len(draft.members), "too_many", limit=MAX_MEMBERS))
    levels = store.query("region_names", adcodes=list(draft.members)).set_index("adcode")["level"]
    for code in dict.fromkeys(draft.members):
        if draft.members.count(code) > 1:
            problems.append(problem("members", code, "repeated"))
        if code not in levels.index:
            problems.append(problem("members", code, "unknown_region"))
        elif levels[code] != "city":
            problems.append(problem("members", code, "not_a_city"))
    return problems


def save_set(db: Path, draft: SetDraft, user: str, editing: bool = False) -> None:
    """Check and store a custom set in one transaction (new, or replacing its own earlier version when `editing`),
    recording who saved it and when; readers see it with the next published snapshot. SetRejected names every
    problem and writes nothing."""
    draft = SetDraft(draft.id, draft.name_zh.strip(), draft.name_en.strip(), tuple(draft.members), draft.rule)
    with writer(db) as store:
        problems = draft_problems(store, draft, editing)
        if problems:
            raise SetRejected(problems)
        with store.transaction() as cur:
            write_set(cur, draft, user, CUSTOM_SORT_START)
            bump_data_version(cur, figures=False)


def write_set(cur, draft: SetDraft, user: str, first_sort: int) -> None:
    """Store a checked custom set, its members and its English name (a translation row) in the caller's
    transaction."""
    cur.register("incoming_members", pd.DataFrame({"set_id": draft.id, "adcode": list(draft.members)}))
    cur.register("incoming_set", pd.DataFrame({"id": [draft.id]}))
    params = {"id": draft.id, "name_zh": draft.name_zh, "member_rule": draft.rule, "user": user,
              "first_sort": first_sort}  # fmt: skip
    cur.execute(load_query("write/save_custom_set"), params)
    cur.execute(load_query("write/replace_custom_members"))
    cur.unregister("incoming_members")
    cur.unregister("incoming_set")
    _, english = names.english_rows("benchmark_sets", pd.DataFrame([{"id": draft.id, "name_en": draft.name_en}]))
    names.store_rows(cur, english)


def remove_set(db: Path, set_id: str) -> None:
    """Delete a custom set and its members; a CSV set (a default) or an unknown id is refused (SetRejected)."""
    with writer(db) as store:
        sets = store.query("benchmark_sets").set_index("id")
        if set_id not in sets.index:
            raise SetRejected([problem("id", set_id, "unknown_set")])
        if sets.at[set_id, "source"] != "custom":
            raise SetRejected([problem("id", set_id, "csv_id")])
        with store.transaction() as cur:
            cur.register("incoming_set", pd.DataFrame({"id": [set_id]}))
            cur.execute(load_query("write/remove_custom_set"))
            cur.unregister("incoming_set")
            bump_data_version(cur, figures=False)


def custom_sets(store: Store) -> pd.DataFrame:
    """The custom sets with their members (a tuple of adcodes), newest change first."""
    sets = store.query("benchmark_sets")
    sets = sets[sets["source"] == "custom"].copy()
    sets["members"] = [tuple(store.query("benchmark_members", set_id=i)["adcode"]) for i in sets["id"]]
    return sets.sort_values("updated_at", ascending=False, kind="stable").reset_index(drop=True)


def colliding_custom_ids(store: Store, csv_ids: set[str]) -> list[str]:
    """Custom sets whose id a new CSV set would take (init refuses rather than overwrite them)."""
    sets = store.query("benchmark_sets")
    return sorted(set(sets.loc[sets["source"] == "custom", "id"]) & csv_ids)
