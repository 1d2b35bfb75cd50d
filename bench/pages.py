"""Each page's server-side rerun under AppTest, against its raw DuckDB query floor and its figure build.

For every page in dashboard.py's navigation, on one database:
- first run (cold: empty caches, boundary layers read);
- interaction reruns: the quarter filter moved to a quarter not shown yet, so every data-version-keyed cache misses
  (pages without the quarter filter simply rerun) — p50 / p95;
- warm reruns: the same view again (caches hit) — p50;
- floor: the named queries the interaction reruns issued, replayed alone on their own read-only connection;
- figure: time building what the page draws: Plotly figure construction and st.plotly_chart (serialising and
  hashing the spec), and every figure, drawing (SVG) and table (Arrow) the page builds through components.memo
  (`shared`, `arrow_table`) when it is not built yet; and the largest spec sent. Ratio = interaction p50 ÷
  (floor + figure), target ≤ 2.

Scripts are compiled once per process, as a served dashboard does (its runtime keeps one script cache for every
session); AppTest alone compiles every page anew on each run, which is not the page's work. Likewise AppTest's wait
for a run joins the script's thread instead of polling it every millisecond (a poll takes the GIL from the script).

Run as `python bench/pages.py DB [PAGE ...]` (prints JSON; pages named, e.g. `gaps rankings`, are measured alone).
Each database runs in its own process: Streamlit's caches are process-wide and keyed on the snapshot name, which
two databases can share.
"""

import json
import math
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

INTERACTIONS = 10
WARM = 3


def page_paths() -> list[str]:
    """The pages in navigation order, read from dashboard.py's `page("name")` lines (pages added by others are
    measured too)."""
    names = re.findall(r'\bpage\(\s*"([a-z_]+)"', (ROOT / "dashboard.py").read_text(encoding="utf-8"))
    return [f"app_pages/{name}.py" for name in names]


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile (the largest of up to 20 samples)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


class Probe:
    """Records the named queries a run issues and the time spent building figures, drawings and tables."""

    def __init__(self):
        self.queries: list[tuple[str, str, dict]] = []
        self.figure_seconds = 0.0
        self.largest_spec = 0
        self.recording = True
        self._depth = threading.local()

    @contextmanager
    def figure_time(self):
        depth = getattr(self._depth, "n", 0)
        self._depth.n = depth + 1
        started = time.perf_counter()
        try:
            yield
        finally:
            self._depth.n = depth
            if depth == 0:  # nested figure work (a figure built inside plotly_chart) is counted once
                self.figure_seconds += time.perf_counter() - started

    def reset(self) -> None:
        self.queries, self.figure_seconds = [], 0.0

    def install(self) -> None:
        import plotly.basedatatypes
        import plotly.io
        import streamlit as st
        from streamlit.elements.plotly_chart import PlotlyMixin

        from unionbench.store import Store

        probe = self

        def wrap_query(method, kind):
            def wrapped(store, name, **params):
                if probe.recording:
                    probe.queries.append((kind, name, params))
                return method(store, name, **params)

            return wrapped

        Store.query = wrap_query(Store.query, "query")
        Store.scalar = wrap_query(Store.scalar, "scalar")

        def timed(function):
            def wrapped(*args, **kwargs):
                with probe.figure_time():
                    return function(*args, **kwargs)

            return wrapped

        import plotly.graph_objects as go

        for name in go.__all__:  # the figure, its layout and every trace type: construction validates everything
            cls = getattr(go, name)
            if isinstance(cls, type) and issubclass(
                cls, plotly.basedatatypes.BaseFigure | plotly.basedatatypes.BasePlotlyType
            ):
                cls.__init__ = timed(cls.__init__)
        to_json = plotly.io.to_json

        def sized_to_json(*args, **kwargs):
            spec = to_json(*args, **kwargs)
            probe.largest_spec = max(probe.largest_spec, len(spec))
            return spec

        plotly.io.to_json = sized_to_json
        PlotlyMixin.plotly_chart = timed(PlotlyMixin.plotly_chart)
        st.plotly_chart = st._main.plotly_chart  # rebind: st.plotly_chart was bound before the patch

        from components import memo

        build_shared = memo._shared

        def timed_shared(name, build, args, kwargs):  # a figure, drawing or table built for the page (on a miss)
            return build_shared(name, timed(build), args, kwargs)

        memo._shared = timed_shared
        from tests.support import share_script_cache

        share_script_cache()
        wait_without_polling()


def wait_without_polling() -> None:
    """AppTest waits for a run by joining the script's thread (tests.support.script_finished), as the tests do: its
    own wait polls every millisecond and takes the GIL from the script it times, which a served page never has."""
    from streamlit.testing.v1 import local_script_runner

    from tests.support import script_finished

    local_script_runner.require_widgets_deltas = script_finished


def replay(db: Path, queries: list[tuple[str, str, dict]], repeats: int = 3) -> float:
    """The fastest of `repeats` replays of the queries, alone, on a fresh read-only connection: the floor."""
    from unionbench.store import Replica

    reader = Replica(db)
    store = reader.current()
    best = math.inf
    for _ in range(repeats):
        started = time.perf_counter()
        for kind, name, params in queries:
            getattr(store, kind)(name, **params)
        best = min(best, time.perf_counter() - started)
    reader.close()
    return best


def period_choices(at) -> list[str]:
    try:
        return list(at.selectbox(key="period").options)
    except (KeyError, IndexError):
        return []


def measure_page(db: Path, page: str, probe: Probe) -> dict:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.switch_page(page)
    started = time.perf_counter()
    at.run()
    cold = time.perf_counter() - started
    if at.exception:
        return {"page": page, "error": at.exception[0].value}
    choices = period_choices(at)
    interaction, cpu, floors, figures = [], [], [], []
    for i in range(INTERACTIONS):
        if choices:
            at.selectbox(key="period").set_value(choices[(i + 1) % len(choices)])
        probe.reset()
        started, started_cpu = time.perf_counter(), time.process_time()
        at.run()
        interaction.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)  # the script's thread and AppTest's: this process alone
        figures.append(probe.figure_seconds)
        probe.recording = False
        floors.append(replay(db, list(probe.queries), repeats=1 if i else 3))
        probe.recording = True
        if at.exception:
            return {"page": page, "error": at.exception[0].value}
    warm = []
    for _ in range(WARM):
        started = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - started)
    floor, figure = statistics.median(floors), statistics.median(figures)
    p50 = statistics.median(interaction)
    return {
        "page": page,
        "cold": cold,
        "p50": p50,
        "p95": p95(interaction),
        "cpu_p50": statistics.median(cpu),
        "warm": statistics.median(warm),
        "floor": floor,
        "figure": figure,
        "ratio": p50 / (floor + figure) if floor + figure > 0 else math.nan,
        "moves_quarter": bool(choices),
    }


def measure(db: Path, only: tuple[str, ...] = ()) -> dict:
    os.environ["UNIONBENCH_DB"] = str(db)
    os.chdir(ROOT)
    probe = Probe()
    probe.install()
    paths = [p for p in page_paths() if not only or Path(p).stem in only]
    pages = [measure_page(db, page, probe) for page in paths]
    return {"pages": pages, "largest_spec": probe.largest_spec}


def run(db: Path) -> dict:
    """measure(db) in a fresh process (see the module docstring)."""
    out = subprocess.run(
        [sys.executable, __file__, str(db)], check=True, capture_output=True, text=True, cwd=ROOT, timeout=1800
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]).resolve(), tuple(sys.argv[2:]))))
