"""First paint: what a person waits for when opening the dashboard, against a bare Streamlit page,
measured in one run so the machine's load is shared alike.

- bare page: bench/apps/hello.py (`st.write("hello")`), until "hello" is on screen;
- overview: the six headline tiles on screen, and its county map drawn (the SVG drawing's image decoded);
- map page, first map on screen: /map until a map is on screen: the still drawing that stands in for the Plotly map
  (its image decoded and visible) or the Plotly map itself, whichever comes first;
- map page, Plotly map drawn: /map until its Plotly map is drawn (pan, zoom and click work from then on): every
  region's shape in the geo map's SVG (a path per location of its traces; a map drawn with MapLibre, as a BASELINE
  checkout may have it, counts once MapLibre has loaded and its canvas is there);
- wall screen: /screen?embed=true until the first tile is on screen.

Each is the median of RUNS (default 5) visits, each in a cold browser context (no cache, no cookie), at 1920×1080,
on a server warmed by one visit (its modules imported, its caches filled: what a person meets during the day).
Times are the page's own clock, milliseconds from navigation start, read in the animation frame that paints it.
For each target the profile says what the browser waited for: the HTML, the script bundle, the websocket open,
Streamlit's first message, the last script chunk loaded (Plotly, MapLibre come lazily) and every rerun request the
page sent before the target appeared. Prints the table and the ratios; asserts nothing.

    .venv/bin/python bench/first_paint.py [DB]      (default: a fresh demo database)
    BASELINE=/path/to/another/checkout .venv/bin/python bench/first_paint.py [DB]

BASELINE serves that checkout's dashboard.py beside this one's (same database, same browser, visits interleaved) and
adds its overview tiles and map page to the table, so a change and what it replaces are timed in the same run.
"""

import math
import os
import statistics
import sys
import tempfile
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402
from unionbench.initdb import initialise  # noqa: E402
from unionbench.store import writer  # noqa: E402

RUNS = int(os.environ.get("RUNS", "5"))
BASELINE = os.environ.get("BASELINE")
# target: (page visited, mark on its clock, label)
TARGETS = {"hello": ("hello", "hello", "bare Streamlit page"), "tiles": ("overview", "tiles", "overview: six tiles")}
TARGETS["map"] = ("overview", "drawn", "overview: county map drawn")
TARGETS["mapFirst"] = ("map", "firstMap", "map page: first map on screen")
TARGETS["mapPage"] = ("map", "plotly", "map page: Plotly map drawn")
TARGETS["screen"] = ("screen", "screen", "wall screen: first frame")
if BASELINE:
    TARGETS["tilesA"] = ("overviewA", "tiles", "BASELINE overview: six tiles")
    TARGETS["mapFirstA"] = ("mapA", "firstMap", "BASELINE map page: first map on screen")
    TARGETS["mapPageA"] = ("mapA", "plotly", "BASELINE map page: Plotly map drawn")
# Marks on the page's clock. The websocket is wrapped to see it open, its first message and the page's requests
# (each BackMsg the page sends: a rerun request, a widget change); targets are checked every animation frame.
MARKS = """
window.__fp = {sends: []};
(() => {
  const m = window.__fp, Native = window.WebSocket;
  class Watched extends Native {
    constructor(...args) {
      super(...args);
      m.wsCreated ??= performance.now();
      this.addEventListener('open', () => { m.wsOpen ??= performance.now(); });
      this.addEventListener('message', () => { m.firstMessage ??= performance.now(); });
    }
    send(data) { m.sends.push(performance.now()); return super.send(data); }
  }
  window.WebSocket = Watched;
  m.longTasks = [];
  new PerformanceObserver(list => list.getEntries().forEach(e => m.longTasks.push([Math.round(e.startTime),
    Math.round(e.duration)]))).observe({type: 'longtask', buffered: true});
  const tick = () => {
    const now = performance.now();
    if (!m.hello && [...document.querySelectorAll('[data-testid=stMarkdownContainer]')]
        .some(e => e.textContent.trim() === 'hello')) m.hello = now;
    if (!m.tiles && document.querySelectorAll('[data-testid=kpi-tile]').length >= 6) m.tiles = now;
    if (!m.screen && document.querySelector('[data-testid=screen-tile]')) m.screen = now;
    if (!m.title && document.querySelector('[data-testid=stMain] h1')) m.title = now;
    if (!m.html && document.querySelector('[data-testid=stHtml]')) m.html = now;
    if (!m.columns && document.querySelector('[data-testid=stColumn]')) m.columns = now;
    if (!m.skeleton && document.querySelector('[data-testid=stSkeleton]')) m.skeleton = now;
    if (m.skeleton && !m.noSkeleton && !document.querySelector('[data-testid=stSkeleton]')) m.noSkeleton = now;
    if (!m.running && document.querySelector('[data-test-script-state=running]')) m.running = now;
    if (m.running && !m.finished && document.querySelector('[data-test-script-state=notRunning]')) m.finished = now;
    const drawing = document.querySelector('[data-testid=ranking-map] img');
    if (!m.drawn && drawing?.complete && drawing.naturalWidth > 0 && drawing.checkVisibility()) m.drawn = now;
    const gd = document.querySelector('.js-plotly-plot');
    if (gd) m.plotlyDiv ??= now;
    const regions = gd?.data?.reduce((n, trace) => n + (trace.locations?.length ?? 0), 0);
    if (!m.plotly && regions > 0 && gd.querySelectorAll('path.choroplethlocation').length === regions) m.plotly = now;
    const map = gd?._fullLayout?.map?._subplot?.map;
    if (map && !m.plotly && map.loaded() && gd.querySelector('canvas')) m.plotly = now;
    const standin = document.querySelector('[data-testid=map-standin] img');
    if (!m.standin && standin?.complete && standin.naturalWidth > 0 && standin.checkVisibility()) m.standin = now;
    if (!m.firstMap && (m.standin || m.plotly)) m.firstMap = now;
    if (performance.now() < 120000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
"""
# Markdown's raw-HTML support (rehype-raw) and the two modules it imports, fetched only once it has arrived: what
# every raw-HTML block (the tiles, the stylesheet, the drawings) waits for before it is drawn.
RAW_HTML = ("rehype-raw.", "hastscript.", "web-namespaces.")
RESOURCES = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const scripts = performance.getEntriesByType('resource').filter(r => r.initiatorType === 'script'
      || r.name.endsWith('.js'));
  const largest = scripts.reduce((a, b) => (b.decodedBodySize > (a?.decodedBodySize ?? -1) ? b : a), null);
  return {html: nav.responseEnd, domReady: nav.domContentLoadedEventEnd,
          bundle: largest ? largest.responseEnd : null, bundleKB: largest ? largest.decodedBodySize / 1024 : null,
          scripts: scripts.map(r => [r.name.split('/').pop(), Math.round(r.startTime), Math.round(r.responseEnd),
                                     Math.round(r.decodedBodySize / 1024)])};
}"""


def visit(browser, url: str, marks: tuple[str, ...]) -> dict:
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    context.add_init_script(MARKS)
    page = context.new_page()
    page.goto(url)
    condition = " && ".join(f"window.__fp.{mark}" for mark in marks)
    page.wait_for_function(f"() => {condition}", timeout=120_000)
    result = {**page.evaluate("() => window.__fp"), **page.evaluate(RESOURCES)}
    context.close()
    return result


def profile(visits: list[dict], target: str) -> str:
    """Median milestones of the visits to `target`, in ms from navigation."""
    steps = [("html", "HTML"), ("bundle", "largest script"), ("wsOpen", "websocket open")]
    steps += [("firstMessage", "first message"), ("title", "page title"), (target, "on screen")]
    steps += [("finished", "run finished"), ("columns", "columns"), ("html", "first st.html")]
    steps += [("skeleton", "skeleton shown"), ("noSkeleton", "skeletons gone")]
    parts = [f"{label} {statistics.median(v.get(key, math.nan) for v in visits):.0f}" for key, label in steps]
    before = [sum(1 for t in v["sends"] if t < v[target]) for v in visits]
    late = [
        max((end for _, start, end, _ in v["scripts"] if start > v["firstMessage"]), default=0) for v in visits
    ]  # scripts fetched after Streamlit's first message: chunks the page's elements load lazily
    parts.append(f"lazy scripts done {statistics.median(late):.0f}")
    raw = [
        max((end for name, _, end, _ in v["scripts"] if name.startswith(RAW_HTML)), default=math.nan) for v in visits
    ]
    parts.append(f"raw-HTML chunk and its imports loaded {statistics.median(raw):.0f}")
    parts.append(f"messages sent before {statistics.median(before):.0f}")
    return " · ".join(parts)


def measure(db: Path, runs: int = RUNS) -> dict:
    """Every target's times (ms from navigation, one per visit) and the visits behind them, on `db`."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with (
            streamlit_server(db, script="bench/apps/hello.py") as bare,
            streamlit_server(db) as app,
            streamlit_server(db, script=str(Path(BASELINE) / "dashboard.py"))
            if BASELINE
            else nullcontext() as baseline,
        ):
            pages = {"hello": (bare + "/", ("hello",)), "overview": (app + "/", ("tiles", "drawn"))}
            pages["map"] = (app + "/map", ("plotly",))
            pages["screen"] = (app + "/screen?embed=true", ("screen",))
            if BASELINE:
                pages["overviewA"] = (baseline + "/", ("tiles",))
                pages["mapA"] = (baseline + "/map", ("plotly",))
            for url, marks in pages.values():  # warm each server and page once
                visit(browser, url, marks)
            visits = {name: [] for name in pages}
            for _ in range(runs):  # interleaved, so each target meets the same moments of the machine's load
                for name, (url, marks) in pages.items():
                    visits[name].append(visit(browser, url, marks))
        browser.close()
    times = {target: [v[mark] for v in visits[page]] for target, (page, mark, _) in TARGETS.items() if page in visits}
    return {"times": times, "visits": visits}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        if len(sys.argv) > 1:
            db = Path(sys.argv[1]).resolve()
        else:
            db = Path(tmp) / "bench.duckdb"
            with writer(db) as store:
                initialise(store, demo=True)
        found = measure(db)
    times, visits = found["times"], found["visits"]
    bare = statistics.median(times["hello"])
    print(f"first paint, 1920×1080, cold browser context, warm server, median of {RUNS}, ms from navigation")
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print("| target | median | runs | ÷ bare page | goal |")
    print("|---|---|---|---|---|")
    goals = {"hello": "", "tiles": "≤ 1.3×", "map": "≤ 2×", "mapPage": "≤ 2×", "screen": "≤ 2×"}
    goals |= {"tilesA": "≤ 1.3×", "mapFirst": "≤ 2×", "mapFirstA": "≤ 2×", "mapPageA": "≤ 2×"}
    for target, (_, _, label) in TARGETS.items():
        median = statistics.median(times[target])
        runs = ", ".join(f"{t:.0f}" for t in times[target])
        print(f"| {label} | {median:.0f} ms | {runs} | {median / bare:.2f}× | {goals[target]} |")
    print()
    print("what the browser waited for (median ms from navigation):")
    for page, mark, label in TARGETS.values():
        print(f"  {label}: {profile(visits[page], mark)}")
    bundle = visits["hello"][0]
    print(f"  largest script: {bundle['bundleKB']:.0f} KB")
    for name in visits:
        print(f"  long tasks of {name} visits (start, ms):", *(v["longTasks"] for v in visits[name]))
    print("  scripts of one overview visit (name, start, end ms, KB):")
    for name, start, end, kb in visits["overview"][0]["scripts"]:
        print(f"    {name:<40} {start:6d} {end:6d} {kb:6d}")


if __name__ == "__main__":
    main()
