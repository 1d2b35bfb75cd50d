"""The reporting cycle in Debian chromium: a county reporter submits its corrected figure, which the
overview does not show; an admin reviews it with its preview and approves it; then the overview shows it. The
tracker lists every county's status for the quarter being reported."""

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.support import streamlit_server, wait_for_app, watched_page
from unionbench.accounts import Account
from unionbench.ingest import Upload
from unionbench.submissions import publish_file, return_submission, submit_file

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
TODAY = dt.date.today()
STATIONS_Q3 = 402  # 广元's seven counties' outdoor stations in 2026Q3 of the demo data (苍溪 69 of them)


@pytest.fixture(scope="module")
def server(module_db):
    """The demo database (its demo accounts, no secrets.toml) with three counties' 2026Q4 already in motion."""
    qingchuan = Upload("地区,职工培训,季度\n青川县,6,2026Q4\n".encode(), "青川.csv", "2026Q4", TODAY)
    submit_file(module_db, qingchuan, Account("qingchuan", "reporter", "510822"))
    jiange = Upload("地区,职工培训,季度\n剑阁县,5,2026Q4\n".encode(), "剑阁.csv", "2026Q4", TODAY)
    submit_file(module_db, jiange, Account("jiange", "reporter", "510823"))
    return_submission(module_db, 2, "demo", "只填了一项指标，请按模板补全")
    publish_file(module_db, Upload("地区,职工培训,季度\n利州区,4,2026Q4\n".encode(), "利州.csv", "2026Q4"), "demo")
    ARTIFACTS.mkdir(exist_ok=True)
    with streamlit_server(module_db) as url:
        yield url


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    yield watched_page(context)
    context.close()


def sign_in(page, server: str, name: str, password: str = "demo2026") -> None:
    page.goto(f"{server}/upload")
    wait_for_app(page)
    if page.get_by_role("button", name="退出登录").count():  # a session kept from before: start fresh
        page.get_by_role("button", name="退出登录").click()
        wait_for_app(page)
    page.get_by_label("用户名").fill(name)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    wait_for_app(page)
    if password == "demo2026":
        expect(page.get_by_text(f"已登录：{name}")).to_be_visible()


def stations_tile(page, server: str) -> str:
    page.goto(f"{server}/?period=2026Q3")
    wait_for_app(page)
    tile = page.locator("[data-testid=kpi-tile][data-indicator=outdoor_stations]")
    expect(tile).to_be_visible()
    return tile.inner_text()


def test_reporter_submits_admin_approves_and_the_overview_shows_the_figure(server, page):
    assert f"{STATIONS_Q3:,}" in stations_tile(page, server) or str(STATIONS_Q3) in stations_tile(page, server)

    sign_in(page, server, "cangxi")
    expect(page.get_by_text("苍溪县报送员")).to_be_visible()
    page.locator("[data-testid=stSelectbox]").filter(has_text="季度").click()
    page.get_by_role("option", name="2026年第三季度").click()
    wait_for_app(page)
    correction = "地区,户外劳动者服务站点,季度\n苍溪县,119,2026Q3\n".encode("gb18030")
    page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(
        {"name": "苍溪2026Q3-更正.csv", "mimeType": "text/csv", "buffer": correction}
    )
    wait_for_app(page)
    expect(page.get_by_text("③ 预览并确认")).to_be_visible()
    page.get_by_role("button", name="提交审核").click()
    wait_for_app(page)
    expect(page.get_by_text("已提交，待审核：报送 #3")).to_be_visible()
    mine = page.locator("[data-testid=ub-my-submissions]")
    expect(mine).to_contain_text("已提交/待审核")
    expect(mine).to_contain_text("苍溪2026Q3-更正.csv")
    page.screenshot(path=ARTIFACTS / "reporting-reporter-submitted-1920x1080.png", full_page=True)

    tile = stations_tile(page, server)  # submitted is not published
    assert "452" not in tile and ("402" in tile)

    sign_in(page, server, "demo")
    expect(page.get_by_text("待审核的报送（2）")).to_be_visible()
    review = page.locator("[data-testid=ub-review]")
    expect(review).to_contain_text("苍溪2026Q3-更正.csv")
    expect(page.get_by_role("button", name="审核通过并发布")).to_have_count(0)  # nothing chosen, nothing to approve
    pick = page.locator("[data-testid=stSelectbox]").filter(has_text="审核哪一份")
    pick.locator("input").click()
    page.get_by_role("option", name="#3 · 苍溪县 · 苍溪2026Q3-更正.csv").click()
    expect(page.get_by_role("button", name="审核通过并发布")).to_be_enabled()
    page.get_by_text("待审核的报送（2）").evaluate("e => e.scrollIntoView({block: 'start'})")
    page.screenshot(path=ARTIFACTS / "reporting-admin-review-1920x1080.png")
    page.get_by_role("button", name="审核通过并发布").click()
    wait_for_app(page)
    notice = page.get_by_text("报送 #3 已审核通过并发布为上传")
    expect(notice).to_be_in_viewport()  # the page scrolled up to it from the button
    expect(page.get_by_text("待审核的报送（1）")).to_be_visible()
    expect(page.get_by_role("button", name="审核通过并发布")).to_have_count(0)  # the next file waits to be chosen

    assert "452" in stations_tile(page, server)
    assert page.outside_requests == []


def test_an_admin_reads_the_audit_log_with_a_failed_sign_in_and_the_approval(server, page):
    sign_in(page, server, "cangxi", "not-the-password")
    expect(page.get_by_text("用户名或密码不正确")).to_be_visible()
    sign_in(page, server, "demo")
    page.get_by_text("操作日志").click()
    log = page.locator("[data-testid=ub-audit]")
    expect(log).to_contain_text("登录失败")
    expect(log).to_contain_text("审核通过")
    assert "not-the-password" not in log.inner_text()
    page.get_by_text("操作日志").evaluate("e => e.scrollIntoView({block: 'start'})")
    page.screenshot(path=ARTIFACTS / "reporting-audit-log-1920x1080.png")


def test_the_tracker_shows_each_countys_status_and_reminders(server, page):
    sign_in(page, server, "demo")
    page.goto(f"{server}/tracker")
    wait_for_app(page)
    if page.get_by_role("button", name="登录").count():
        page.get_by_label("用户名").fill("demo")
        page.get_by_label("密码").fill("demo2026")
        page.get_by_role("button", name="登录").click()
        wait_for_app(page)
    table = page.locator("[data-testid=ub-tracker]")
    expect(table).to_be_visible()
    text = table.inner_text()
    for county, status in [("利州区", "已通过"), ("青川县", "待审核"), ("剑阁县", "已退回"), ("苍溪县", "未报送")]:
        row = next(line for line in text.splitlines() if line.startswith(county))
        assert status in row, row
    expect(page.get_by_text("【报送提醒】剑阁县总工会").first).to_be_visible()
    page.screenshot(path=ARTIFACTS / "reporting-tracker-1920x1080.png", full_page=True)
    assert page.outside_requests == []
