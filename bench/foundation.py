"""Foundation figures: `unionbench init --demo`, boundary cache size, overview rerun and first paint in chromium.

Prints a table; nothing here asserts a time. Run with `make bench`.
"""

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support import CHROMIUM, CHROMIUM_ARGS, is_local, streamlit_server, wait_for_app  # noqa: E402
from unionbench.geo import cached_layer, to_geojson  # noqa: E402
from unionbench.paths import cache_dir_for  # noqa: E402
from unionbench.store import Store  # noqa: E402

GUANGYUAN = ["510802", "510811", "510812", "510821", "510822", "510823", "510824"]


def timed_init(db: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "unionbench", "--db", str(db), "init", "--demo"], check=True, capture_output=True
    )
    return time.perf_counter() - started


def init_figures(workdir: Path) -> dict:
    fresh = [timed_init(workdir / f"init{i}.duckdb") for i in range(3)]
    again = [timed_init(workdir / "init0.duckdb") for _ in range(3)]
    return {
        "init --demo, fresh database (median of 3)": f"{statistics.median(fresh):.2f} s",
        "init --demo, again (idempotent, median of 3)": f"{statistics.median(again):.2f} s",
        "database file size": f"{(workdir / 'init0.duckdb').stat().st_size / 1e6:.1f} MB",
    }


def boundary_figures(db: Path) -> dict:
    store = Store(db, read_only=True)
    demo_counties = store.query("regions_with_data", level="county")["adcode"].tolist()
    store.close()
    cache = cache_dir_for(db)
    figures = {}
    for label, codes in (
        ("Guangyuan's 7 counties", GUANGYUAN),
        (f"all {len(demo_counties)} demo counties", demo_counties),
    ):
        started = time.perf_counter()
        layer = cached_layer(codes, cache)
        built = time.perf_counter() - started
        started = time.perf_counter()
        cached_layer(codes, cache)
        read = time.perf_counter() - started
        files = sorted(cache.glob("boundaries-*.parquet"), key=lambda p: p.stat().st_mtime)
        figures[f"boundary layer, {label}: build / cached read"] = f"{built * 1000:.0f} ms / {read * 1000:.0f} ms"
        figures[f"boundary cache file, {label}"] = f"{files[-1].stat().st_size / 1024:.0f} KB"
        figures[f"GeoJSON for the map, {label}"] = f"{len(json.dumps(to_geojson(layer))) / 1024:.0f} KB"
    return figures


def rerun_figures(db: Path) -> dict:
    from streamlit.testing.v1 import AppTest

    os.environ["UNIONBENCH_DB"] = str(db)
    os.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    times = []
    for i in range(12):
        started = time.perf_counter()
        at.run()
        if i >= 2:  # the first runs fill caches
            times.append(time.perf_counter() - started)
    times.sort()
    p50, p95 = statistics.median(times), times[int(len(times) * 0.95) - 1]
    return {"overview rerun, AppTest (p50 / p95 of 10, warm)": f"{p50 * 1000:.0f} ms / {p95 * 1000:.0f} ms"}


def first_paint_figures(db: Path) -> dict:
    from playwright.sync_api import sync_playwright

    paints, ready, outside = [], [], []
    with streamlit_server(db) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(3):
            context = browser.new_context(viewport={"width": 1920, "height": 1080})
            page = context.new_page()
            page.on("request", lambda r: None if is_local(r.url) else outside.append(r.url))
            started = time.perf_counter()
            page.goto(url)
            wait_for_app(page)
            page.wait_for_selector("[data-testid=kpi-tile]")
            page.wait_for_function(  # the county map: an SVG drawing, its image decoded
                "(() => { const img = document.querySelector('[data-testid=ranking-map] img');"
                " return img?.complete && img.naturalWidth > 0; })()"
            )
            ready.append(time.perf_counter() - started)
            paints.append(
                page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN") / 1000
            )
            context.close()
        browser.close()
    return {
        "overview first contentful paint, chromium (median of 3)": f"{statistics.median(paints):.2f} s",
        "overview tiles and map drawn, chromium (median of 3)": f"{statistics.median(ready):.2f} s",
        "requests leaving localhost": str(len(outside)),
    }


def results() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        rows = init_figures(workdir)
        db = workdir / "init0.duckdb"
        rows |= boundary_figures(db)
        rows |= rerun_figures(db)
        rows |= first_paint_figures(db)
    return rows


def main() -> None:
    rows = {"machine": f"{platform.node()} · {os.cpu_count()} cores · Python {platform.python_version()}"}
    rows |= results()
    width = max(map(len, rows))
    print(f"{'figure'.ljust(width)}  value")
    for name, value in rows.items():
        print(f"{name.ljust(width)}  {value}")


if __name__ == "__main__":
    main()
