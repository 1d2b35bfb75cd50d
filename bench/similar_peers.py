"""Similar peers: time `similar.similar_peers` on the demo data and on the national database (every
county and city of China, unionbench.scale), for a city and a county, within the province and the whole country.
Prints a table of medians (first run in brackets); `--national DB` reuses a national database already built."""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ingest import print_rows  # noqa: E402
from unionbench.initdb import initialise  # noqa: E402
from unionbench.read.similar import similar_peers  # noqa: E402
from unionbench.scale import build  # noqa: E402
from unionbench.store import Replica, writer  # noqa: E402

CASES = [("510800", "province"), ("510800", "country"), ("510824", "province"), ("510824", "country")]
RUNS = 5


def timings(db: Path, label: str) -> dict:
    reader = Replica(db)
    store = reader.current()
    rows = {}
    try:
        for home, within in CASES:
            times = []
            for _ in range(RUNS):
                started = time.perf_counter()
                result = similar_peers(store, home, 5, within)
                times.append(time.perf_counter() - started)
            key = f"{label}: {home} within {within} (pool {result.pool_size:,})"
            rows[key] = f"{statistics.median(times) * 1000:.0f} ms ({times[0] * 1000:.0f} ms)"
    finally:
        reader.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--national", type=Path, help="a national database built by `unionbench scale`")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "demo.duckdb"
        with writer(demo) as primary:
            initialise(primary, demo=True)
        rows = timings(demo, "demo")
        national = args.national
        if national is None:
            national = Path(folder) / "national.duckdb"
            build(national)
        rows |= timings(national, "national")
    print(f"similar_peers, k=5, {RUNS} runs each: median (first run)")
    print_rows(rows)


if __name__ == "__main__":
    main()
