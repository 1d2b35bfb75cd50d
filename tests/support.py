"""Helpers shared by tests and benchmarks: a real Streamlit server, a real Debian chromium, private database copies."""

import ast
import functools
import io
import os
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from unionbench.serve import free_ports, started, wait_healthy
from unionbench.store import pending_file, pointer_file, published_version, snapshot_dir, writer

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"  # screenshots, for a person to look at
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_PREFIXES = ("http://localhost", "http://127.0.0.1", "ws://localhost", "ws://127.0.0.1", "data:", "blob:")


@functools.cache
def parsed(path: Path) -> ast.Module:
    """A source file's syntax tree, parsed once per test process: the structure tests read the same files again and
    again (each tree is shared, so a test must not change it)."""
    return ast.parse(Path(path).read_text(encoding="utf-8"))


@functools.cache
def nodes(path: Path) -> tuple[ast.AST, ...]:
    """Every node of a source file's tree (ast.walk's order), listed once per test process."""
    return tuple(ast.walk(parsed(path)))


def free_port() -> int:
    return free_ports(1)[0]


@contextmanager
def streamlit_server(db_path: Path, secrets: Path | None = None, timeout: float = 60, script: str = "dashboard.py"):
    """Serve dashboard.py (or another script) on a free port with the given database (and secrets file); yields the
    base URL. The server's output goes to a log file beside the database: an unread pipe would fill and stall it."""
    port = free_port()
    env = {**os.environ, "UNIONBENCH_DB": str(db_path)}
    log_path = Path(db_path).with_suffix(f".{port}.log")
    secrets_args = ["--secrets.files", str(secrets)] if secrets else []
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true"]
    command += ["--server.port", str(port), "--server.fileWatcherType", "none", *secrets_args]
    with started(command, log_path, env) as process:  # stopped on leaving, as make serve's processes are
        url = f"http://localhost:{port}"
        wait_healthy(url, process, log_path, timeout)
        yield url


def wait_for_app(page, timeout_ms: int = 60_000) -> None:
    """Wait as Streamlit's own e2e tests do: connected, script finished, no skeletons left."""
    page.wait_for_selector("[data-testid=stApp][data-test-connection-state=CONNECTED]", timeout=timeout_ms)
    page.wait_for_selector("[data-test-script-state=notRunning]", timeout=timeout_ms)
    page.wait_for_function("!document.querySelector('[data-testid=stSkeleton]')", timeout=timeout_ms)


def sign_in(page, name: str, password: str) -> None:
    """Fill in the sign-in form the page shows and send it; whether it worked is the test's to check."""
    page.get_by_label("用户名").fill(name)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录", exact=True).click()
    wait_for_app(page)


def is_local(url: str) -> bool:
    return url.startswith(LOCAL_PREFIXES)


def watched_page(context, **options):
    """A new page whose `outside_requests` lists every request that left localhost (an offline product: none)."""
    page = context.new_page(**options)
    page.outside_requests = []
    page.on("request", lambda request: None if is_local(request.url) else page.outside_requests.append(request.url))
    return page


def catalogue_count(which: str = "all") -> int:
    """How many indicators the shipped catalogue (the demo database's) holds: all of them, those reported (summed:
    one template row each), those with an overview tile (headline) or those judged (a rate, or a figure per 10,000
    of its base, with a direction)."""
    from unionbench.catalog import read_indicators

    frame = read_indicators()
    if which == "reported":
        frame = frame[frame.aggregation == "sum"]
    elif which == "headline":
        frame = frame[frame.headline]
    elif which == "judged":
        comparable = (frame.aggregation == "ratio") | frame.per_capita_base.notna()
        frame = frame[comparable & (frame.direction != "neutral")]
    return len(frame)


def published_copy(source, directory):
    """A private, writable copy of a database in `directory`, with its own published snapshot.

    A source whose writer closed cleanly (no write-ahead log, no PENDING mark) has a current snapshot: copying its
    files is all a writer would do, some 40 times faster than opening one. Anything else goes through the writer."""
    source = Path(source)
    path = directory / "db.duckdb"
    shutil.copyfile(source, path)
    current = published_version(source)
    snapshot = snapshot_dir(source) / f"v{current}.duckdb"
    clean = not source.with_name(source.name + ".wal").exists() and not pending_file(source).exists()
    if current is not None and clean and snapshot.is_file():
        snapshot_dir(path).mkdir()
        shutil.copyfile(snapshot, snapshot_dir(path) / snapshot.name)
        shutil.copyfile(pointer_file(source), pointer_file(path))
    else:
        with writer(path):
            pass
    return path


def blank_png(figure=None) -> bytes:
    """A valid one-pixel white PNG, whatever figure it stands for."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1, 1), "white").save(buffer, format="PNG")
    return buffer.getvalue()


@contextmanager
def charts_undrawn():
    """Briefings built inside get a blank picture for each chart: the figures are still made from the data, but not
    drawn. For tests that read a briefing's words and tables and never its pictures — drawing the four charts is
    half of what a briefing costs. test_briefing's Word file (and the PDF and LibreOffice tests) keep the drawn
    charts under test."""
    from unionbench.briefing import charts

    with mock.patch.object(charts, "_png", blank_png):
        yield


def share_script_cache() -> None:
    """One script cache for the process, as a served dashboard keeps for every session: AppTest makes a new one on
    every run and compiles the page and dashboard.py again with Streamlit's magic (an AST rewrite), ~10 ms a run
    that is not the page's work. Scripts are cached by path; no test changes a script at a path it ran before."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    shared = ScriptCache()
    ScriptCache.__init__ = lambda self: self.__dict__.update(_cache=shared._cache, _lock=shared._lock)


def script_finished(runner, timeout: float = 3) -> None:
    """AppTest's wait for a run (it stands in for local_script_runner.require_widgets_deltas): the script thread's
    end, waited for by joining it. Streamlit's own wait polls the run's events every millisecond, and each poll
    takes the GIL from the script it waits for (~10 % of the page tests' CPU, more of their time; a served page has
    no such poller). It joins the thread afterwards anyway; a run that outlasts the timeout is stopped and reported
    as before."""
    thread = runner._script_thread  # started by the run that waits here
    thread.join(timeout)
    if not thread.is_alive():
        return
    runner.request_stop()
    runner.join()
    raise RuntimeError(f"AppTest script run timed out after {timeout}(s)")
