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
from unionbench.read import rankings, views  # noqa: E402
from unionbench.read.selection import Selection  # noqa: E402
from unionbench.store import Replica, writer  # noqa: E402

TODAY = dt.date(2026, 11, 23)
SLICE = "51"  # Sichuan: one province's 10 years, as a provincial federation would send them


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
    """The national county map as the map page builds it (its still stand-in, then its Plotly map), and the size of
    each as sent to the browser."""
    import plotly.io

    from components.choropleth import NATIONAL_HEIGHT, shapes_map, standin_block

    store = Replica(db).current()
    counties = store.query("regions_with_data", level="county")["adcode"].tolist()
    indicator = views.catalogue(store, "zh")["outdoor_stations"]
    cache = str(cache_dir_for(db))
    started = time.perf_counter()
    ranking = rankings.ranking_among(store, counties, Selection("", "", scale.LAST_PERIOD), indicator)
    ranked = time.perf_counter()
    standin = standin_block(ranking, cache, indicator.direction, NATIONAL_HEIGHT)
    drawn = time.perf_counter()
    spec = plotly.io.to_json(shapes_map(ranking, cache, indicator.direction, "zh", NATIONAL_HEIGHT), validate=False)
    done = time.perf_counter()
    return {
        "national county map: figure spec size": f"{len(spec) / 1e6:.2f} MB",
        "national county map: still stand-in drawing size": f"{len(standin) / 1e3:.0f} KB",
        "national county map: ranking / stand-in / figure + JSON, server side, first build": (
            f"{(ranked - started) * 1000:.0f} / {(drawn - ranked) * 1000:.0f} / {(done - drawn) * 1000:.0f} ms"
        ),
    }


def map_paint(db: Path, tries: int = 3) -> dict:
    """The national county map (bench/apps/national_map.py: the map page's component on every county) against a
    bare Streamlit page (bench/apps/hello.py), cold browser contexts at 1920×1080, the two interleaved after one
    warming visit each, timed on the page's own clock as bench/first_paint.py times the map page: its first map on
    screen (the still stand-in or the Plotly map, whichever comes first) and, as information, its Plotly map drawn
    (pan, zoom and click work from then on); with the bytes the browser received over the websocket."""
    from first_paint import MARKS
    from playwright.sync_api import sync_playwright

    first, plotly, bare, received, outside = [], [], [], [], []
    with (
        streamlit_server(db, script="bench/apps/hello.py") as bare_url,
        streamlit_server(db, script="bench/apps/national_map.py") as url,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(tries + 1):
            context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
            context.add_init_script(MARKS)
            page = context.new_page()
            page.goto(bare_url)
            page.wait_for_function("() => window.__fp.hello", timeout=120_000)
            bare.append(page.evaluate("window.__fp.hello") / 1000)
            context.close()
            context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
            context.add_init_script(MARKS)
            page = context.new_page()
            page.on("request", lambda r: None if is_local(r.url) else outside.append(r.url))
            frames = []
            page.on(
                "websocket", lambda ws, frames=frames: ws.on("framereceived", lambda data: frames.append(len(data)))
            )
            page.goto(url)
            page.wait_for_function("() => window.__fp.firstMap && window.__fp.plotly", timeout=120_000)
            wait_for_app(page, timeout_ms=120_000)  # the run has finished: every byte of the page has been sent
            marks = page.evaluate("window.__fp")
            first.append(marks["firstMap"] / 1000)
            plotly.append(marks["plotly"] / 1000)
            received.append(sum(frames))
            context.close()
        browser.close()
    first, plotly, bare, received = first[1:], plotly[1:], bare[1:], received[1:]  # the first visits warm servers
    return {
        "tries": tries,
        "painted": statistics.median(first),
        "plotly": statistics.median(plotly),
        "bare": statistics.median(bare),
        "received_mb": statistics.median(received) / 1e6,
        "outside": len(outside),
    }


def first_paint(db: Path, tries: int = 3) -> dict:
    """map_paint's figures as printed rows."""
    found = map_paint(db, tries)
    painted, plotly, bare = found["painted"], found["plotly"], found["bare"]
    return {
        f"national county map: first map on screen, from navigation (median of {tries})": (
            f"{painted:.2f} s = {painted / bare:.1f}× a bare page ({bare:.2f} s, same run)"
        ),
        f"national county map: Plotly map drawn (median of {tries})": f"{plotly:.2f} s = {plotly / bare:.1f}×",
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
