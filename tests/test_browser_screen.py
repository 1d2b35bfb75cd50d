"""The wall screen as leadership sees it in Debian chromium: a full 16:9 canvas at 1920×1080 and 3840×2160, big
text, rotating slides, and a new upload on screen within a minute, with no request leaving the machine."""

import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.support import streamlit_server, watched_page
from unionbench.ingest import commit_file

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

LAYOUT = """() => {
  const texts = Array.from(document.querySelectorAll('[data-testid=stMain] *')).filter(e =>
      !['SCRIPT', 'STYLE'].includes(e.tagName) && e.getBoundingClientRect().width > 0 &&
      Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()));
  const boxes = Array.from(document.querySelectorAll('[data-testid=stMain] *')).filter(e => {
      const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
  return {
    scrollWidth: document.documentElement.scrollWidth, scrollHeight: document.documentElement.scrollHeight,
    overflowing: boxes.filter(e => { const r = e.getBoundingClientRect();
        return r.right > innerWidth + 1 || r.bottom > innerHeight + 1 || r.left < -1 || r.top < -1; }).length,
    smallest: Math.min(...texts.map(e => parseFloat(getComputedStyle(e).fontSize))),
    sidebar: Array.from(document.querySelectorAll('[data-testid=stSidebar]'))
        .some(e => e.getBoundingClientRect().width > 0),
  };
}"""


@pytest.fixture(scope="module")
def server(module_db):
    with streamlit_server(module_db) as url:
        yield url


def open_screen(browser, server, width: int, height: int, query: str = ""):
    page = watched_page(browser, viewport={"width": width, "height": height}, locale="zh-CN")
    page.goto(f"{server}/screen?{query}")
    page.wait_for_url("**vw=*", timeout=30_000)  # the page reported its size once
    page.wait_for_selector("[data-testid=screen-slide]", timeout=60_000)
    page.wait_for_selector(".js-plotly-plot canvas", timeout=60_000)
    page.wait_for_timeout(2000)
    return page


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (3840, 2160)])
def test_the_screen_fills_the_canvas_without_scrollbars_overflow_or_small_text(browser, server, width, height):
    page = open_screen(browser, server, width, height, "seconds=60")
    layout = page.evaluate(LAYOUT)
    assert layout["scrollWidth"] <= width and layout["scrollHeight"] <= height  # no scrollbars
    assert layout["overflowing"] == 0
    assert not layout["sidebar"]
    assert layout["smallest"] >= 18 * width / 1920  # ≥ 18 px at 1920×1080, scaled up at 4K
    assert page.locator("[data-testid=screen-tile]").count() == 6
    assert "广元市工会对标 · 2026年第三季度 · 对标遂内泸" in page.locator("[data-testid=screen-title]").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"screen-{width}x{height}.png")
    assert page.outside_requests == []
    page.close()


def test_the_slide_moves_to_the_next_indicator_after_the_set_seconds(browser, server):
    page = open_screen(browser, server, 1920, 1080, "seconds=5&indicators=outdoor_stations,org_rate")
    slide = page.locator("[data-testid=screen-slide]")
    assert slide.get_attribute("data-indicator") == "outdoor_stations"
    expect(slide).to_have_attribute("data-indicator", "org_rate", timeout=20_000)
    expect(slide).to_have_attribute("data-indicator", "outdoor_stations", timeout=20_000)  # and round again
    assert page.outside_requests == []
    page.close()


def test_an_upload_committed_while_the_screen_runs_appears_within_a_minute(browser, server, module_db):
    page = open_screen(browser, server, 1920, 1080, "seconds=10&indicators=outdoor_stations")
    stations = page.locator("[data-testid=screen-tile]").first
    assert "402" in stations.inner_text()
    correction = "地区,季度,户外劳动者服务站点(个)\n利州区,2026Q3,210\n".encode("gb18030")
    outcome = commit_file(module_db, correction, "利州区更正.csv", "clerk")
    assert outcome.result is not None and outcome.result.changed == 1
    committed = time.monotonic()
    expect(stations).to_contain_text("502", timeout=60_000)  # 402 − 110 + 210
    assert time.monotonic() - committed < 60
    assert page.locator("[data-testid=stException]").count() == 0
    page.close()
