"""National figures: build the national database (unionbench.scale) through the store's bulk path, the real ingest
path on one province's slice of it, the boundary layer of every county, and the national county map: its figure
size, the bytes the browser receives for it and its first paint in chromium against a bare page. Prints a table;
nothing here asserts a time.

    python bench/national.py [--keep DIR] [--full-ingest]

--full-ingest also sends the whole dataset through the real ingest path (about 3 minutes and 6 GB of memory here).
"""

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support import CHROMIUM, CHROMIUM_ARGS, is_local, streamlit_server, wait_for_app  # noqa: E402
from unionbench import scale  # noqa: E402
from unionbench.geo import cached_layer, to_geojson  # noqa: E402
from unionbench.ingest import Upload, commit_file  # noqa: E402
from unionbench.initdb import initialise, load_demo_targets  # noqa: E402
from unionbench.paths import cache_dir_for  # noqa: E402
from unionbench.read import views  # noqa: E402
from unionbench.store import Replica, writer  # noqa: E402

TODAY = dt.date(2026, 11, 23)
SLICE = "51"  # Sichuan: one province's 10 years, as a provincial federation would send them
# Two animation frames after the map's shapes are drawn the browser has painted them: milliseconds since navigation.
PAINTED = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now()))))"


def build_figures(db: Path) -> dict:
    """The national database through the bulk path, timed step by step."""
    started = time.perf_counter()
    with writer(db) as store:
        initialise(store, demo=False)
        step = time.perf_counter()
        frame = scale.generate(store)
        generated = time.perf_counter() - step
        step = time.perf_counter()
        result = scale.load_national(store, frame)
        committed = time.perf_counter() - step
        load_demo_targets(store)
        step = time.perf_counter()
    published = time.perf_counter() - step  # checkpoint + snapshot copy, on leaving the writer
    total = time.perf_counter() - started
    snapshot = max((db.parent / f"{db.stem}.snapshots").glob("v*.duckdb"), key=lambda p: p.stat().st_mtime)
    return {
        "national: observations": f"{result.added:,} ({frame.region.nunique():,} regions × "
        f"{frame.indicator.nunique()} reported indicators × {frame.period.nunique()} quarters)",
        "national: database build, total (unionbench scale)": f"{total:.1f} s",
        "national: … generate": f"{generated:.1f} s",
        "national: … bulk commit + materialise roll-ups": f"{committed:.1f} s",
        "national: … publish snapshot": f"{published:.1f} s",
        "national: snapshot file size": f"{snapshot.stat().st_size / 1e6:.0f} MB",
    }, frame


def slice_csv(frame, prefix: str) -> bytes:
    part = frame[frame.region.str.startswith(prefix)]
    named = part.rename(columns={"region": "地区", "indicator": "指标", "period": "季度", "value": "数值"})
    return named.to_csv(index=False).encode("gb18030")


def real_ingest_figures(frame, workdir: Path, full: bool) -> dict:
    """The real ingest path (read, check, commit, publish) on one province's slice, and optionally on everything."""
    rows = {}
    for label, prefix in [("one province (Sichuan)", SLICE)] + ([("whole country", "")] if full else []):
        db = workdir / f"real-{prefix or 'all'}.duckdb"
        with writer(db) as store:
            initialise(store, demo=False)
        content = slice_csv(frame, prefix)
        started = time.perf_counter()
        outcome = commit_file(db, Upload(content, f"{label}.csv", today=TODAY), "bench")
        took = time.perf_counter() - started
        added = outcome.result.added if outcome.result else 0
        rows[f"real ingest path, {label}: {added:,} obs, {len(content) / 1e6:.0f} MB GB18030 CSV"] = (
            f"{took:.1f} s ({added / took:,.0f} obs/s; {len(outcome.prepared.errors)} errors)"
        )
    return rows


def boundary_figures(db: Path) -> dict:
    store = Replica(db).current()
    counties = store.query("regions_with_data", level="county")["adcode"].tolist()
    cache = cache_dir_for(db)
    started = time.perf_counter()
    layer = cached_layer(counties, cache)
    built = time.perf_counter() - started
    started = time.perf_counter()
    cached_layer(counties, cache)
    read = time.perf_counter() - started
    parquet = max(cache.glob("boundaries-*.parquet"), key=lambda p: p.stat().st_mtime)
    return {
        f"boundary layer, all {len(counties):,} counties: build / cached read": f"{built:.1f} s / {read * 1000:.0f} ms",
        "boundary layer, all counties: GeoParquet / GeoJSON": (
            f"{parquet.stat().st_size / 1e6:.1f} MB / {len(json.dumps(to_geojson(layer))) / 1e6:.1f} MB"
        ),
    }


def map_figure(db: Path) -> dict:
    """The national county map as the dashboard builds it, and the size of the spec sent to the browser."""
    import plotly.io

    from components.choropleth import region_map

    store = Replica(db).current()
    counties = store.query("regions_with_data", level="county")["adcode"].tolist()
    indicator = views.catalogue(store, "zh")["outdoor_stations"]
    started = time.perf_counter()
    values = views.region_values(store, counties, indicator, scale.LAST_PERIOD, True)
    layer = cached_layer(counties, cache_dir_for(db))
    figure = region_map(values, to_geojson(layer), tuple(layer.total_bounds), indicator, True, "zh")
    spec = plotly.io.to_json(figure, validate=False)
    took = time.perf_counter() - started
    return {
        "national county map: figure spec size": f"{len(spec) / 1e6:.2f} MB",
        "national county map: values + figure + JSON, server side": f"{took * 1000:.0f} ms",
    }


def map_paint(db: Path, tries: int = 3) -> dict:
    """The national county map's first paint against a bare Streamlit page (bench/apps/hello.py), cold browser
    contexts, the two interleaved after one warming visit each; and the bytes the browser received over the
    websocket for the map (the figure is most of them)."""
    from playwright.sync_api import sync_playwright

    hello = (
        "[...document.querySelectorAll('[data-testid=stMarkdownContainer]')]"
        ".some(e => e.textContent.trim() === 'hello')"
    )
    shapes = (
        "document.querySelector('.js-plotly-plot')?.data?.[0]?.locations?.length > 2000"
        " && document.querySelectorAll('.js-plotly-plot path.choroplethlocation').length > 2000"
    )
    drawn, paints, bare, received, outside = [], [], [], [], []
    with (
        streamlit_server(db, script="bench/apps/hello.py") as bare_url,
        streamlit_server(db, script="bench/apps/national_map.py") as url,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(tries + 1):
            context = browser.new_context(viewport={"width": 1920, "height": 1080})
            page = context.new_page()
            page.goto(bare_url)
            page.wait_for_function(hello, timeout=120_000, polling="raf")
            bare.append(page.evaluate(PAINTED) / 1000)
            context.close()
            context = browser.new_context(viewport={"width": 1920, "height": 1080})
            page = context.new_page()
            page.on("request", lambda r: None if is_local(r.url) else outside.append(r.url))
            frames = []
            page.on(
                "websocket", lambda ws, frames=frames: ws.on("framereceived", lambda data: frames.append(len(data)))
            )
            started = time.perf_counter()
            page.goto(url)
            wait_for_app(page, timeout_ms=120_000)
            page.wait_for_function(shapes, timeout=120_000, polling="raf")
            drawn.append(time.perf_counter() - started)
            paints.append(page.evaluate(PAINTED) / 1000)
            received.append(sum(frames))
            context.close()
        browser.close()
    drawn, paints, bare, received = drawn[1:], paints[1:], bare[1:], received[1:]  # the first visits warm the servers
    return {
        "tries": tries,
        "painted": statistics.median(paints),
        "bare": statistics.median(bare),
        "drawn": statistics.median(drawn),
        "received_mb": statistics.median(received) / 1e6,
        "outside": len(outside),
    }


def first_paint(db: Path, tries: int = 3) -> dict:
    """map_paint's figures as printed rows."""
    found = map_paint(db, tries)
    painted, bare = found["painted"], found["bare"]
    return {
        f"national county map: painted, browser clock from navigation start (median of {tries})": (
            f"{painted:.2f} s = {painted / bare:.1f}× a bare page ({bare:.2f} s, same run)"
        ),
        f"national county map: drawn, from navigation (median of {tries})": f"{found['drawn']:.2f} s",
        "national county map: bytes received over the websocket": f"{found['received_mb']:.2f} MB",
        "national county map: requests leaving localhost": str(found["outside"]),
    }


def results(workdir: Path, full_ingest: bool = False) -> tuple[dict, Path]:
    """Every national figure; returns them and the national database (kept in workdir for the other benches)."""
    db = workdir / "national.duckdb"
    rows, frame = build_figures(db)
    rows |= real_ingest_figures(frame, workdir, full_ingest)
    del frame
    rows |= boundary_figures(db)
    rows |= map_figure(db)
    rows |= first_paint(db)
    return rows, db


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="build in this folder and keep the national database")
    parser.add_argument("--full-ingest", action="store_true", help="also run the real ingest path on everything")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        rows, _ = results(workdir, args.full_ingest)
    width = max(map(len, rows))
    for name, value in rows.items():
        print(f"{name.ljust(width)}  {value}")


if __name__ == "__main__":
    main()
