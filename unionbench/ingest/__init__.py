"""The quarterly upload: parse → find the table → normalise and check → preview → commit, all or nothing.

prepared = prepare(data, "广元2025Q3.csv", store, period="2025Q3")
if prepared.errors: show prepared.problem_table()      # nothing is written
preview(store, prepared)                                 # new / changed (old → new) / unchanged
commit_file(primary, data, "广元2025Q3.csv", user="张三")  # checks again under the writer lock, then commits
"""

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from unionbench.commit import CommitResult, commit_observations, diff_observations
from unionbench.ingest.layout import find_table
from unionbench.ingest.parse import read_grid
from unionbench.ingest.problems import FileRejected, Problem
from unionbench.ingest.validate import OBSERVATION_COLUMNS, Context, check
from unionbench.periods import shift
from unionbench.regions import RegionResolver
from unionbench.store import Store, bump_data_version, load_query, writer

__all__ = ["Prepared", "Preview", "RevertError", "UploadOutcome", "commit_file", "prepare", "preview", "revert_upload"]


@dataclass
class Prepared:
    """A file read and checked: the figures it would store, and what is wrong with it."""

    file_name: str
    sha256: str
    layout: str | None
    encoding: str | None
    observations: pd.DataFrame
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def problem_table(self, problems: list[Problem] | None = None) -> pd.DataFrame:
        rows = [p.as_row() for p in (self.errors if problems is None else problems)]
        return pd.DataFrame(rows, columns=["row", "column", "value", "severity", "reason_zh", "reason_en"])


def build_context(store: Store, today: dt.date) -> Context:
    regions = store.query("region_index")
    aliases = store.query("region_aliases")
    catalogue = store.query("indicator_catalogue").set_index("id", drop=False)

    def loader(regions_in_file: set[str], periods: set[str]):
        wanted = sorted(periods | {shift(p, -1) for p in periods})
        stored = store.query("values_by_region", regions=sorted(regions_in_file), periods=wanted)
        parents = sorted({parent_of.get(r) for r in regions_in_file} - {None})
        reported = store.query("reporting_regions", parents=parents, periods=wanted)
        reporting: dict[str, set[str]] = {}
        for region, period in reported[["region", "period"]].itertuples(index=False):
            reporting.setdefault(period, set()).add(region)
        return stored, reporting

    parent_of = dict(zip(regions.adcode, regions.parent, strict=True))
    return Context(
        catalogue=catalogue,
        resolver=RegionResolver(regions, aliases),
        names=dict(zip(regions.adcode, regions.name_zh, strict=True)),
        parents=parent_of,
        today=today,
        loader=loader,
    )


def prepare(
    data: bytes, file_name: str, store: Store, period: str | None = None, today: dt.date | None = None
) -> Prepared:
    """Read and check a file against the store; never raises for anything wrong with the file itself."""
    sha256 = hashlib.sha256(data).hexdigest()
    empty = pd.DataFrame(columns=OBSERVATION_COLUMNS)
    try:
        grid = read_grid(data, file_name)
        table = find_table(grid, store.query("indicator_catalogue"))
    except FileRejected as rejected:
        return Prepared(file_name, sha256, None, None, empty, [rejected.problem])
    checked = check(table, build_context(store, today or dt.date.today()), period)
    if not checked.errors and checked.observations.empty:  # e.g. the template sent back unfilled
        checked.errors.append(Problem("no_figures"))
    return Prepared(
        file_name,
        sha256,
        table.layout,
        grid.encoding,
        checked.observations,
        checked.errors,
        grid.notes + checked.warnings,
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


@dataclass
class UploadOutcome:
    prepared: Prepared
    result: CommitResult | None  # None when the file was rejected


def archive_path(primary: Path, sha256: str, file_name: str) -> Path:
    """Where the original bytes are kept: the content's hash plus the name's extension when it is a short, plain
    one (.csv, .xlsx). Bounded whatever the name: `a.<240 letters>` once made a 305-byte file name, which passed
    the dry run and failed the real run with OSError and a stray .partial (issue 12 item 8)."""
    suffix = Path(file_name.replace("\\", "/")).suffix.lower()
    safe = suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""
    return primary.parent / f"{primary.stem}.archive" / f"{sha256}{safe}"


def commit_file(
    primary: Path, data: bytes, file_name: str, user: str, period: str | None = None, today: dt.date | None = None
) -> UploadOutcome:
    """Check the file again under the writer lock (the data may have moved since the preview) and commit it in
    one transaction, archiving the original bytes first so the database can be rebuilt from the archive."""
    with writer(Path(primary)) as store:
        sha256 = hashlib.sha256(data).hexdigest()
        previous = store.scalar("upload_by_sha256", sha256=sha256)
        if previous is not None:  # the same bytes again: nothing to check, nothing to change
            empty = Prepared(file_name, sha256, None, None, pd.DataFrame(columns=OBSERVATION_COLUMNS))
            return UploadOutcome(empty, CommitResult(int(previous), 0, 0, 0, already_imported=True))
        prepared = prepare(data, file_name, store, period, today)
        if not prepared.ok:
            return UploadOutcome(prepared, None)
        archive = archive_path(Path(primary), prepared.sha256, file_name)
        if not archive.exists():
            archive.parent.mkdir(parents=True, exist_ok=True)
            partial = archive.with_suffix(".partial")
            partial.write_bytes(data)
            partial.replace(archive)
        result = commit_observations(
            store,
            prepared.observations,
            file_name=file_name,
            sha256=prepared.sha256,
            user_name=user,
            layout=prepared.layout or "unknown",
        )
        return UploadOutcome(prepared, result)


class RevertError(ValueError):
    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh, self.en = zh, en


def revert_upload(primary: Path, upload_id: int, user: str) -> pd.Series:
    """Take an upload back, keeping its versions in history; returns the upload as it now stands."""
    with writer(Path(primary)) as store, store.transaction() as cur:
        found = cur.execute(load_query("upload_by_id"), {"upload_id": upload_id}).df()
        if found.empty:
            raise RevertError(f"没有编号为 {upload_id} 的上传。", f"There is no upload #{upload_id}.")
        if found.at[0, "status"] == "reverted":
            raise RevertError(f"上传 #{upload_id} 已经撤销过了。", f"Upload #{upload_id} is already reverted.")
        cur.execute(load_query("write/revert_upload"), {"upload_id": upload_id, "user_name": user})
        bump_data_version(cur)
        return cur.execute(load_query("upload_by_id"), {"upload_id": upload_id}).df().iloc[0]
