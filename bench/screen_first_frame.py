"""Time the wall screen's first frame and its county map, median of RUNS (default 3).

- first frame: from navigation (the page's time origin) to the first tile painted, on a fresh server (the app's
  modules imported, the comparison rows built) and on a warm one (another browser session, caches filled), with
  the moment Streamlit's own page shell has connected its websocket for reference;
- map: when the county slide comes round, from its heading appearing to the map image decoded with the county
  names on it — and how late the county slide came against its schedule (3 × seconds after the first frame).

Prints a table; asserts nothing.  Run: .venv/bin/python bench/screen_first_frame.py
"""

import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402
from unionbench.initdb import initialise  # noqa: E402
from unionbench.store import writer  # noqa: E402

RUNS = int(os.environ.get("RUNS", "3"))
SECONDS = 5
LINK = f"/screen?embed=true&seconds={SECONDS}&indicators=funds_government,org_rate"  # county slide is the 4th
# Marks on the page's own clock (ms since navigation), set as the DOM changes: paint is the next animation frame.
MARKS = """
window.__marks = {};
new MutationObserver(() => {
  const m = window.__marks;
  if (!m.connected && document.querySelector('[data-testid=stApp][data-test-connection-state=CONNECTED]')) {
    m.connected = performance.now();
  }
  if (!m.tileSeen && document.querySelector('[data-testid=screen-tile]')) {
    m.tileSeen = true; requestAnimationFrame(() => { m.tile = performance.now(); });
  }
  const slide = document.querySelector('[data-testid=screen-slide]');
  if (slide && slide.dataset.kind === 'ranking' && !m.rankingSeen) {
    m.rankingSeen = true; m.ranking = performance.now();
    const img = document.querySelector('[data-testid=screen-map] img');
    const names = document.querySelectorAll('[data-testid=screen-map-name]').length;
    img.decode().then(() => requestAnimationFrame(() => { m.map = performance.now(); m.names = names; }));
  }
}).observe(document, {subtree: true, childList: true, attributes: true});
"""


def one_visit(browser, url: str, with_map: bool) -> dict:
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    context.add_init_script(MARKS)
    page = context.new_page()
    page.goto(url + LINK)
    page.wait_for_function("() => window.__marks.tile", timeout=60_000)
    if with_map:
        page.wait_for_function("() => window.__marks.map", timeout=90_000)
    marks = page.evaluate("() => window.__marks")
    context.close()
    return marks


def main() -> None:
    from playwright.sync_api import sync_playwright

    cold, warm, maps, late, shell = [], [], [], [], []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        db = Path(tmp) / "bench.duckdb"
        with writer(db) as store:
            initialise(store, demo=True)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(RUNS):
            with streamlit_server(db) as url:  # a fresh server: nothing cached
                first = one_visit(browser, url, with_map=True)
                cold.append(first["tile"])
                maps.append(first["map"] - first["ranking"])
                late.append(first["ranking"] - first["tile"] - 3 * SECONDS * 1000)
                assert first["names"] == 7
                again = one_visit(browser, url, with_map=False)
                warm.append(again["tile"])
                shell.append(again["connected"])
        browser.close()
    rows = [
        ("first frame, fresh server (navigation → first tile painted)", cold),
        ("first frame, warm server (another session)", warm),
        ("  of which Streamlit's page shell connected (warm)", shell),
        ("county map: slide heading → map decoded with 7 names", maps),
        ("county slide later than its schedule (3 × 5 s)", late),
    ]
    print(f"wall screen at 1920×1080, {RUNS} runs, ms: median  (runs)")
    for label, values in rows:
        print(f"  {label:<62} {statistics.median(values):8.0f}  ({', '.join(f'{v:.0f}' for v in values)})")


if __name__ == "__main__":
    main()
