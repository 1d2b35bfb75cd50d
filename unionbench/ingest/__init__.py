"""The quarterly upload: parse → find the table → normalise and check → preview → commit, all or nothing.

prepared = prepare(data, "广元2025Q3.csv", store, period="2025Q3")
if prepared.errors: show prepared.problem_table()      # nothing is written
preview(store, prepared)                                 # new / changed (old → new) / unchanged
commit_file(primary, Upload(data, "广元2025Q3.csv"), "张三")  # checks again under the writer lock, then commits
"""

import dataclasses
import datetime as dt
import gc
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from unionbench.commit import CommitResult, UploadEntry, commit_observations, diff_observations
from unionbench.ingest.layout import find_table
from unionbench.ingest.parse import read_grid
from unionbench.ingest.problems import FileRejected, Problem
from unionbench.ingest.validate import OBSERVATION_COLUMNS, Context, Stored, check
from unionbench.periods import shift
from unionbench.regions import RegionResolver
from unionbench.store import NotInitialised, Replica, Store, bump_data_version, load_query, writer

# Errors that depend on stored figures: a refusal for these is confirmed under the lock, on the primary (the
# published snapshot may lag it after a killed writer).
STORED_DEPENDENT = {"numerator_above_denominator", "rule_broken"}
MAX_LISTED = 200  # problems listed per kind of severity; every one is still counted
# Warnings about rows that are probably slips (a province row, a city far from its counties): the file waits for an
# explicit yes naming them before anything is written.
HELD = frozenset({"level_not_reported", "city_far_from_counties"})

__all__ = [
    "Prepared",
    "Preview",
    "RevertError",
    "Upload",
    "UploadOutcome",
    "commit_file",
    "prepare",
    "preview",
    "revert_upload",
]


@dataclass
class Prepared:
    """A file read and checked: the figures it would store, and what is wrong with it."""

    file_name: str
    sha256: str
    layout: str | None
    encoding: str | None
    observations: pd.DataFrame
    errors: list[Problem] = field(default_factory=list)  # the first MAX_LISTED
    warnings: list[Problem] = field(default_factory=list)  # the first MAX_LISTED
    problem_counts: dict[str, int] = field(default_factory=dict)  # every error and warning, by code
    error_count: int | None = None  # all errors, listed or not (None: as many as listed)
    warning_count: int | None = None
    data_version: int | None = None  # the store's data version the check read
    relied_on: Stored | None = None  # the stored figures the check compared with
    reference: str | None = None  # the fingerprint of the regions and catalogue the check used

    def __post_init__(self):
        if self.error_count is None:
            self.error_count = len(self.errors)
        if self.warning_count is None:
            self.warning_count = len(self.warnings)
        if not self.problem_counts:
            self.problem_counts = dict(Counter(p.code for p in self.errors + self.warnings))

    @property
    def ok(self) -> bool:
        return not self.errors

    def problem_table(self, problems: list[Problem] | None = None) -> pd.DataFrame:
        rows = [p.as_row() for p in (self.errors if problems is None else problems)]
        return pd.DataFrame(rows, columns=["row", "column", "value", "severity", "reason_zh", "reason_en"])


def build_context(store: Store, today: dt.date, catalogue: pd.DataFrame | None = None) -> Context:
    """What checking a file needs from the store; `catalogue` is the indicator catalogue when the caller has read it
    already (prepare reads it once to find the table)."""
    regions = store.query("region_index")
    aliases = store.query("region_aliases")
    if catalogue is None:
        catalogue = store.query("indicator_catalogue")
    catalogue = catalogue.set_index("id", drop=False)

    def loader(regions_in_file: set[str], periods: set[str], cities: set[str]) -> Stored:
        wanted = sorted(periods | {shift(p, -1) for p in periods})
        stored = store.query("values_by_region", regions=sorted(regions_in_file), periods=wanted)
        parents = sorted({parent_of.get(r) for r in regions_in_file} - {None})
        reported = store.query("reporting_regions", parents=parents, periods=wanted)
        reporting: dict[str, set[str]] = {}
        for region, period in reported[["region", "period"]].itertuples(index=False):
            reporting.setdefault(period, set()).add(region)
        own = store.query("city_county_figures", cities=sorted(cities), periods=sorted(periods))
        return Stored(stored, reporting, own)

    adcodes = regions.adcode.tolist()  # plain lists: iterating Arrow string columns is slow
    parent_of = dict(zip(adcodes, regions.parent.tolist(), strict=True))
    return Context(
        catalogue=catalogue,
        resolver=RegionResolver(regions, aliases),
        names=dict(zip(adcodes, regions.name_zh.tolist(), strict=True)),
        parents=parent_of,
        today=today,
        loader=loader,
        levels=dict(zip(adcodes, regions.level.tolist(), strict=True)),
        rules=store.query("validation_rules"),
    )


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Reading a file makes a million small acyclic objects (cells, candidates), and the cyclic collector kept
    scanning them: ~20 % of the time for 100k figures. Reference counting still frees everything meanwhile."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def capped(problems: list[Problem], limit: int = MAX_LISTED) -> list[Problem]:
    """The first `limit` problems in file order (row, then as found): a file of 100,000 bad rows printed 53 MB.
    A reading layer's summary of problems it already left out (problems_not_listed) is counted, not listed."""
    listed = [p for p in problems if p.code != "problems_not_listed"]
    ordered = sorted(enumerate(listed), key=lambda pair: (pair[1].row is not None, pair[1].row or 0, pair[0]))
    return [problem for _, problem in ordered[:limit]]


def counted(problems: list[Problem]) -> Counter:
    """Every problem by code, the ones a reading layer left out of its list (problems_not_listed) included."""
    counts = Counter()
    for p in problems:
        if p.code == "problems_not_listed":
            counts[p.details["kind"]] += p.details["count"]
        else:
            counts[p.code] += 1
    return counts


def prepare(
    data: bytes, file_name: str, store: Store, period: str | None = None, today: dt.date | None = None
) -> Prepared:
    """Read and check a file against the store; never raises for anything wrong with the file itself.

    The problem lists hold the first MAX_LISTED errors and warnings; `problem_counts` counts every one by code."""
    sha256 = hashlib.sha256(data).hexdigest()
    empty = pd.DataFrame(columns=OBSERVATION_COLUMNS)
    version = store.data_version()
    with cyclic_gc_paused():
        try:
            grid = read_grid(data, file_name)
            catalogue = store.query("indicator_catalogue")
            table = find_table(grid, catalogue)
        except FileRejected as rejected:
            return Prepared(file_name, sha256, None, None, empty, [rejected.problem], data_version=version)
        context = build_context(store, today or dt.date.today(), catalogue)
        checked = check(table, context, period)
    if not checked.errors and checked.observations.empty:  # e.g. the template sent back unfilled
        checked.errors.append(Problem("no_figures"))
    warnings = grid.notes + checked.warnings
    error_counts, warning_counts = counted(checked.errors), counted(warnings)
    return Prepared(
        file_name,
        sha256,
        table.layout,
        grid.encoding,
        checked.observations,
        capped(checked.errors),
        capped(warnings),
        problem_counts=dict(error_counts + warning_counts),
        error_count=sum(error_counts.values()),
        warning_count=sum(warning_counts.values()),
        data_version=version,
        relied_on=context.stored,
        reference=store.scalar("reference_fingerprint"),
    )


@dataclass
class Preview:
    added: int
    changed: int
    unchanged: int
    changes: pd.DataFrame  # region, region_name, indicator, indicator_name, period, old_value, new_value, status


def preview(store: Store, prepared: Prepared) -> Preview:
    """What committing would do: new figures, changed ones (old → new) and unchanged ones."""
    diff = diff_observations(store, prepared.observations)
    counts = diff["status"].value_counts()
    names = store.query("region_names", adcodes=sorted(set(diff.region)))
    catalogue = store.query("indicator_catalogue").set_index("id")
    diff["region_name"] = diff.region.map(dict(zip(names.adcode, names.name_zh, strict=True)))
    diff["indicator_name"] = diff.indicator.map(catalogue.name_zh)
    changes = diff[diff.status != "unchanged"][
        ["region", "region_name", "indicator", "indicator_name", "period", "old_value", "new_value", "status"]
    ].reset_index(drop=True)
    return Preview(int(counts.get("new", 0)), int(counts.get("changed", 0)), int(counts.get("unchanged", 0)), changes)


@dataclass(frozen=True)
class Upload:
    """One file sent to be stored: its bytes and name, the quarter it is for when its rows do not say (None: they
    must), and the day its deadlines and future quarters count from (None: today)."""

    data: bytes
    file_name: str
    period: str | None = None
    today: dt.date | None = None

    def check(self, store: Store) -> Prepared:
        """prepare() of this file against `store`."""
        return prepare(self.data, self.file_name, store, self.period, self.today)


@dataclass
class UploadOutcome:
    prepared: Prepared
    result: CommitResult | None  # None when the file was rejected


def archive_path(primary: Path, sha256: str, file_name: str) -> Path:
    """Where the original bytes are kept: the content's hash plus the name's extension when it is a short, plain
    one (.csv, .xlsx). Bounded whatever the name: `a.<240 letters>` once made a 305-byte file name, which passed
    the dry run and failed the real run with OSError and a stray .partial."""
    suffix = Path(file_name.replace("\\", "/")).suffix.lower()
    safe = suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""
    return primary.parent / f"{primary.stem}.archive" / f"{sha256}{safe}"


def archive_file(primary: Path, sha256: str, file_name: str, data: bytes) -> None:
    """Keep the original bytes beside the database (once per content), written whole or not at all."""
    archive = archive_path(primary, sha256, file_name)
    if not archive.exists():
        archive.parent.mkdir(parents=True, exist_ok=True)
        partial = archive.with_suffix(".partial")
        partial.write_bytes(data)
        partial.replace(archive)


def commit_file(
    primary: Path,
    upload: Upload,
    user: str,
    on_commit: Callable[[duckdb.DuckDBPyConnection, int], None] | None = None,
    accept_held: bool = False,
) -> UploadOutcome:
    """Check the file against the published snapshot without holding the writer lock (a slow check blocked every
    other upload), then under the lock make sure the stored figures it relied on are still the ones there
    (checking again only if they moved) and commit it in one transaction, archiving the original bytes first so the
    database can be rebuilt from the archive.

    Idempotence is on content: a file whose figures all equal the current ones changes nothing (and is recorded as
    an upload that changed 0); otherwise it adds new versions, even if the same bytes were imported before.
    `on_commit(cursor, upload_id)` runs in the commit's transaction (an audit entry). A file with HELD rows
    is refused (they become its errors) unless `accept_held`: someone said yes to each of them."""
    primary = Path(primary)
    prepared = check_outside_lock(primary, upload)
    if prepared is not None and not prepared.ok and not STORED_DEPENDENT & set(prepared.problem_counts):
        return UploadOutcome(prepared, None)  # wrong whatever is stored: no need to wait for the lock
    with writer(primary) as store:
        if prepared is not None and not prepared.ok and prepared.data_version == store.data_version():
            return UploadOutcome(prepared, None)  # checked against exactly what is stored
        if prepared is None or not prepared.ok or not still_valid(store, prepared, upload.today):
            prepared = upload.check(store)
            if not prepared.ok:
                return UploadOutcome(prepared, None)
        if HELD & set(prepared.problem_counts) and not accept_held:
            return UploadOutcome(hold(prepared), None)
        archive_file(primary, prepared.sha256, upload.file_name, upload.data)
        entry = UploadEntry(upload.file_name, prepared.sha256, user, prepared.layout or "unknown")
        result = commit_observations(store, prepared.observations, entry, on_commit=on_commit)
        return UploadOutcome(prepared, result)


def held(prepared: Prepared) -> list[Problem]:
    """The listed warnings that need a yes before the file is written (HELD)."""
    return [w for w in prepared.warnings if w.code in HELD]


def hold(prepared: Prepared) -> Prepared:
    """The checked file as refused while its held rows have no yes: those warnings become its errors."""
    rows = held(prepared)
    if not prepared.ok or not rows:
        return prepared
    count = sum(n for code, n in prepared.problem_counts.items() if code in HELD)
    kept = [w for w in prepared.warnings if w.code not in HELD]
    return dataclasses.replace(
        prepared,
        errors=rows,
        error_count=count,
        warnings=kept,
        warning_count=prepared.warning_count - count,
    )


def check_outside_lock(primary: Path, upload: Upload) -> Prepared | None:
    """prepare() against the newest published snapshot, or None when there is none to read (then the check runs
    under the lock, on the primary)."""
    try:
        reader = Replica(primary)
        try:
            return upload.check(reader.current())
        finally:
            reader.close()
    except (duckdb.Error, FileNotFoundError, NotInitialised):  # nothing published yet: check under the lock
        return None


def still_valid(store: Store, prepared: Prepared, today: dt.date | None) -> bool:
    """Whether a check made outside the lock still holds: the same data version, or the same stored figures for
    every region, quarter and city the check looked at (another upload touched other figures)."""
    if prepared.data_version == store.data_version():
        return True
    relied = prepared.relied_on
    if relied is None or store.scalar("reference_fingerprint") != prepared.reference:
        return False
    observations = prepared.observations
    regions, periods = set(observations.region), set(observations.period)
    context = build_context(store, today or dt.date.today())
    cities = {r if context.levels.get(r) == "city" else context.parents.get(r) for r in regions} - {None}
    now = context.load_stored(regions, periods, cities)
    return (
        same_rows(now.figures, relied.figures) and same_rows(now.own, relied.own) and now.reporting == relied.reporting
    )


def same_rows(left: pd.DataFrame, right: pd.DataFrame) -> bool:
    """The same rows in any order."""
    if left.shape != right.shape or list(left.columns) != list(right.columns):
        return False
    columns = list(left.columns)
    ordered = [frame.sort_values(columns, kind="stable").reset_index(drop=True) for frame in (left, right)]
    return ordered[0].equals(ordered[1])


class RevertError(ValueError):
    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh, self.en = zh, en


def revert_upload(
    primary: Path,
    upload_id: int,
    user: str,
    on_revert: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
) -> pd.Series:
    """Take an upload back, keeping its versions in history; returns the upload as it now stands. `on_revert(cursor)`
    runs in the same transaction (an audit entry)."""
    with writer(Path(primary)) as store, store.transaction() as cur:
        found = cur.execute(load_query("upload_by_id"), {"upload_id": upload_id}).df()
        if found.empty:
            raise RevertError(f"没有编号为 {upload_id} 的上传。", f"There is no upload #{upload_id}.")
        if found.at[0, "status"] == "reverted":
            raise RevertError(f"上传 #{upload_id} 已经撤销过了。", f"Upload #{upload_id} is already reverted.")
        cur.execute(load_query("write/revert_upload"), {"upload_id": upload_id, "user_name": user})
        if on_revert is not None:
            on_revert(cur)
        bump_data_version(cur)
        return cur.execute(load_query("upload_by_id"), {"upload_id": upload_id}).df().iloc[0]
