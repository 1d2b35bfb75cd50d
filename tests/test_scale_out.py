"""The scale-out path: two dashboard processes read the same data while a third process writes to it.

DuckDB lets only one process open a file for writing, so replicas never open the primary: the writer commits to it
and publishes a read-only snapshot, and every dashboard process moves to the newest snapshot on its next data-version
check. Here a real `unionbench ingest` process commits an upload while two servers are serving pages from the same
primary, and both then show the new figure, with no error on the page and no lock failure in any log.
"""

import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.support import CHROMIUM, CHROMIUM_ARGS, ROOT, streamlit_server, wait_for_app
from unionbench.store import Replica

pytestmark = pytest.mark.browser
COUNTY, INDICATOR, PERIOD = "510802", "trainings", "2026Q3"  # 利州区, 职工培训
LINK = f"/map?indicator={INDICATOR}&period={PERIOD}&per10k=false"  # totals on the map page (the overview draws SVG)
LOG_FAILURES = ("Traceback", "IOException", "Could not set lock", "Conflicting lock", "database is busy")


def figure_on_map(page, region: str) -> float | None:
    """The value plotly.js holds for a region on the page's map (what a person sees coloured and in the hover)."""
    page.wait_for_function("document.querySelector('.js-plotly-plot')?._fullData?.[0]?.locations?.length > 0")
    return page.evaluate(
        """(region) => {
            const trace = document.querySelector('.js-plotly-plot')._fullData[0];  // z decoded from base64
            const i = Array.from(trace.locations).indexOf(region);
            return i < 0 ? null : trace.z[i];
        }""",
        region,
    )


def shows(page, url: str, value: float, timeout_s: float = 45) -> bool:
    """Reload until the map shows `value`: a replica moves to a new snapshot on its next data-version check. Each
    reload waits on the page's own state (connected, run finished, map drawn); no fixed pause."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        page.goto(url + LINK)
        wait_for_app(page)
        if figure_on_map(page, COUNTY) == value:
            return True
    return False


def current_value(primary: Path) -> float:
    reader = Replica(primary)
    frame = reader.current().query("values_by_region", regions=[COUNTY], periods=[PERIOD])
    reader.close()
    return float(frame.set_index("indicator").at[INDICATOR, "value"])


def correction(folder: Path, value: float) -> Path:
    """A one-figure correction file for the county's trainings, as a clerk would send it (GB18030)."""
    upload = folder / "利州区培训更正.csv"
    upload.write_bytes(f"地区,指标,季度,数值\n利州区,职工培训,{PERIOD},{value:g}\n".encode("gb18030"))
    return upload


def commit_from_another_process(primary: Path, upload: Path) -> None:
    """`unionbench ingest` in its own process, as staff on the machine would run it; it must change one figure."""
    writer = subprocess.run(
        [sys.executable, "-m", "unionbench", "--db", str(primary), "ingest", str(upload), "--user", "demo"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert writer.returncode == 0, writer.stdout + writer.stderr
    assert "1 修改 changed" in writer.stdout


def log_of(primary: Path, url: str) -> Path:
    return Path(primary).with_suffix(f".{urlparse(url).port}.log")  # where tests.support.streamlit_server logs


def test_two_dashboard_processes_serve_an_upload_committed_by_a_third_with_no_error_and_no_lock_failure(
    writable_db, tmp_path
):
    from playwright.sync_api import sync_playwright

    before = current_value(writable_db)
    after = before + 7
    upload = correction(tmp_path, after)
    with (
        streamlit_server(writable_db) as first,
        streamlit_server(writable_db) as second,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pages = {
            url: browser.new_context(viewport={"width": 1600, "height": 1000}).new_page() for url in (first, second)
        }
        for url, page in pages.items():
            page.goto(url + LINK)
            wait_for_app(page)
            assert figure_on_map(page, COUNTY) == before

        commit_from_another_process(writable_db, upload)

        for url, page in pages.items():
            assert shows(page, url, after), f"{url} still shows {figure_on_map(page, COUNTY)}"
            assert page.locator("[data-testid=stException]").count() == 0
        browser.close()
    for url in (first, second):
        log = log_of(writable_db, url).read_text(errors="replace")
        assert not [failure for failure in LOG_FAILURES if failure in log], log
