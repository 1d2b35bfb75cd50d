"""What a person sees in Debian chromium at 1920×1080, against a real server and the demo database."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.support import streamlit_server, wait_for_app

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SEVEN_COUNTIES = ["利州区", "昭化区", "朝天区", "旺苍县", "青川县", "剑阁县", "苍溪县"]


@pytest.fixture(scope="module")
def server(demo_db_path):
    with streamlit_server(demo_db_path) as url:
        yield url


def test_the_overview_shows_tiles_and_a_drawn_map_of_the_seven_counties_and_asks_nothing_outside(server, page):
    page.goto(server)
    wait_for_app(page)
    tiles = page.locator("[data-testid=kpi-tile]")
    assert tiles.count() == 6
    assert "户外劳动者服务站点" in tiles.first.inner_text()
    assert page.locator("h1").first.inner_text() == "广元市 · 2026年第三季度 · 对标遂内泸"
    assert page.get_by_text("演示数据").first.is_visible()
    drawn = page.get_by_test_id("ranking-map")
    expect(drawn.locator("img")).to_be_visible()
    assert sorted(drawn.locator("b").all_inner_texts()) == sorted(SEVEN_COUNTIES)
    assert "广元市各县区" in drawn.locator("img").get_attribute("alt")  # named for a screen reader
    expect(page.get_by_test_id("ranking-map-legend")).to_be_visible()
    assert page.locator(".js-plotly-plot").count() == 0  # no chart code, no WebGL on the overview
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "overview-1920x1080.png")
    assert page.outside_requests == []


def test_on_a_1366_projector_the_six_tiles_stand_in_two_rows_of_three_and_in_one_row_at_1920(server, page):
    def rows_of_tiles() -> list[int]:
        tops = page.locator("[data-testid=kpi-tile]").evaluate_all(
            "tiles => tiles.map(t => Math.round(t.getBoundingClientRect().top))"
        )
        return [tops.count(top) for top in sorted(set(tops))]

    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(server)
    wait_for_app(page)
    assert rows_of_tiles() == [3, 3]
    width = page.locator("[data-testid=kpi-tile]").first.bounding_box()["width"]
    assert width > 250  # room for "本地 9.52个/万名职工" on one line
    page.screenshot(path=ARTIFACTS / "overview-tiles-1366x768.png")
    page.set_viewport_size({"width": 1920, "height": 1080})
    expect(page.locator("[data-testid=kpi-tile]").first).to_be_visible()
    page.wait_for_function(
        "() => new Set([...document.querySelectorAll('[data-testid=kpi-tile]')]"
        ".map(t => Math.round(t.getBoundingClientRect().top))).size === 1"
    )
    assert rows_of_tiles() == [6]


def test_a_shared_link_opens_the_same_view_in_english(server, page):
    page.goto(f"{server}/?lang=en&bench=yangzhou&period=2025Q4&indicator=funds_partner")
    wait_for_app(page)
    assert page.locator("h1").first.inner_text() == "Guangyuan City · 2025 Q4 · vs Yangzhou"
    assert "Funds from partner unions" in page.locator("h3").first.inner_text()
    assert page.locator("[data-testid=kpi-tile]").count() == 6
    assert page.outside_requests == []


def test_choosing_another_benchmark_updates_the_heading_and_the_link(server, page):
    page.goto(server)
    wait_for_app(page)
    page.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").filter(has_text="对标组").click()
    page.get_by_role("option", name="扬州", exact=True).click()
    page.wait_for_function("document.querySelector('h1')?.innerText.includes('扬州')")
    wait_for_app(page)
    assert "bench=yangzhou" in page.url
