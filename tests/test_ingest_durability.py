"""An upload lands whole or not at all, even when the process is killed mid-commit; two uploads at once both land."""

import signal
import subprocess
import sys
import time

import pytest

from tests.support import published_copy
from unionbench.store import Store, pending_file, snapshot_dir

pytestmark = pytest.mark.system  # ingest processes started, killed and run side by side

COUNTIES = ["510802", "510811", "510812", "510821", "510822", "510823", "510824"]


@pytest.fixture
def db(writable_db):
    return writable_db


def big_long_csv(path, quarters: int = 40) -> int:
    """A long file of many figures for `quarters` quarters from 2005Q1 (no earlier figures, so every one is new),
    each a little above the last, so the file passes every check and the ingest really commits."""
    lines = ["region,indicator,period,value"]
    for i in range(quarters):
        period = f"{2005 + i // 4}Q{i % 4 + 1}"
        for county in COUNTIES:
            for n, indicator in enumerate(("trainings", "outdoor_stations", "funds_partner", "member_service_bases")):
                lines.append(f"{county},{indicator},{period},{100 + 10 * n + i}")
    path.write_text("\n".join(lines), encoding="utf-8")
    return len(lines) - 1


def figures_from_file(db) -> int:
    store = Store(db, read_only=True)
    try:
        with store.cursor() as cur:
            return cur.execute("select count(*) from current_observations where period < '2015'").fetchone()[0]
    finally:
        store.close()


def ingest_process(db, path, capture: bool = False):
    # Output goes to /dev/null unless read with communicate(): an unread pipe fills up and blocks the child.
    out = subprocess.PIPE if capture else subprocess.DEVNULL
    return subprocess.Popen(
        [sys.executable, "-m", "unionbench", "--db", str(db), "ingest", str(path), "--user", "demo"],
        stdout=out,
        stderr=out,
        text=True,
    )


def killed_when(db, directory, path, reached) -> int:
    """Ingest `path` into a published copy of `db`, SIGKILL the process the moment `reached(copy)` holds (or after it
    ended), and count the file's figures that landed."""
    directory.mkdir()
    trial = published_copy(db, directory)
    process = ingest_process(trial, path)
    while process.poll() is None and not reached(trial):
        time.sleep(0.0005)  # the interval between two looks at the state, not a pause standing in for it
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    return figures_from_file(trial)  # the database opens after the kill


# The states an ingest passes through, each visible from outside the process: it holds the writer lock (its PENDING
# mark is there), its commit writes DuckDB's write-ahead log, and it copies the committed primary to a new snapshot.
STATES = {
    "holding the lock": lambda db: pending_file(db).exists(),
    "writing the log": lambda db: db.with_name(db.name + ".wal").exists(),
    "publishing": lambda db: any(snapshot_dir(db).glob(".v*.partial")) or len(list(snapshot_dir(db).glob("v*"))) > 1,
}


def test_killing_the_ingest_mid_commit_leaves_all_or_none_of_the_upload(db, tmp_path):
    path = tmp_path / "big.csv"
    total = big_long_csv(path, quarters=40)
    landed = {state: killed_when(db, tmp_path / str(n), path, reached) for n, (state, reached) in
              enumerate(STATES.items())}  # fmt: skip
    assert all(count in (0, total) for count in landed.values()), f"{landed} of {total} figures landed"  # whole
    assert landed["holding the lock"] == 0  # a kill before the commit really interrupted the upload …
    assert landed["publishing"] == total  # … and one after it kept the whole upload


def test_two_uploads_at_once_both_land(db, tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("地区,职工培训,季度\n青川县,6,2026Q3\n", encoding="utf-8")
    second.write_text("地区,争取协作资金,季度\n剑阁县,77,2026Q3\n", encoding="utf-8")
    processes = [ingest_process(db, first, capture=True), ingest_process(db, second, capture=True)]
    results = [p.communicate(timeout=120) + (p.returncode,) for p in processes]
    assert [code for *_, code in results] == [0, 0], results
    store = Store(db, read_only=True)
    try:
        uploads = store.query("uploads")
        assert set(uploads.file_name) >= {"a.csv", "b.csv"}
        values = store.query("values_by_region", regions=["510822", "510823"], periods=["2026Q3"])
        assert values.set_index(["region", "indicator"]).value[("510822", "trainings")] == 6
        assert values.set_index(["region", "indicator"]).value[("510823", "funds_partner")] == 77
    finally:
        store.close()
