"""A real Streamlit server and a real Debian chromium, for browser tests and benchmarks."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def streamlit_server(db_path: Path, secrets: Path | None = None, timeout: float = 60, script: str = "dashboard.py"):
    """Serve dashboard.py (or another script) on a free port with the given database (and secrets file); yields the
    base URL. The server's output goes to a log file beside the database: an unread pipe would fill and stall it."""
    port = free_port()
    env = {**os.environ, "UNIONBENCH_DB": str(db_path)}
    log_path = Path(db_path).with_suffix(f".{port}.log")
    log = log_path.open("wb")
    secrets_args = ["--secrets.files", str(secrets)] if secrets else []
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.fileWatcherType",
            "none",
            *secrets_args,
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://localhost:{port}"
    try:
        wait_healthy(url, process, log_path, timeout)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def wait_healthy(url: str, process: subprocess.Popen, log_path: Path, timeout: float = 60) -> None:
    """Poll a streamlit server's health endpoint until it answers; fail with its log if it exits or times out."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"streamlit did not start: {log_path.read_text(errors='replace')}")
        time.sleep(0.3)


def wait_for_app(page, timeout_ms: int = 60_000) -> None:
    """Wait as Streamlit's own e2e tests do: connected, script finished, no skeletons left."""
    page.wait_for_selector("[data-testid=stApp][data-test-connection-state=CONNECTED]", timeout=timeout_ms)
    page.wait_for_selector("[data-test-script-state=notRunning]", timeout=timeout_ms)
    page.wait_for_function("!document.querySelector('[data-testid=stSkeleton]')", timeout=timeout_ms)


def is_local(url: str) -> bool:
    return url.startswith(LOCAL_PREFIXES)


def watched_page(context, **options):
    """A new page whose `outside_requests` lists every request that left localhost (an offline product: none)."""
    page = context.new_page(**options)
    page.outside_requests = []
    page.on("request", lambda request: None if is_local(request.url) else page.outside_requests.append(request.url))
    return page
