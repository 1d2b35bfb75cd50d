"""Checking speed and bounds: read + check 100,000 observations against DuckDB's own CSV read of the same
table (the floor; target ≤ 10×), and what a hostile file costs: 100,000 unknown regions and 30,000 identical rows,
each through the real command line in a child process (wall time, peak RSS, bytes printed, exit code).

    .venv/bin/python bench/ingest_speed.py            # prints a table; figures vary with the machine's load

Every time is printed beside its floor from the same run (the ratio), in wall time and in CPU time (DuckDB reads with
several threads: its CPU time counts them all), with the load average and the commit; a dated line goes to
bench/RESULTS.md (`--no-record` leaves it alone).
"""

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ingest import long_csv, print_rows  # noqa: E402
from unionbench.ingest import build_context, prepare  # noqa: E402
from unionbench.ingest.layout import find_table  # noqa: E402
from unionbench.ingest.parse import read_grid  # noqa: E402
from unionbench.ingest.validate import check  # noqa: E402
from unionbench.initdb import initialise  # noqa: E402
from unionbench.store import writer  # noqa: E402

TODAY = dt.date(2026, 11, 23)
RUNS = 3


def best_times(action) -> tuple[float, float]:
    """The best of RUNS runs in wall time and in CPU time of this process: the machine is shared, and the least
    disturbed run is the closest to the cost."""
    walls, cpus = [], []
    for _ in range(RUNS):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def duckdb_floor(content: bytes, workdir: Path) -> tuple[float, float]:
    """DuckDB reading the same table into memory. Its reader needs UTF-8 (GB18030 needs an extension download), so
    it reads the UTF-8 text of the same file."""
    path = workdir / "floor.csv"
    path.write_bytes(content.decode("gb18030").encode("utf-8"))

    def read():
        with duckdb.connect() as con:
            con.execute("create table t as select * from read_csv($path, header = true)", {"path": str(path)})

    return best_times(read)


def our_read_and_check(store, content: bytes) -> dict[str, tuple[float, float]]:
    """prepare() as the upload page and the CLI call it, and its three stages apart: (wall, CPU) seconds each."""
    stages = {}
    grid = read_grid(content, "bench.csv")
    stages["read_grid (parse.py)"] = best_times(lambda: read_grid(content, "bench.csv"))
    catalogue = store.query("indicator_catalogue")
    table = find_table(grid, catalogue)
    stages["find_table (layout.py)"] = best_times(lambda: find_table(grid, catalogue))
    stages["check (validate.py)"] = best_times(lambda: check(table, build_context(store, TODAY), None))
    prepared = prepare(content, "bench.csv", store, today=TODAY)
    assert prepared.ok, prepared.problem_table().head()
    stages["prepare (read + check)"] = best_times(lambda: prepare(content, "bench.csv", store, today=TODAY))
    return stages


def beside_floor(seconds: tuple[float, float], floor: tuple[float, float]) -> str:
    """A time and its ratio to the floor, in wall time and in CPU time."""
    (wall, cpu), (floor_wall, floor_cpu) = seconds, floor
    return f"wall {wall:.3f} s = {wall / floor_wall:.1f}× · CPU {cpu:.3f} s = {cpu / floor_cpu:.1f}×"


# The child reports its own high-water mark (VmHWM belongs to the process's memory since exec; ru_maxrss would also
# count the parent's memory copied at fork).
CHILD = """
import sys
from unionbench.cli import main
code = main(sys.argv[1:])
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM"))
sys.stderr.write("PEAK " + peak.split()[1] + "\\n")
sys.exit(code)
"""


def cli_run(db: Path, path: Path, *extra: str) -> dict:
    """`unionbench ingest` in a child process: wall time, peak RSS, bytes printed, exit code."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        child = subprocess.run(
            [sys.executable, "-c", CHILD, "--db", str(db), "ingest", str(path), *extra],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.PIPE,
            check=False,
        )
        wall = time.perf_counter() - started
        printed = out.seek(0, os.SEEK_END)
    peak_kb = int(child.stderr.decode().rsplit("PEAK ", 1)[1].split()[0])
    return {"time": wall, "rss_mb": peak_kb / 1024, "printed": printed, "exit": child.returncode}


def described(run: dict) -> str:
    return (
        f"exit {run['exit']}, {run['time']:.1f} s, peak RSS {run['rss_mb']:.0f} MB, "
        f"printed {run['printed'] / 1e3:.0f} kB"
    )


def results() -> tuple[dict, dict]:
    """The printed rows, and the figures for the dated line."""
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        db = workdir / "speed.duckdb"
        with writer(db) as store:
            initialise(store, demo=False)
            content = long_csv(store, 100_000)
            floor = duckdb_floor(content, workdir)
            stages = our_read_and_check(store, content)
        rows["100,000 obs: file size (GB18030)"] = f"{len(content) / 1e6:.1f} MB"
        rows["floor: DuckDB read_csv, same table (UTF-8)"] = f"wall {floor[0]:.3f} s · CPU {floor[1]:.3f} s"
        for name, seconds in stages.items():
            rows[f"ours: {name}, ÷ floor"] = beside_floor(seconds, floor)
        rows["target: read + check ÷ floor"] = "≤ 10×"
        bad = workdir / "mars.csv"
        bad.write_bytes(
            ("地区,指标,季度,数值\n" + "".join(f"火星{i}县,职工培训,2026Q3,{i % 9}\n" for i in range(100_000))).encode(
                "gb18030"
            )
        )
        # Hostile files are bounded (memory, bytes printed), not raced against a floor.
        run = cli_run(db, bad)
        rows[f"100,000 unknown regions ({bad.stat().st_size / 1e6:.1f} MB): ingest"] = described(run)
        same = workdir / "same.csv"
        same.write_bytes(("地区,职工培训,季度\n" + "利州区,3,2026Q3\n" * 30_000).encode("gb18030"))
        run = cli_run(db, same, "--dry-run")
        rows["30,000 identical rows: ingest --dry-run"] = described(run)
    return rows, {"floor": floor, "stages": stages}


def commit() -> str:
    found = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "unionbench"], cwd=ROOT, capture_output=True)
    return (found.stdout.strip() or "unknown") + (" (uncommitted changes)" if dirty.stdout.strip() else "")


LOG_HEADING = "## Ingest speed (bench/ingest_speed.py, one line a run)"


def record(path: Path, figures: dict, load: str, revision: str) -> None:
    """One dated line under the log's heading at the end of RESULTS.md (the heading is added once)."""
    floor, stages = figures["floor"], figures["stages"]
    ours = stages["prepare (read + check)"]
    line = (
        f"- {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC · commit {revision} · load {load} · "
        f"100,000 obs read + check ÷ DuckDB read_csv: wall {ours[0]:.2f} s ÷ {floor[0]:.3f} s = "
        f"{ours[0] / floor[0]:.1f}×, CPU {ours[1]:.2f} s ÷ {floor[1]:.3f} s = {ours[1] / floor[1]:.1f}× "
        "(target ≤ 10×) · "
        + " · ".join(f"{name.split(' ')[0]} {wall:.2f} s / CPU {cpu:.2f} s" for name, (wall, cpu) in stages.items())
    )
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    text = text.rstrip("\n") + (f"\n\n{LOG_HEADING}\n\n" if LOG_HEADING not in text else "\n")
    path.write_text(text + line + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-record", action="store_true", help="do not append the dated line to RESULTS.md")
    args = parser.parse_args()
    revision = commit()
    load_before = os.getloadavg()[0]
    rows, figures = results()
    load = os.getloadavg()[0]
    loads = f"{load_before:.1f} / {load:.1f} (1 min, before / after) on {os.cpu_count()} cores"
    rows["load average"] = loads
    rows["commit"] = revision
    print_rows(rows)
    if not args.no_record:
        record(ROOT / "bench" / "RESULTS.md", figures, loads, revision)
        print("a dated line added to bench/RESULTS.md")


if __name__ == "__main__":
    main()
