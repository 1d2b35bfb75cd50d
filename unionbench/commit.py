"""The store's one write path for figures: a whole batch in one transaction, as new versions, recorded as an upload."""

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from unionbench.store import Store, bump_data_version, load_query

OBSERVATION_COLUMNS = ["region", "indicator", "period", "value"]


@dataclass(frozen=True)
class CommitResult:
    upload_id: int
    added: int
    changed: int
    unchanged: int
    already_imported: bool = False  # the same bytes were committed before and nothing changed now
    # the first committed upload of the same bytes, if any
    previous_upload_id: int | None = None

    @property
    def changed_nothing(self) -> bool:
        return not (self.added or self.changed)


@dataclass(frozen=True)
class UploadEntry:
    """The upload a batch of figures is recorded under, as the uploads table keeps it: the file's name and hash, who
    sent it, how it was read, whether it is the demo (or a bulk load), and a note for the history."""

    file_name: str
    sha256: str
    user_name: str
    layout: str
    is_demo: bool = False
    note: str | None = None


class NonFiniteFigure(ValueError):
    """A figure that is not a finite number reached the commit: a bug upstream, never stored."""


def diff_observations(store: Store, observations: pd.DataFrame) -> pd.DataFrame:
    """Each incoming figure against the current one: region, indicator, period, old_value, new_value, status."""
    incoming = observations[OBSERVATION_COLUMNS].copy()
    with store.transaction() as cur:
        cur.register("incoming_observations", incoming)
        diff = cur.execute(load_query("write/diff_incoming")).df()
        cur.unregister("incoming_observations")
    return diff


def finite_only(observations: pd.DataFrame) -> pd.DataFrame:
    """The figures as doubles, or NonFiniteFigure naming the first that is inf, nan or missing."""
    incoming = observations[OBSERVATION_COLUMNS].copy()
    values = pd.to_numeric(incoming["value"], errors="coerce").astype("float64")
    bad = ~np.isfinite(values.to_numpy())
    if bad.any():
        first = incoming[bad].iloc[0]
        raise NonFiniteFigure(
            f"{int(bad.sum())} figure(s) are not finite numbers, e.g. {first.region} {first.indicator} "
            f"{first.period} = {first.value!r}"
        )
    return incoming.assign(value=values)


def commit_observations(
    store: Store,
    observations: pd.DataFrame,
    entry: UploadEntry,
    on_commit: Callable[[duckdb.DuckDBPyConnection, int], None] | None = None,
) -> CommitResult:
    """Add every new or changed figure as a new version under a new upload, all or nothing.

    Idempotence is on content against the current figures: figures that all equal the current ones
    change nothing, and are still recorded as an upload (0 added, 0 changed) so the history shows the attempt;
    any figure that differs is a new version, even when the same bytes were imported before (a correction in
    between). Only the demo and bulk loads (`entry.is_demo`) are recognised by their hash and not recorded again.
    `on_commit(cursor, upload_id)` runs inside the same transaction (the audit entry, the approved
    submission), so it lands with the figures or not at all.
    """
    incoming = finite_only(observations)
    with store.transaction() as cur:
        cur.register("incoming_observations", incoming)
        status = cur.execute(load_query("write/diff_incoming")).df()["status"].value_counts()
        counts = {key: int(status.get(key, 0)) for key in ("new", "changed", "unchanged")}
        previous = cur.execute(load_query("upload_by_sha256"), {"sha256": entry.sha256}).fetchall()
        previous_id = int(previous[0][0]) if previous else None
        if entry.is_demo and previous_id is not None and not (counts["new"] or counts["changed"]):
            cur.unregister("incoming_observations")
            return CommitResult(previous_id, 0, 0, counts["unchanged"], True, previous_id)
        upload_id = cur.execute(load_query("write/insert_upload"), dataclasses.asdict(entry)).fetchone()[0]
        cur.execute(load_query("write/insert_versions"), {"upload_id": upload_id})
        cur.execute(
            load_query("write/record_upload_counts"),
            {
                "upload_id": upload_id,
                "added": counts["new"],
                "changed": counts["changed"],
                "unchanged": counts["unchanged"],
            },
        )
        cur.unregister("incoming_observations")
        if on_commit is not None:
            on_commit(cur, upload_id)
        # A new data version either way, so readers move to a snapshot that lists the upload (uploads
        # that changed nothing were invisible until some other write); no figure to recompute when none changed.
        bump_data_version(cur, figures=bool(counts["new"] or counts["changed"]))
    unchanged_repeat = previous_id is not None and not (counts["new"] or counts["changed"])
    return CommitResult(upload_id, counts["new"], counts["changed"], counts["unchanged"], unchanged_repeat, previous_id)
