"""`unionbench compare` against its floor: a bare Python that imports duckdb, runs a similar query on the same snapshot
and writes the rows as CSV. Each is run as its own process, several times, alternating; the figure is CPU time (user +
system of the child, median), which the machine's load stretches far less than wall time. Also prints what the
command imports that the floor does not (python -X importtime, the largest top-level imports). Goal: ≤ 2×.

    python bench/cli_speed.py [--db DB] [--runs 7]      (default: a new demo database in a temporary folder)
"""

import argparse
import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL = 2.0
# The floor: the compared figures (the comparison's main read) of the home and its benchmark cities in the newest
# quarter, as CSV on standard output: what a person scripting DuckDB by hand would write.
FLOOR = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
home = con.execute("select value from meta where key = 'home'").fetchone()[0]
members = [r[0] for r in con.execute(
    "select m.adcode from benchmark_members as m join meta as s on s.key = 'benchmark' and m.set_id = s.value"
).fetchall()]
period = con.execute("select max(period) from figures where region = ?", [home]).fetchone()[0]
frame = con.execute("select * from compared_figures(?, ?)", [[home, *members], [period]]).df()
frame.to_csv(sys.stdout, index=False)
"""


def cpu_of(command: list[str]) -> tuple[float, float]:
    """CPU seconds (user + system) and wall seconds of one child process run to the end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def top_imports(command: list[str], count: int = 8) -> list[tuple[str, float]]:
    """The largest top-level imports of a run (cumulative ms, python -X importtime)."""
    found = subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, env=os.environ | {"PYTHONPROFILEIMPORTTIME": "1"}
    )
    tops = []
    for line in found.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line.split("|")
            if not name.startswith("  ") and cumulative.strip().isdigit():
                tops.append((name.strip(), int(cumulative) / 1000))
    return sorted(tops, key=lambda t: -t[1])[:count]


def measure(db: Path, runs: int) -> dict:
    """Median CPU and wall seconds of `unionbench compare` and of the floor, alternating, and compare's largest
    imports."""
    from unionbench.store import Replica

    snapshot = Replica(db).current().path
    ours = [sys.executable, "-m", "unionbench", "--db", str(db), "compare"]
    floor = [sys.executable, "-c", FLOOR, str(snapshot)]
    cpu_of(ours), cpu_of(floor)  # warm the file cache
    measured = {"ours": [], "floor": []}
    for _ in range(runs):
        measured["ours"].append(cpu_of(ours))
        measured["floor"].append(cpu_of(floor))
    return {
        "cpu": {k: statistics.median(c for c, _ in v) for k, v in measured.items()},
        "wall": {k: statistics.median(w for _, w in v) for k, v in measured.items()},
        "imports": top_imports(ours),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="a database (default: a new demo database)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    from bench.common import commit, demo_database

    with tempfile.TemporaryDirectory() as tmp:
        load_before = os.getloadavg()
        found = measure(args.db or demo_database(tmp), args.runs)
        load_after = os.getloadavg()
    cpu, wall = found["cpu"], found["wall"]
    loads = " / ".join(" ".join(f"{x:.1f}" for x in load) for load in (load_before, load_after))
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    ratio = cpu["ours"] / cpu["floor"]
    print(f"{when} · commit {commit()} · load {loads} (before / after) on {os.cpu_count()} cores")
    print(
        f"unionbench compare ÷ bare duckdb script, CPU (median of {args.runs}): {cpu['ours']:.2f} s ÷ "
        f"{cpu['floor']:.2f} s = {ratio:.1f}× (goal ≤ {GOAL:g}×: {'met' if ratio <= GOAL else 'NOT met'}) · wall "
        f"{wall['ours']:.2f} s ÷ {wall['floor']:.2f} s = {wall['ours'] / wall['floor']:.1f}×"
    )
    print("largest top-level imports of compare: " + ", ".join(f"{name} {ms:.0f} ms" for name, ms in found["imports"]))


if __name__ == "__main__":
    main()
