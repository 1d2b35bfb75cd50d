"""The audit log: every sign-in failure, upload, submission, approval, return, revert and account change, written
inside the change's own transaction, or on its own (a refusal, a failed sign-in) waiting at most AUDIT_TIMEOUT for a
running write."""

import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd

from unionbench.store import Store, WriterBusy, load_query, writer, writer_lock

AUDIT_TIMEOUT = 2.0  # seconds a failed sign-in waits for the writer to note itself; then only the server log has it


def audit(
    cur: duckdb.DuckDBPyConnection,
    user: str | None,
    action: str,
    target: str | None = None,
    detail: str | None = None,
    address: str | None = None,
) -> None:
    """One audit entry, inside the caller's transaction."""
    cur.execute(
        load_query("write/insert_audit"),
        {"user_name": user, "action": action, "target": target, "detail": detail, "address": address},
    )


def record_sign_in_failure(primary: Path, name: str, address: str | None, locked_for: float = 0) -> bool:
    """Note a failed sign-in in the audit log (name and address, never the password). It changes no data version,
    so no snapshot is copied for it; it waits at most AUDIT_TIMEOUT for a running upload and returns False when it
    could not write (the server log still has the failure)."""
    detail = f"locked for {locked_for:.0f} s" if locked_for else None
    try:
        with writer(Path(primary), timeout=AUDIT_TIMEOUT) as store, store.transaction() as cur:
            audit(cur, name.strip()[:64], "sign_in_failed", None, detail, address or "local")
    except (WriterBusy, duckdb.Error, OSError):
        return False
    return True


def record_refusal(
    primary: Path, user: str, action: str, target: str | None, why: str, address: str | None = None
) -> bool:
    """Note a refused write in the audit log: who tried, which action on what, and why it was refused."""
    return record_entry(primary, user, "refused", target, f"{action}: {why}", address)


def record_entry(
    primary: Path, user: str, action: str, target: str | None, detail: str, address: str | None = None
) -> bool:
    """One audit entry on its own (a refusal, a yes to held rows). Like a failed sign-in it changes no data version
    and waits at most AUDIT_TIMEOUT for a running write (False: not written; the caller's outcome stands)."""
    try:
        with writer(Path(primary), timeout=AUDIT_TIMEOUT) as store, store.transaction() as cur:
            audit(cur, user[:64], action, target, detail[:1000], address)
    except (WriterBusy, duckdb.Error, OSError):
        return False
    return True


def refused_here(store: Store, user: str, action: str, target: str | None, why: str, address: str | None) -> None:
    """The same note from inside a writer that already holds the lock (a cross-county file, a refused approval)."""
    with store.transaction() as cur:
        audit(cur, user[:64], "refused", target, f"{action}: {why}"[:1000], address)


def audit_entries(primary: Path, since: dt.date | None = None) -> pd.DataFrame:
    """The audit log newest first (from `since`), read from the primary database under the writer lock: failed
    sign-ins are not published in a snapshot of their own."""
    start = dt.datetime.combine(since, dt.time()) if since else None
    with writer_lock(Path(primary), timeout=AUDIT_TIMEOUT * 5):
        store = Store(Path(primary))
        try:
            store.apply_schema()
            return store.query("audit_log", since=start)
        finally:
            store.close()
