"""The reporting cycle on the demo data: how long a reporter's submission, an approval, a return, a failed
sign-in's audit entry, the tracker and the audit log take. Each write holds the writer lock; submissions, approvals and
returns publish a snapshot (the demo database: ~7 MB), a failed sign-in publishes none. Prints a table.
"""

import datetime as dt
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import demo_database, timed  # noqa: E402
from unionbench.accounts import Account  # noqa: E402
from unionbench.audit import audit_entries, record_sign_in_failure  # noqa: E402
from unionbench.store import Replica, published_version  # noqa: E402
from unionbench.submissions import approve_submission, return_submission, submit_file  # noqa: E402
from unionbench.tracker import status_table  # noqa: E402

RUNS = 5
TODAY = dt.date(2026, 12, 1)
CANGXI = Account("cangxi", "reporter", "510824")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = demo_database(folder)
        times: dict[str, list[float]] = {}
        for run in range(RUNS):
            data = f"地区,职工培训,季度\n苍溪县,{run + 2},2026Q4\n".encode()
            sent, took = timed(submit_file, db, data, f"苍溪{run}.csv", CANGXI, "2026Q4", TODAY)
            times.setdefault("submit (check + store + publish)", []).append(took)
            if run % 2:
                _, took = timed(return_submission, db, sent.submission_id, "demo", "请核对")
                times.setdefault("return", []).append(took)
            else:
                _, took = timed(approve_submission, db, sent.submission_id, "demo", TODAY)
                times.setdefault("approve (re-check + commit + publish)", []).append(took)
            before = published_version(db)
            _, took = timed(record_sign_in_failure, db, "cangxi", "10.0.0.7", 0)
            assert published_version(db) == before  # no snapshot for a failed sign-in
            times.setdefault("failed sign-in audit entry", []).append(took)
            reader = Replica(db)
            _, took = timed(status_table, reader.current(), "510800", "2026Q4", TODAY)
            reader.close()
            times.setdefault("tracker (7 counties)", []).append(took)
            _, took = timed(audit_entries, db)
            times.setdefault("audit log (primary, under the lock)", []).append(took)
        print(f"{'what':<40} {'median s':>9} {'max s':>7}  ({RUNS} runs, demo database)")
        for what, values in times.items():
            print(f"{what:<40} {statistics.median(values):>9.3f} {max(values):>7.3f}")


if __name__ == "__main__":
    main()
