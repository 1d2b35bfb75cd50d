"""Hostile names, cells and links in Debian chromium: an uploaded name that is Markdown shows as its literal text
(no image loads, no link appears), and a broken kiosk link shows the screen, not a traceback."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.support import streamlit_server, wait_for_app, watched_page
from unionbench.auth import hash_password
from unionbench.ingest import Upload, commit_file

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
PASSWORD = "correct-horse-2026"
HOSTILE_NAME = "![t](http://127.0.0.1:9/x.png)[重新登录](http://evil.example)www.evil.example.csv"
HOSTILE_CELL = "![c](http://127.0.0.1:9/cell.png)[重新登录](http://evil.example)"


@pytest.fixture(scope="module")
def server(module_db, tmp_path_factory):
    commit_file(
        module_db, Upload("地区,职工培训,季度\n青川县,7,2026Q3\n".encode(), HOSTILE_NAME), "[点此](http://evil.example)"
    )
    secrets = tmp_path_factory.mktemp("secrets") / "secrets.toml"
    secrets.write_text(f'[upload_users]\nclerk = "{hash_password(PASSWORD, iterations=1000)}"\n', encoding="utf-8")
    with streamlit_server(module_db, secrets=secrets) as url:
        yield url


def watch_bait(page) -> list[str]:
    """Requests for the bait images (on a local port, so `outside_requests` would not list them)."""
    seen = []
    page.on("request", lambda request: seen.append(request.url) if ":9/" in request.url else None)
    return seen


def test_a_markdown_file_name_and_cell_show_as_literal_text_with_no_image_or_link(server, browser):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    page = watched_page(context)
    bait = watch_bait(page)
    page.goto(f"{server}/upload")
    wait_for_app(page)
    page.get_by_label("用户名").fill("clerk")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    history = page.locator("[data-testid=ub-history]")
    expect(history).to_contain_text(HOSTILE_NAME)
    expect(history).to_contain_text("[点此](http://evil.example)")
    assert history.locator("img, a").count() == 0

    page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(
        {
            "name": "www.evil.example.csv",
            "mimeType": "text/csv",
            "buffer": f"地区,职工培训\n青川县,{HOSTILE_CELL}\n".encode(),
        }
    )
    problems = page.locator("[data-testid=ub-problems]")
    expect(problems).to_contain_text(HOSTILE_CELL)
    assert problems.locator("img, a").count() == 0
    main = page.locator("[data-testid=stMain]")
    assert main.locator("a[href*='evil.example'], img[src*=':9/']").count() == 0
    page.screenshot(path=ARTIFACTS / "upload-hostile-names-1920x1080.png", full_page=True)
    assert bait == [] and page.outside_requests == []
    context.close()


@pytest.mark.parametrize("query", ["vw=abc&seconds=²", "seconds=" + "9" * 5000 + "&bench=nope&home=<script>x</script>"])
def test_a_broken_kiosk_link_shows_the_screen_and_no_traceback(server, browser, query):
    page = watched_page(browser, viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    page.goto(f"{server}/screen?{query}")
    expect(page.locator("[data-testid=screen-tile]").first).to_be_visible(timeout=60_000)
    expect(page.locator(".sc-note").first).to_contain_text("seconds")
    assert page.locator("[data-testid=stException]").count() == 0
    assert "Traceback" not in page.content() and "ValueError" not in page.content()
    if query.startswith("vw"):
        page.screenshot(path=ARTIFACTS / "screen-bad-link-1920x1080.png")
    page.close()
