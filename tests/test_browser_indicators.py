"""管理 › 指标 in Debian chromium: an admin signs in, sees the catalogue with its status and the validation rules,
is refused an indicator whose name is markup (named by column and reason, nothing saved), then adds one."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.support import streamlit_server, wait_for_app, watched_page

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ADMIN, PASSWORD = "demo", "demo2026"  # the demo database's admin


@pytest.fixture(scope="module")
def server(module_db):
    with streamlit_server(module_db) as url:
        yield url


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    yield watched_page(context)
    context.close()


def fill_new_indicator(page, name_en: str) -> None:
    values = {
        "编号": "bookhouses", "中文名称": "职工书屋", "英文名称": name_en, "分组编号": "service",
        "分组（中文）": "服务阵地", "分组（英文）": "Service stations", "单位": "个", "英文单位": "units",
        "人均基数": "workers", "排序": "25", "中文说明": "季末在用的职工书屋数量。",
        "英文说明": "Worker bookhouses open at quarter end.",
    }  # fmt: skip
    for label, value in values.items():
        page.get_by_label(label, exact=True).fill(value)


def test_an_admin_sees_the_catalogue_is_refused_markup_and_adds_an_indicator(server, page):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(f"{server}/indicators")
    wait_for_app(page)
    page.get_by_label("用户名").fill(ADMIN)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    wait_for_app(page)
    table = page.get_by_test_id("ub-catalogue")
    expect(table).to_contain_text("职工入会率")
    page.screenshot(path=ARTIFACTS / "indicators-admin-1920x1080.png")
    page.get_by_role("tab", name="校验规则").click()
    expect(page.get_by_test_id("ub-rules")).to_contain_text("会员人数 ≤ 职工人数")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.screenshot(path=ARTIFACTS / "indicators-rules-1366x768.png")
    page.get_by_role("tab", name="新增或修改").click()

    fill_new_indicator(page, "<b>Books</b>")
    page.get_by_role("button", name="检查并保存").click()
    wait_for_app(page)
    problems = page.get_by_test_id("ub-catalogue-problems")
    expect(problems).to_contain_text("name_en")
    expect(problems).to_contain_text("只能是纯文字")
    page.screenshot(path=ARTIFACTS / "indicators-refused-1366x768.png")
    page.set_viewport_size({"width": 1920, "height": 1080})
    expect(table).not_to_contain_text("bookhouses")

    page.get_by_label("英文名称", exact=True).fill("Worker bookhouses")
    page.get_by_role("button", name="检查并保存").click()
    wait_for_app(page)
    expect(page.get_by_text("已保存指标 bookhouses。")).to_be_visible()
    expect(page.get_by_test_id("ub-catalogue")).to_contain_text("职工书屋")
