"""Many viewers through nginx: 50 sessions against the deployment `make serve REPLICAS=N` starts (nginx
with cookie-sticky sessions, N dashboard replicas, the writer), with 1, 2 and 4 replicas.

Each session is bench/concurrency.py's client (Streamlit's own protocol over a websocket, a real session and script
run on the server), connected through nginx with its own sticky cookie as a browser would be, on one of the pages
analysts click through; it opens the page, then moves the quarter filter every ~1 s (0.5–1.4 s) until the row's
time is up, timing each click from the message sent to the run finished. An exception on the page, an abnormal
end of a run, a dropped connection or a 60-s timeout is an error. Browsers are left out so the 2 cores go to the
servers. Only 127.0.0.1 is ever contacted.

    python bench/proxy.py [DB] [--clients 50] [--seconds 60] [--replicas 1 2 4]

Without DB the national database (bench/national.py's build: every county and city × 17 indicators × 40 quarters)
is built in a temporary folder first. Prints a table; asserts nothing. The machine is shared: the load average
before and after each row is printed beside its figures.
"""

import argparse
import asyncio
import itertools
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from concurrency import PAGES, client, drive, p95  # noqa: E402

from bench.common import commit, load  # noqa: E402
from unionbench.serve import STICKY_COOKIE, Layout, deployment, routes  # noqa: E402


async def through_proxy(url: str, clients: int, seconds: float, think: float) -> dict:
    out = {"first": [], "interaction": [], "errors": []}
    pages = itertools.cycle(PAGES)
    started = time.perf_counter()
    until = started + seconds
    await asyncio.gather(
        *(
            client(url, next(pages), 10**6, think, n, out, {"Cookie": f"{STICKY_COOKIE}={uuid.uuid4().hex}"}, until)
            for n in range(clients)
        )
    )
    out["wall"] = time.perf_counter() - started
    return out


def one_row(db: Path, replicas: int, clients: int, seconds: float, think: float, run_dir: Path) -> dict:
    with deployment(db, Layout.free(replicas), run_dir) as deployed:
        direct = [f"http://127.0.0.1:{port}" for port in deployed.layout.replicas]
        asyncio.run(drive(direct, replicas, 1, 0.0))  # one session per replica warms its caches, as in use
        warm_wait = settled([deployed.replica_log(port) for port in deployed.layout.replicas])
        load_before = load()
        out = asyncio.run(through_proxy(deployed.url, clients, seconds, think))
        load_after = load()
    spread = Counter(  # each session's websocket through nginx: which replica it was pinned to
        upstream
        for requests in routes(deployed.access_log).values()
        for path, _, upstream in requests
        if path == "/_stcore/stream"
    )
    return {
        "replicas": replicas,
        "sessions": clients,
        "spread": "/".join(str(n) for _, n in sorted(spread.items())),
        "first_p50": statistics.median(out["first"]) if out["first"] else float("nan"),
        "first_p95": p95(out["first"]),
        "clicks": len(out["interaction"]),
        "p50": statistics.median(out["interaction"]) if out["interaction"] else float("nan"),
        "p95": p95(out["interaction"]),
        "errors": len(out["errors"]),
        "error_samples": out["errors"][:2],
        "load": f"{load_before} → {load_after}",
        "wall": out["wall"],
        "warm_wait": warm_wait,
    }


def settled(logs: list[Path], timeout: float = 900.0) -> float:
    """Seconds until every replica has logged its warm page cache (components/warm.py): a deployment is up long
    before a crowd arrives, so the crowd is measured on settled replicas, as bench/concurrency.py measures one."""
    started = time.perf_counter()
    while not all(log.is_file() and "page cache warm for" in log.read_text(errors="replace") for log in logs):
        if time.perf_counter() - started > timeout:
            raise TimeoutError(f"no warm page cache after {timeout:.0f} s: see {logs}")
        time.sleep(0.5)
    return time.perf_counter() - started


def national_db(folder: Path) -> Path:
    from national import build_figures

    db = folder / "national.duckdb"
    build_figures(db)
    return db


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path, nargs="?")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--replicas", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db.resolve() if args.db else national_db(Path(tmp))
        rows = [one_row(db, n, args.clients, args.seconds, args.think, Path(tmp) / f"serve-{n}") for n in args.replicas]
    print(
        f"{args.clients} sessions through nginx, a click every ~{args.think:g} s for {args.seconds:g} s, "
        f"{os.cpu_count()} cores; database {args.db or 'national (built for the run)'}; commit {commit()}; "
        "each row on settled replicas (after their warm-up)"
    )
    print("goal: click p95 ≤ 1 s with 2 replicas on a quiet machine")
    header = "| replicas | sessions per replica | first load p50 / p95 | clicks | click p50 / p95 | errors | load avg |"
    print(header)
    print("|" + "---|" * header.count(" | ") + "---|")
    for r in rows:
        print(
            f"| {r['replicas']} | {r['spread']} | {r['first_p50']:.2f} / {r['first_p95']:.2f} s | {r['clicks']} | "
            f"{r['p50']:.2f} / {r['p95']:.2f} s | {r['errors']} | {r['load']} |"
        )
        for sample in r["error_samples"]:
            print(f"    e.g. {sample}")


if __name__ == "__main__":
    main()
