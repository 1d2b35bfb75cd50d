"""SIGKILL `unionbench ingest`, `revert` and `init` at random points and check what every reader sees afterwards.

After each kill: the database reopens, its state is the old one or the new one (never anything in between), and a
reader that opens it right away — and again after one writer that changes nothing — sees exactly the primary's
state (no stale snapshot).

    python bench/kill_loop.py                  # KILL_RUNS=210 runs in all, split over the three operations
    KILL_RUNS=30 KILL_SEED=7 python bench/kill_loop.py

Prints one line per operation: runs, killed (still running when the signal came), reopened, old, new, partial,
stale (a fresh reader differs from the primary), stale_after_writer; exits 1 if any run was partial, stale or did
not reopen.
"""

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from unionbench.export import export_text  # noqa: E402
from unionbench.store import NotInitialised, Replica, Store, publishable, writer  # noqa: E402

OPERATIONS = ("ingest", "revert", "init")
UNINITIALISED = "<not initialised>"
COUNTIES = ["510802", "510811", "510812", "510821", "510822", "510823", "510824"]


@dataclass
class Tally:
    runs: int = 0
    killed: int = 0
    reopened: int = 0
    old: int = 0
    new: int = 0
    partial: int = 0
    stale: int = 0
    stale_after_writer: int = 0
    failures: list[str] = field(default_factory=list)
    aim: float = 0.0  # seconds after the start at which most kills are aimed

    def bad(self) -> bool:
        return bool(self.partial or self.stale or self.stale_after_writer or self.reopened < self.runs)


def cli(db: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "unionbench", "--db", str(db), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )


def state_of(store: Store) -> str:
    """Everything a reader would show: the export, the upload history (with status) and the region count."""
    uploads = store.query("uploads")[["id", "status", "file_name"]].to_csv(index=False)
    return export_text(store) + uploads + str(len(store.query("region_index")))


def primary_state(db: Path) -> str:
    """The primary's own state, read directly (read-only), or UNINITIALISED when readers may not see it."""
    if not db.is_file():
        return UNINITIALISED
    store = Store(db, read_only=True)
    try:
        return state_of(store) if publishable(store) else UNINITIALISED
    finally:
        store.close()


def reader_state(db: Path) -> str:
    """What a new reader process sees (a fresh Replica, as `unionbench export` or a dashboard opens one)."""
    reader = Replica(db)
    try:
        return state_of(reader.current())
    except (NotInitialised, FileNotFoundError):
        return UNINITIALISED
    finally:
        reader.close()


def copy_database(source_dir: Path, target_dir: Path) -> Path:
    shutil.copytree(source_dir, target_dir)
    return target_dir / "db.duckdb"


def run_clean(db: Path, *args: str) -> float:
    started = time.perf_counter()
    process = cli(db, *args)
    if process.wait(timeout=300) != 0:
        raise SystemExit(f"clean run of {args} failed")
    return time.perf_counter() - started


def write_correction(path: Path) -> None:
    lines = ["region,indicator,period,value"]
    for n, county in enumerate(COUNTIES):
        lines.append(f"{county},trainings,2026Q3,{90 + n}")
        lines.append(f"{county},funds_partner,2026Q3,{50 + n}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def prepare(work: Path) -> dict:
    """Base databases, the clean outcome of each operation, and how long each takes when not killed."""
    upload_file = work / "correction.csv"
    write_correction(upload_file)
    demo_dir = work / "demo"
    demo_dir.mkdir()
    run_clean(demo_dir / "db.duckdb", "init", "--demo")
    ingested = copy_database(demo_dir, work / "ingested")
    ingest_seconds = run_clean(ingested, "ingest", str(upload_file), "--user", "demo")
    reverted = copy_database(work / "ingested", work / "reverted")
    store = Store(reverted, read_only=True)
    upload_id = str(int(store.query("uploads")["id"].max()))
    store.close()
    revert_seconds = run_clean(reverted, "revert", upload_id, "--user", "demo")
    init_seconds = run_clean(work / "init" / "db.duckdb", "init")
    return {
        "ingest": (
            demo_dir,
            ("ingest", str(upload_file), "--user", "demo"),
            ingest_seconds,
            primary_state(demo_dir / "db.duckdb"),
            primary_state(ingested),
        ),
        "revert": (
            work / "ingested",
            ("revert", upload_id, "--user", "demo"),
            revert_seconds,
            primary_state(ingested),
            primary_state(reverted),
        ),
        "init": (None, ("init",), init_seconds, UNINITIALISED, primary_state(work / "init" / "db.duckdb")),
    }


def one_run(trial: Path, plan: tuple, rng: random.Random, tally: Tally) -> None:
    source, args, _, old, new = plan
    db = copy_database(source, trial) if source else trial / "db.duckdb"
    if not source:
        trial.mkdir()
    process = cli(db, *args)
    # A third anywhere in the run; two thirds near `tally.aim`, the moment a run commits and publishes, which
    # follows the machine's load: aim earlier after a run that had finished, later after one that changed nothing
    # (most of a short run is Python starting up, and a kill there proves little).
    time.sleep(rng.uniform(0.1, 1.05) * plan[2] if rng.random() < 1 / 3 else rng.uniform(0.9, 1.1) * tally.aim)
    running = process.poll() is None
    tally.killed += running
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    tally.runs += 1
    try:
        seen = reader_state(db)  # first, before anything else touches the files
        state = primary_state(db)
    except Exception as error:  # the database did not reopen
        tally.failures.append(f"{trial.name}: {type(error).__name__}: {error}")
        return
    tally.reopened += 1
    tally.aim *= 0.9 if not running else (1.08 if state == old else 1.0)
    tally.old += state == old
    tally.new += state == new
    tally.partial += state not in (old, new)
    tally.stale += seen != state
    if db.is_file():
        with writer(db):  # a writer that changes nothing
            pass
    tally.stale_after_writer += reader_state(db) != primary_state(db)
    if state not in (old, new) or seen != state:
        tally.failures.append(f"{trial.name}: partial={state not in (old, new)} stale={seen != state}")


def main() -> int:
    runs = int(os.environ.get("KILL_RUNS", "210"))
    rng = random.Random(int(os.environ.get("KILL_SEED", "12")))
    tallies = {op: Tally() for op in OPERATIONS}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kill_loop_") as folder:
        work = Path(folder)
        plans = prepare(work)
        for op in OPERATIONS:
            tallies[op].aim = 0.8 * plans[op][2]
        for n in range(runs):
            op = OPERATIONS[n % len(OPERATIONS)]
            trial = work / f"{op}{n}"
            one_run(trial, plans[op], rng, tallies[op])
            shutil.rmtree(trial, ignore_errors=True)
    print(f"kill loop: {runs} runs in {time.perf_counter() - started:.0f} s (seed {os.environ.get('KILL_SEED', '12')})")
    print(
        f"{'operation':<10}{'runs':>6}{'killed':>8}{'reopened':>10}{'old':>6}{'new':>6}{'partial':>9}{'stale':>7}"
        f"{'stale_after_writer':>20}"
    )
    for op, tally in tallies.items():
        print(
            f"{op:<10}{tally.runs:>6}{tally.killed:>8}{tally.reopened:>10}{tally.old:>6}{tally.new:>6}"
            f"{tally.partial:>9}{tally.stale:>7}{tally.stale_after_writer:>20}"
        )
        for failure in tally.failures[:5]:
            print(f"    {failure}")
    return 1 if any(t.bad() for t in tallies.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
