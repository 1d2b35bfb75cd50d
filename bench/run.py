"""`make bench`: every benchmark in turn (foundation, ingest, national, pages, concurrency), one table with the machine
and its targets, also written to bench/RESULTS.md. Runs sequentially: the machine's cores are the measure.

    python bench/run.py [--out bench/RESULTS.md] [--full-ingest]
"""

import argparse
import datetime as dt
import importlib.metadata
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import concurrency  # noqa: E402
import foundation  # noqa: E402
import ingest  # noqa: E402
import national  # noqa: E402
import pages  # noqa: E402

RERUN_TARGET_MS = 800
RATIO_TARGET = 1.5
CONCURRENT_TARGET_S = 2.0


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


def concurrency_rows(label: str, c: dict) -> dict:
    met = c["p95"] <= CONCURRENT_TARGET_S and c["errors"] == 0
    samples = f" — e.g. {c['error_samples'][0]}" if c["errors"] else ""
    return {
        f"{label}: first page load p50 / p95": f"{c['first_p50']:.2f} / {c['first_p95']:.2f} s",
        f"{label}: interaction p50 / p95 ({c['interactions']} quarter changes)": (
            f"{c['p50']:.2f} / {c['p95']:.2f} s · {c['errors']} errors{samples} "
            f"(target p95 ≤ {CONCURRENT_TARGET_S:.0f} s, 0 errors: {mark(met)})"
        ),
    }


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
    args = parser.parse_args()
    started = time.time()
    info = machine()
    sections: dict[str, dict] = {}

    def section(title: str, produce):
        print(f"… {title}", file=sys.stderr, flush=True)
        sections[title] = produce()

    section("Foundation (demo database)", foundation.results)
    section("Ingest (real path: read, check, commit, publish)", ingest.results)
    with tempfile.TemporaryDirectory() as tmp:
        national_rows, db = national.results(Path(tmp), args.full_ingest)
        sections["National scale"] = national_rows
        print("… pages at demo scale", file=sys.stderr, flush=True)
        demo_db = Path(tmp) / "demo" / "demo.duckdb"
        from unionbench.initdb import initialise
        from unionbench.store import writer

        with writer(demo_db) as store:
            initialise(store, demo=True)
        demo_pages = pages.run(demo_db)
        print("… pages at national scale", file=sys.stderr, flush=True)
        national_pages = pages.run(db)
        sections["National scale"]["largest Plotly spec on any page, national"] = (
            f"{national_pages['largest_spec'] / 1e6:.2f} MB"
        )
        print("… 20 concurrent sessions", file=sys.stderr, flush=True)
        one = concurrency.measure(db, clients=20, servers=1)
        two = concurrency.measure(db, clients=20, servers=2)
        paced = concurrency.measure(db, clients=20, servers=1, think=3.0)
        sections["20 concurrent sessions (national data, websocket clients)"] = (
            concurrency_rows("one process, a click every ~1 s each", one)
            | concurrency_rows("two processes on the same data (sticky split), a click every ~1 s each", two)
            | concurrency_rows("one process, a click every ~3 s each", paced)
        )
    info["bench took"] = f"{(time.time() - started) / 60:.1f} min"

    figures = page_table(demo_pages, national_pages)
    print()
    for name, value in info.items():
        print(f"{name}: {value}")
    for title, rows in sections.items():
        print(f"\n## {title}")
        print(text_table([[k, v] for k, v in rows.items()]))
    print("\n## Page reruns (AppTest, server side; interaction = the quarter filter moved)")
    print(text_table(figures))
    write_markdown(args.out, info, sections, figures)
    print(f"\nwritten to {args.out}")


def write_markdown(path: Path, info: dict, sections: dict, figures: list[list[str]]) -> None:
    lines = ["# Benchmark results", "", "Written by `make bench` (bench/run.py); every figure is from one run.", ""]
    lines += [f"- **{name}**: {value}" for name, value in info.items()]
    for title, rows in sections.items():
        lines += ["", f"## {title}", "", markdown_table([["figure", "value"], *[[k, v] for k, v in rows.items()]])]
    lines += [
        "",
        "## Page reruns (AppTest, server side)",
        "",
        "Interaction = the quarter filter moved to a quarter not shown yet, so every cache keyed on it misses; "
        "warm = the same view again. Floor = the named queries of those reruns replayed alone on their own "
        "connection; figure build = Plotly construction plus st.plotly_chart (serialise, hash).",
        "",
        markdown_table(figures),
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
