"""`make bench`: every speed figure beside its goal from one run on one machine, then the detailed benchmarks
(foundation, ingest, national, page reruns), appended as one dated section to bench/RESULTS.md. Runs sequentially:
the machine's cores are the measure, and each figure is printed with the load average when it was taken.

The goals table (speed, national database): the province-wide county ranking and an 8-quarter trend against Apache
Superset (when one answers at $SUPERSET_URL, installed apart), `unionbench compare` against a bare DuckDB script,
ingest against DuckDB's read_csv, page reruns against their queries and figure build, one process under 20
sessions against a lone session, 50 sessions through nginx and 2 replicas, and first paint against a bare
Streamlit page (overview tiles and county map, the map page, the wall screen; the national county map's size).

    python bench/run.py [--out bench/RESULTS.md] [--full-ingest] [--national DB]
"""

import argparse
import datetime as dt
import importlib.metadata
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import cli_speed  # noqa: E402
import concurrency  # noqa: E402
import first_paint  # noqa: E402
import foundation  # noqa: E402
import ingest  # noqa: E402
import ingest_speed  # noqa: E402
import national  # noqa: E402
import pages  # noqa: E402
import proxy  # noqa: E402
import superset  # noqa: E402

from bench.common import commit, load  # noqa: E402

RERUN_TARGET_MS = 800
RATIO_TARGET = 2.0  # a page's rerun ÷ (its queries + its figure build)
FLOOR_MIN_S = 0.001  # below this a page's rerun has no floor to be judged against
CONCURRENT_TARGET_S = 1.0  # p95 of a click under many sessions
CROWD_RATIO = 3.0  # 20 sessions on one process ÷ a lone session, p95
SUPERSET_LEAD = 3.0
CLI_RATIO = 2.0
INGEST_RATIO = 10.0
PAINT_GOALS = {"tiles": 1.3, "map": 2.0, "mapFirst": 2.0, "mapPage": None, "screen": 2.0}  # None: shown, no goal
MAP_MB = 2.0


class Goals:
    """The goals table: each figure with its floor or goal, whether it is met, the command that reproduces it alone
    and the load average when it was taken."""

    def __init__(self):
        self.rows: list[list[str]] = [["figure", "result", "goal", "met", "load (1, 5, 15 min)", "reproduce alone"]]

    def add(self, figure: str, result: str, goal: str, met: bool | None, command: str) -> None:
        verdict = "–" if met is None else mark(met)
        self.rows.append([figure, result, goal, verdict, load(), f"`{command}`"])
        print(f"  {figure}: {result} (goal {goal}: {verdict})", file=sys.stderr, flush=True)


def goal_figures(goals: Goals, db: Path, demo_db: Path, tmp: Path) -> dict:
    """Every row of the goals table, on the national database `db` (first paint on the demo database `demo_db`, what
    a federation's people open); returns the national page reruns for the detail table."""
    url = os.environ.get("SUPERSET_URL", "http://127.0.0.1:8088")
    command = f"bench/superset.py --db DB --url {url}"
    found = superset.compare(db, url, "admin", os.environ.get("SUPERSET_PASSWORD", "admin"), 9)
    for name, t in found:
        lead = t["superset"] / t["ours"]
        result = (
            f"ours {t['ours'] * 1000:.1f} ms (floor {t['floor'] * 1000:.1f} ms) · Superset "
            f"{t['superset'] * 1000:.0f} ms · Superset ÷ ours {lead:.1f}×"
        )
        goals.add(
            f"{name} vs Superset chart-data (force)", result, f"≥ {SUPERSET_LEAD:g}×", lead >= SUPERSET_LEAD, command
        )
    if not found:
        goals.add("county ranking and trend vs Superset", f"skipped: no Superset at {url}", "≥ 3×", None, command)

    cli = cli_speed.measure(db, 5)
    ratio = cli["cpu"]["ours"] / cli["cpu"]["floor"]
    result = f"CPU {cli['cpu']['ours']:.2f} s ÷ {cli['cpu']['floor']:.2f} s = {ratio:.1f}×"
    goals.add(
        "`unionbench compare` ÷ a bare duckdb script",
        result,
        f"≤ {CLI_RATIO:g}×",
        ratio <= CLI_RATIO,
        "bench/cli_speed.py --db DB --runs 5",
    )

    _, speed = ingest_speed.results()
    (ours, floor) = speed["stages"]["prepare (read + check)"][1], speed["floor"][1]
    result = f"CPU {ours:.2f} s ÷ {floor:.3f} s = {ours / floor:.1f}×"
    goals.add(
        "ingest 100,000 observations, read + check ÷ DuckDB read_csv",
        result,
        f"≤ {INGEST_RATIO:g}×",
        ours / floor <= INGEST_RATIO,
        "bench/ingest_speed.py --no-record",
    )

    reruns = pages.run(db)
    for p in reruns["pages"]:
        name = p["page"].removeprefix("app_pages/").removesuffix(".py")
        if "error" in p:
            goals.add(f"page rerun: {name}", f"error: {p['error']}", f"≤ {RATIO_TARGET:g}×", False, "bench/pages.py DB")
            continue
        if p["floor"] + p["figure"] < FLOOR_MIN_S:  # the rerun reads and draws nothing new: no floor to judge by
            goals.add(
                f"page rerun: {name}", f"{p['p50'] * 1000:.0f} ms, no query or figure", "–", None, "bench/pages.py DB"
            )
            continue
        result = (
            f"{p['p50'] * 1000:.0f} ms ÷ (queries {p['floor'] * 1000:.1f} + figure {p['figure'] * 1000:.1f} ms)"
            f" = {p['ratio']:.1f}×"
        )
        goals.add(
            f"page rerun: {name}", result, f"≤ {RATIO_TARGET:g}×", p["ratio"] <= RATIO_TARGET, "bench/pages.py DB"
        )

    crowd = concurrency.measure(db, clients=20, servers=1, lone=True)
    both = concurrency.measure(db, clients=20, servers=2)
    goals.add(
        "1 session, a click a second, p95 (on the settled server, just before the crowd)",
        f"{crowd['lone_p95']:.2f} s (p50 {crowd['lone_p50']:.2f} s)",
        "–",
        None,
        "bench/concurrency.py DB --clients 20",
    )
    times = crowd["p95"] / crowd["lone_p95"]
    met = crowd["p95"] <= CONCURRENT_TARGET_S and times <= CROWD_RATIO and crowd["errors"] == 0
    result = f"p95 {crowd['p95']:.2f} s (p50 {crowd['p50']:.2f} s) = {times:.1f}× the lone session"
    result += f" · server CPU {crowd['cpu_per_run'] * 1000:.0f} ms a run · {crowd['errors']} errors"
    goals.add(
        "20 sessions on 1 process, a click a second each",
        result,
        f"≤ {CONCURRENT_TARGET_S:g} s and ≤ {CROWD_RATIO:g}×",
        met,
        "bench/concurrency.py DB --clients 20",
    )
    result = f"p95 {both['p95']:.2f} s (p50 {both['p50']:.2f} s) · {both['errors']} errors"
    goals.add("20 sessions on 2 processes", result, "–", None, "bench/concurrency.py DB --clients 20 --servers 2")
    row = proxy.one_row(db, 2, 50, 60.0, 1.0, tmp / "serve-2")
    met = row["p95"] <= CONCURRENT_TARGET_S and row["errors"] == 0
    result = f"p95 {row['p95']:.2f} s (p50 {row['p50']:.2f} s, {row['clicks']} clicks, {row['errors']} errors)"
    goals.add(
        "50 sessions through nginx and 2 replicas, a click a second each",
        result,
        f"≤ {CONCURRENT_TARGET_S:g} s",
        met,
        "bench/proxy.py DB --clients 50 --replicas 2",
    )

    paint = {target: statistics.median(times) for target, times in first_paint.measure(demo_db)["times"].items()}
    bare = paint["hello"]
    for target, goal in PAINT_GOALS.items():
        label = first_paint.TARGETS[target][2]
        goals.add(
            f"first paint: {label}",
            f"{paint[target]:.0f} ms ÷ bare page {bare:.0f} ms = {paint[target] / bare:.2f}×",
            "–" if goal is None else f"≤ {goal:g}×",
            None if goal is None else paint[target] <= goal * bare,
            "bench/first_paint.py DEMO_DB",
        )
    found = national.map_paint(db)
    goals.add(
        "national county map (every county of China), sent",
        f"{found['received_mb']:.2f} MB over the websocket",
        f"≤ {MAP_MB:g} MB",
        found["received_mb"] <= MAP_MB,
        "bench/national.py",
    )
    ratio = found["painted"] / found["bare"]
    goals.add(
        "national county map, first map on screen (still stand-in or Plotly) ÷ a bare page",
        f"{found['painted']:.2f} s ÷ {found['bare']:.2f} s = {ratio:.1f}×",
        "≤ 2×",
        ratio <= 2.0,
        "bench/national.py",
    )
    result = f"{found['plotly']:.2f} s ÷ {found['bare']:.2f} s = {found['plotly'] / found['bare']:.1f}×"
    goals.add("national county map, Plotly map drawn ÷ a bare page", result, "–", None, "bench/national.py")
    return reruns


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor() or "?",
    )
    memory = next(
        (int(line.split()[1]) / 1e6 for line in Path("/proc/meminfo").read_text().splitlines() if "MemTotal" in line),
        0.0,
    )
    versions = " · ".join(f"{p} {importlib.metadata.version(p)}" for p in ("streamlit", "duckdb", "plotly", "pandas"))
    return {
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "machine": f"{cpu} · {os.cpu_count()} cores · {memory:.0f} GB RAM · {platform.system()} {platform.release()}",
        "software": f"Python {platform.python_version()} · {versions}",
    }


def mark(met: bool) -> str:
    return "✓" if met else "✗ missed"


def page_table(demo: dict, national_pages: dict) -> list[list[str]]:
    rows = [
        [
            "page",
            "demo p50 / p95",
            "national first run",
            "national p50 / p95",
            "national warm",
            "floor (queries)",
            "figure build",
            "ratio p50 ÷ (floor + figure)",
            f"p95 ≤ {RERUN_TARGET_MS} ms",
            f"ratio ≤ {RATIO_TARGET}",
        ]
    ]
    by_page = {p["page"]: p for p in demo["pages"]}
    for p in national_pages["pages"]:
        name = p["page"].removeprefix("app_pages/").removesuffix(".py")
        d = by_page.get(p["page"], {})
        if "error" in p or "error" in d:
            rows.append([name, d.get("error", ""), p.get("error", "")] + [""] * 7)
            continue
        rows.append(
            [
                name + ("" if p["moves_quarter"] else " (rerun only)"),
                f"{d['p50'] * 1000:.0f} / {d['p95'] * 1000:.0f} ms",
                f"{p['cold'] * 1000:.0f} ms",
                f"{p['p50'] * 1000:.0f} / {p['p95'] * 1000:.0f} ms",
                f"{p['warm'] * 1000:.0f} ms",
                f"{p['floor'] * 1000:.1f} ms",
                f"{p['figure'] * 1000:.1f} ms",
                f"{p['ratio']:.1f}×",
                mark(p["p95"] * 1000 <= RERUN_TARGET_MS),
                mark(p["ratio"] <= RATIO_TARGET),
            ]
        )
    return rows


def text_table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)) for r in rows)


def markdown_table(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    parser.add_argument("--full-ingest", action="store_true", help="the real ingest path on all 2.2M figures too")
    parser.add_argument("--national", type=Path, help="a national database already built (unionbench scale)")
    args = parser.parse_args()
    started = time.time()
    info = machine() | {"commit": commit(), "load average at the start": load()}
    sections: dict[str, dict] = {}
    goals = Goals()

    def section(title: str, produce):
        print(f"… {title}", file=sys.stderr, flush=True)
        try:
            sections[title] = produce()
        except Exception as error:  # a bench script a page change broke must not lose the other figures
            sections[title] = {"failed": f"{type(error).__name__}: {(str(error).splitlines() or [''])[0]}"}

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        demo_db = tmp / "demo" / "demo.duckdb"
        from unionbench.initdb import initialise
        from unionbench.store import writer

        with writer(demo_db) as store:
            initialise(store, demo=True)
        if args.national:
            db = args.national.resolve()
            section("National scale", lambda: national.map_figure(db))
        else:
            print("… National scale", file=sys.stderr, flush=True)
            sections["National scale"], db = national.results(tmp, args.full_ingest)
        print("… the goals table", file=sys.stderr, flush=True)
        national_pages = goal_figures(goals, db, demo_db, tmp)
        section("Foundation (demo database)", foundation.results)
        section("Ingest (real path: read, check, commit, publish)", ingest.results)
        print("… pages at demo scale", file=sys.stderr, flush=True)
        demo_pages = pages.run(demo_db)
    sections["National scale"]["largest Plotly spec on any page, national"] = (
        f"{national_pages['largest_spec'] / 1e6:.2f} MB"
    )
    info["bench took"] = f"{(time.time() - started) / 60:.1f} min"
    met = sum(1 for row in goals.rows[1:] if row[3] == "✓")
    judged = sum(1 for row in goals.rows[1:] if row[3] != "–")
    info["goals met"] = f"{met} of {judged}"

    figures = page_table(demo_pages, national_pages)
    print()
    for name, value in info.items():
        print(f"{name}: {value}")
    print("\n## Goals")
    print(text_table(goals.rows))
    for title, rows in sections.items():
        print(f"\n## {title}")
        print(text_table([[k, v] for k, v in rows.items()]))
    print("\n## Page reruns (AppTest, server side; interaction = the quarter filter moved)")
    print(text_table(figures))
    append_markdown(args.out, info, goals.rows, sections, figures)
    print(f"\nappended to {args.out}")


def append_markdown(path: Path, info: dict, goals: list[list[str]], sections: dict, figures: list[list[str]]) -> None:
    """One dated section at the end of RESULTS.md: what earlier runs found stays above it."""
    lines = ["", f"## `make bench`, {info['date']}, commit {info['commit']}", ""]
    lines += [f"- **{name}**: {value}" for name, value in info.items() if name not in ("date", "commit")]
    lines += ["", "### Goals", "", markdown_table(goals)]
    for title, rows in sections.items():
        lines += ["", f"### {title}", "", markdown_table([["figure", "value"], *[[k, v] for k, v in rows.items()]])]
    lines += [
        "",
        "### Page reruns (AppTest, server side)",
        "",
        "Interaction = the quarter filter moved to a quarter not shown yet, so every cache keyed on it misses; "
        "warm = the same view again. Floor = the named queries of those reruns replayed alone on their own "
        "connection; figure build = Plotly construction plus st.plotly_chart (serialise, hash).",
        "",
        markdown_table(figures),
        "",
    ]
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    path.write_text(text.rstrip("\n") + "\n" + "\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
