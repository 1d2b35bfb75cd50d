"""An upload lands whole or not at all, even when the process is killed mid-commit; two uploads at once both land."""

import shutil
import signal
import subprocess
import sys
import time

import pytest

from unionbench.store import Store

COUNTIES = ["510802", "510811", "510812", "510821", "510822", "510823", "510824"]


@pytest.fixture
def db(writable_db):
    return writable_db


def big_long_csv(path, quarters: int = 40) -> int:
    """A long file of many figures for quarters 2005Q1 on (no earlier figures, so every one is new)."""
    lines = ["region,indicator,period,value"]
    for i in range(quarters * 4):
        period = f"{2005 + i // 4}Q{i % 4 + 1}"
        for county in COUNTIES:
            for n, indicator in enumerate(("trainings", "outdoor_stations", "funds_partner", "member_service_bases")):
                lines.append(f"{county},{indicator},{period},{n + i % 7 + 1}")
    path.write_text("\n".join(lines), encoding="utf-8")
    return len(lines) - 1


def figures_from_file(db) -> int:
    store = Store(db, read_only=True)
    try:
        with store._con.cursor() as cur:
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


def test_killing_the_ingest_mid_commit_leaves_all_or_none_of_the_upload(db, tmp_path):
    path = tmp_path / "big.csv"
    total = big_long_csv(path, quarters=40)
    started = time.perf_counter()
    full = ingest_process(tmp_path / "timing.duckdb", path)  # how long a whole run takes here (on an empty db)
    subprocess.run(
        [sys.executable, "-m", "unionbench", "--db", str(tmp_path / "timing.duckdb"), "init"],
        check=True,
        capture_output=True,
    )
    full.wait()
    duration = time.perf_counter() - started
    outcomes = set()
    for fraction in (0.3, 0.5, 0.65, 0.8, 0.9, 0.97):
        trial = tmp_path / f"trial{fraction}.duckdb"
        shutil.copyfile(db, trial)
        process = ingest_process(trial, path)
        time.sleep(duration * fraction)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        landed = figures_from_file(trial)  # the database opens after the kill …
        assert landed in (0, total), f"killed at {fraction:.0%}: {landed} of {total} figures landed"  # … whole
        outcomes.add(landed)
    assert 0 in outcomes  # at least one kill really interrupted the upload


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
