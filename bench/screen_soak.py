"""Soak the wall screen: keep /screen open in chromium with 10-second slides for SOAK_MINUTES (default 30) and
report the server's resident memory at the start (after warm-up) and the end. Target: growth under 10 %.
Prints a table; asserts nothing."""

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402
from unionbench.initdb import initialise  # noqa: E402
from unionbench.store import writer  # noqa: E402


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def server_pid(port: int) -> int:
    """The streamlit process serving the port (the test helper does not expose it)."""
    for status in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            command = status.read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if "streamlit" in command and f"--server.port {port}" in command:
            return int(status.parent.name)
    raise RuntimeError("server process not found")


def main() -> None:
    minutes = float(os.environ.get("SOAK_MINUTES", "30"))
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "soak.duckdb"
        with writer(db) as store:
            initialise(store, demo=True)
        with streamlit_server(db) as url, sync_playwright() as playwright:
            pid = server_pid(int(url.rsplit(":", 1)[1]))
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1920, "height": 1080})
            page.goto(f"{url}/screen?seconds=10")
            page.wait_for_selector("[data-testid=screen-slide]", timeout=60_000)
            time.sleep(60)  # warm-up: every slide drawn once, caches filled
            start, samples = rss_mb(pid), []
            slides_seen = set()
            deadline = time.monotonic() + minutes * 60
            while time.monotonic() < deadline:
                time.sleep(30)
                samples.append(rss_mb(pid))
                slides_seen.add(page.locator("[data-testid=screen-slide]").get_attribute("data-indicator"))
            end = rss_mb(pid)
            errors = page.locator("[data-testid=stException]").count()
            browser.close()
        shutil.rmtree(Path(tmp), ignore_errors=True)
    rows = {
        "soak length": f"{minutes:g} min, 10-second slides",
        "server RSS after warm-up": f"{start:.0f} MB",
        "server RSS at the end": f"{end:.0f} MB",
        "growth": f"{(end - start) / start * 100:+.1f} % (target < 10 %)",
        "peak during soak": f"{max(samples or [end]):.0f} MB",
        "distinct slides seen at samples": str(len(slides_seen)),
        "exceptions on the page": str(errors),
    }
    width = max(map(len, rows))
    for name, value in rows.items():
        print(f"{name.ljust(width)}  {value}")


if __name__ == "__main__":
    main()
