"""The targets page in Debian chromium: an admin signs in, uploads a targets file, sees what it adds and changes,
stores it, and the page shows the new target; screenshots at 1920×1080 and 1366×768."""

import pytest
from playwright.sync_api import expect

from tests.support import ARTIFACTS, sign_in, wait_for_app

pytestmark = pytest.mark.browser
ADMIN, PASSWORD = "demo", "demo2026"  # the demo database's admin


def test_an_admin_uploads_targets_previews_and_stores_them(server, page, tmp_path):
    page.goto(f"{server}/targets")
    wait_for_app(page)
    expect(page.get_by_text("导入或修改目标需管理员登录；下载模板无需登录。")).to_be_visible()
    expect(page.get_by_role("button", name="下载2026年目标模板（Excel）")).to_be_visible()
    sign_in(page, ADMIN, PASSWORD)
    targets = tmp_path / "目标.csv"
    targets.write_bytes("地区,指标,年度,目标值\n青川,户外劳动者服务站点,2026,4321\n".encode("gb18030"))
    page.locator("input[type=file]").set_input_files(targets)
    expect(page.get_by_text("检查通过：新增 0 项，修改 1 项，未变 0 项。确认后写入。")).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("ub-target-changes")).to_contain_text("4321")
    page.get_by_role("heading", name="编辑目标任务").scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "targets-editor-preview-1920x1080.png", full_page=False)
    page.set_viewport_size({"width": 1366, "height": 768})
    wait_for_app(page)
    page.get_by_role("heading", name="编辑目标任务").scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "targets-editor-preview-1366x768.png", full_page=False)
    page.get_by_role("button", name="确认导入").click()
    expect(page.get_by_text("已导入目标：新增 0 项，修改 1 项。")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("4,321").first).to_be_visible()
    page.screenshot(path=ARTIFACTS / "targets-stored-1366x768.png", full_page=True)
    page.set_viewport_size({"width": 1920, "height": 1080})
    wait_for_app(page)
    page.screenshot(path=ARTIFACTS / "targets-stored-1920x1080.png", full_page=True)
    assert page.outside_requests == []
