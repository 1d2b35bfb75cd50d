"""Checking speed and bounds (issue 12): read + check 100,000 observations against DuckDB's own CSV read of the same
table (the floor; target ≤ 10×), and what a hostile file costs: 100,000 unknown regions and 30,000 identical rows,
each through the real command line in a child process (wall time, peak RSS, bytes printed, exit code).

    .venv/bin/python bench/ingest_speed.py            # prints a table; figures vary with the machine's load
"""

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


def best_time(action, clock=time.perf_counter) -> float:
    """The best of RUNS runs: the machine is shared, and the least disturbed run is the closest to the cost."""
    times = []
    for _ in range(RUNS):
        started = clock()
        action()
        times.append(clock() - started)
    return min(times)


def duckdb_floor(content: bytes, workdir: Path) -> float:
    """DuckDB reading the same table into memory. Its reader needs UTF-8 (GB18030 needs an extension download), so
    it reads the UTF-8 text of the same file."""
    path = workdir / "floor.csv"
    path.write_bytes(content.decode("gb18030").encode("utf-8"))

    def read():
        with duckdb.connect() as con:
            con.execute("create table t as select * from read_csv($path, header = true)", {"path": str(path)})

    return best_time(read)


def our_read_and_check(store, content: bytes) -> dict:
    """prepare() as the upload page and the CLI call it, and its three stages apart."""
    stages = {}
    grid = read_grid(content, "bench.csv")
    stages["read_grid (parse.py)"] = best_time(lambda: read_grid(content, "bench.csv"))
    catalogue = store.query("indicator_catalogue")
    table = find_table(grid, catalogue)
    stages["find_table (layout.py)"] = best_time(lambda: find_table(grid, catalogue))
    stages["check (validate.py)"] = best_time(lambda: check(table, build_context(store, TODAY), None))
    prepared = prepare(content, "bench.csv", store, today=TODAY)
    assert prepared.ok, prepared.problem_table().head()
    stages["prepare (read + check)"] = best_time(lambda: prepare(content, "bench.csv", store, today=TODAY))
    stages["prepare, CPU time of this process"] = best_time(
        lambda: prepare(content, "bench.csv", store, today=TODAY), clock=time.process_time
    )
    return stages


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


def results() -> dict:
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        db = workdir / "speed.duckdb"
        with writer(db) as store:
            initialise(store, demo=False)
            content = long_csv(store, 100_000)
            floor = duckdb_floor(content, workdir)
            stages = our_read_and_check(store, content)
        ours = stages["prepare (read + check)"]
        rows["100,000 obs: file size (GB18030)"] = f"{len(content) / 1e6:.1f} MB"
        rows["DuckDB read_csv floor (same table, UTF-8)"] = f"{floor:.3f} s"
        for name, seconds in stages.items():
            rows[f"ours: {name}"] = f"{seconds:.2f} s"
        rows["ratio read + check / floor (target ≤ 10×)"] = f"{ours / floor:.0f}×"
        rows["ratio check alone / floor"] = f"{stages['check (validate.py)'] / floor:.0f}×"
        bad = workdir / "mars.csv"
        bad.write_bytes(
            ("地区,指标,季度,数值\n" + "".join(f"火星{i}县,职工培训,2026Q3,{i % 9}\n" for i in range(100_000))).encode(
                "gb18030"
            )
        )
        run = cli_run(db, bad)
        rows[f"100,000 unknown regions ({bad.stat().st_size / 1e6:.1f} MB): ingest"] = described(run)
        same = workdir / "same.csv"
        same.write_bytes(("地区,职工培训,季度\n" + "利州区,3,2026Q3\n" * 30_000).encode("gb18030"))
        run = cli_run(db, same, "--dry-run")
        rows["30,000 identical rows: ingest --dry-run"] = described(run)
    return rows


def main() -> None:
    print_rows(results())
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
