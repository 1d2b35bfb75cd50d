"""The store's one write path for figures: a whole batch in one transaction, as new versions, recorded as an upload."""

from dataclasses import dataclass

import pandas as pd

from unionbench.store import Store, bump_data_version, load_query

OBSERVATION_COLUMNS = ["region", "indicator", "period", "value"]


@dataclass(frozen=True)
class CommitResult:
    upload_id: int
    added: int
    changed: int
    unchanged: int
    already_imported: bool = False


def diff_observations(store: Store, observations: pd.DataFrame) -> pd.DataFrame:
    """Each incoming figure against the current one: region, indicator, period, old_value, new_value, status."""
    incoming = observations[OBSERVATION_COLUMNS].copy()
    with store.transaction() as cur:
        cur.register("incoming_observations", incoming)
        diff = cur.execute(load_query("write/diff_incoming")).df()
        cur.unregister("incoming_observations")
    return diff


def commit_observations(
    store: Store,
    observations: pd.DataFrame,
    *,
    file_name: str,
    sha256: str,
    user_name: str,
    layout: str,
    is_demo: bool = False,
    note: str | None = None,
) -> CommitResult:
    """Add every new or changed figure as a new version under a new upload, all or nothing.

    A file whose sha256 matches a committed upload changes nothing and names that upload.
    """
    incoming = observations[OBSERVATION_COLUMNS].copy()
    with store.transaction() as cur:
        previous = cur.execute(load_query("upload_by_sha256"), {"sha256": sha256}).fetchone()
        if previous:
            return CommitResult(previous[0], 0, 0, 0, already_imported=True)
        cur.register("incoming_observations", incoming)
        status = cur.execute(load_query("write/diff_incoming")).df()["status"].value_counts()
        upload_id = cur.execute(
            load_query("write/insert_upload"),
            {
                "file_name": file_name,
                "sha256": sha256,
                "user_name": user_name,
                "layout": layout,
                "is_demo": is_demo,
                "note": note,
            },
        ).fetchone()[0]
        cur.execute(load_query("write/insert_versions"), {"upload_id": upload_id})
        counts = {key: int(status.get(key, 0)) for key in ("new", "changed", "unchanged")}
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
        if counts["new"] or counts["changed"]:
            bump_data_version(cur)
    return CommitResult(upload_id, counts["new"], counts["changed"], counts["unchanged"])
