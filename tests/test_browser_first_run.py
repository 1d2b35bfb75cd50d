"""A new federation in Debian chromium: the first-run page a new database opens on, an admin choosing 焦作市 and the
benchmark set there, the templates it then offers, and the accounts page adding a reporter for one of its counties.
Screenshots at 1920×1080 and 1366×768 go to tests/artifacts/."""

import pytest
from playwright.sync_api import expect

from tests.federation import JIAOZUO, new_database
from tests.support import ARTIFACTS, sign_in, wait_for_app
from unionbench.accounts import NewAccount, add_user
from unionbench.settings import read_settings
from unionbench.store import Replica

pytestmark = pytest.mark.browser
ADMIN, PASSWORD = "boss", "jiaozuo-2026"
SIZES = ((1920, 1080), (1366, 768))


@pytest.fixture(scope="module")
def database(reference_db_path, tmp_path_factory):
    path = new_database(reference_db_path, tmp_path_factory.mktemp("first_run"))
    add_user(path, NewAccount(ADMIN, PASSWORD, "admin"), "test")
    return path


@pytest.fixture(scope="module")
def served_db(database):
    return database


@pytest.fixture(scope="module")
def page(journey_page):
    return journey_page


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        wait_for_app(page)
        page.screenshot(path=ARTIFACTS / f"{name}-{width}x{height}.png")
    page.set_viewport_size({"width": 1920, "height": 1080})


def test_a_new_database_opens_on_the_first_run_page_saying_there_are_no_figures_yet(server, page):
    page.goto(server)
    wait_for_app(page)
    expect(page.get_by_text("还没有数据")).to_be_visible()
    expect(page.get_by_role("heading", name="管理员登录后开始设置")).to_be_visible()
    expect(page.get_by_text("Traceback")).to_have_count(0)
    shoot(page, "first-run-visitor")
    assert page.outside_requests == []


def test_an_admin_chooses_jiaozuo_and_its_set_then_gets_the_templates(server, page, database):
    sign_in(page, ADMIN, PASSWORD)
    page.get_by_role("combobox", name="本市").click()
    page.keyboard.type("焦作")
    page.get_by_role("option", name="焦作市 · 河南省").click()
    page.get_by_role("combobox", name="默认对标组").click()
    page.get_by_role("option", name="许昌").click()
    page.get_by_role("button", name="保存设置").click()
    wait_for_app(page)
    expect(page.get_by_text("已保存设置。")).to_be_visible()
    expect(page.get_by_role("button", name="下载 Excel 模板")).to_be_visible()
    expect(page.get_by_role("link", name="前往数据上传")).to_be_visible()
    shoot(page, "first-run-admin")
    reader = Replica(database)
    try:
        found = read_settings(reader.current())
    finally:
        reader.close()
    assert (found.home, found.benchmark) == (JIAOZUO, "xuchang")
    assert page.outside_requests == []


def test_the_accounts_page_adds_a_reporter_for_a_county_of_jiaozuo(server, page, database):
    page.get_by_role("link", name="管理账号").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="账号管理")).to_be_visible()
    page.get_by_label("用户名", exact=True).first.fill("wenxian")
    page.get_by_role("combobox", name="报送地区（报送员）").click()
    page.get_by_role("option", name="温县").click()
    page.get_by_label("密码", exact=True).fill("county-2026")
    page.get_by_label("再输一次密码").first.fill("county-2026")
    page.get_by_role("button", name="添加账号").click()
    wait_for_app(page)
    expect(page.get_by_text("已添加账号 wenxian。")).to_be_visible()
    expect(page.get_by_test_id("ub-accounts")).to_contain_text("温县")
    shoot(page, "accounts")
    assert page.outside_requests == []
