"""In Debian chromium: the similar-peers panel, an admin making a benchmark set from the similar cities, and
that set in the gap page's benchmark picker, the wall screen's link and the downloaded briefing."""

import io
from pathlib import Path

import pytest
from docx import Document
from playwright.sync_api import expect

from tests.support import ARTIFACTS, sign_in, wait_for_app

pytestmark = pytest.mark.browser
ADMIN, PASSWORD = "demo", "demo2026"  # the demo database's admin
SET_ZH, SET_EN = "结构相近城市", "Cities like Guangyuan"
SET_ID = "custom-cities-like-guangyuan"


@pytest.fixture(scope="module")
def page(journey_page):
    return journey_page


def test_the_peers_panel_lists_the_cities_most_like_guangyuan_with_distance_and_what_makes_them_alike(server, page):
    page.goto(f"{server}/sets")
    wait_for_app(page)
    table = page.get_by_test_id("ub-peers")
    expect(table).to_contain_text("南充市")
    expect(table.locator("tbody tr")).to_have_count(5)
    expect(table.locator("thead")).to_contain_text("距离")
    expect(table.locator("tbody tr").first).to_contain_text("职工人数")
    expect(table).not_to_contain_text("广元市")  # the home is never its own peer
    page.get_by_role("heading", name="与广元市结构相似的地区").scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "peers-panel-1920x1080.png")
    assert page.outside_requests == []


def test_an_admin_makes_a_set_from_the_similar_cities_and_the_gap_page_offers_it(server, page):
    page.goto(f"{server}/sets")
    wait_for_app(page)
    expect(page.get_by_text("新建、修改或删除对标组需管理员登录。")).to_be_visible()
    sign_in(page, ADMIN, PASSWORD)
    page.get_by_label("名称（中文）").fill(SET_ZH)
    page.get_by_label("名称（英文）").fill(SET_EN)
    page.get_by_label("名称（英文）").press("Tab")
    page.get_by_role("button", name="加入与广元市最相似的 5 个城市").click()
    wait_for_app(page)
    page.get_by_text("成员平均（各成员数值的算术平均）").click()
    wait_for_app(page)
    page.get_by_role("button", name="保存对标组").click()
    wait_for_app(page)
    expect(page.get_by_text(f"已保存对标组“{SET_ZH}”")).to_be_visible()
    saved = page.get_by_test_id("ub-custom-sets")
    expect(saved).to_contain_text(SET_ID)
    expect(saved).to_contain_text("南充市")
    expect(saved).to_contain_text(f"{ADMIN} ·")
    page.screenshot(path=ARTIFACTS / "set-editor-1920x1080.png", full_page=True)

    page.goto(f"{server}/gaps")
    wait_for_app(page)
    page.get_by_role("combobox", name="对标组").click()  # the sidebar's benchmark picker
    page.get_by_role("option", name=SET_ZH).click()
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text(SET_ZH)
    page.screenshot(path=ARTIFACTS / "gaps-custom-set-1920x1080.png")
    assert page.outside_requests == []


def test_the_briefing_downloaded_from_the_gap_page_names_the_custom_set(server, page):
    page.goto(f"{server}/gaps?bench={SET_ID}")
    wait_for_app(page)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="下载季度通报（Word）").click()
    text = "\n".join(p.text for p in Document(io.BytesIO(Path(download.value.path()).read_bytes())).paragraphs)
    tables = "\n".join(c.text for t in Document(download.value.path()).tables for r in t.rows for c in r.cells)
    assert SET_ZH in text + tables


def test_the_wall_screen_link_takes_the_custom_set(server, page):
    page.goto(f"{server}/screen?embed=true&bench={SET_ID}&seconds=60")
    expect(page.get_by_text(SET_ZH).first).to_be_visible(timeout=60_000)
    expect(page.get_by_text("链接参数有误")).to_have_count(0)
