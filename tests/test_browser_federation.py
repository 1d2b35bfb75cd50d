"""A federation that is not the demo's sets itself up in Debian chromium: 焦作市 against 许昌 and 扬州, from a
database made by `unionbench init` and one admin made at the shell, through the pages only — the set-up page, its
own indicator (职工书屋 per 10,000 workers, with a tile), two quarters of figures, the benchmark set made on the sets
page and made the default, the year's targets, a reporter for 温县 who submits and an admin who approves. Then,
with no link parameter, the overview, the gap page and the wall screen are 焦作's and judge 职工书屋 against the set.
Screenshots at 1920×1080 (the overview and the gap page also at 1366×768) go to tests/artifacts/."""

import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.federation import counties
from tests.support import ARTIFACTS, sign_in, wait_for_app
from tests.test_federation_journey import figures_csv

pytestmark = pytest.mark.browser
HOME, XUCHANG, YANGZHOU, WENXIAN = "410800", "411000", "321000", "410825"
ADMIN, REPORTER, PASSWORD = "zhangsan", "wenxian", "jiaozuo-2026!"
SET_ZH, SET_EN = "许扬", "Xuchang and Yangzhou"
VERDICTS = {"ahead", "level", "behind"}
BOOKHOUSES = {
    "编号": "bookhouses", "中文名称": "职工书屋", "英文名称": "Worker bookhouses", "分组编号": "service",
    "分组（中文）": "服务阵地", "分组（英文）": "Service stations", "单位": "个", "英文单位": "units",
    "人均基数": "workers", "排序": "15", "中文说明": "季末在用的职工书屋数量。",
    "英文说明": "Worker bookhouses in use.",
}  # fmt: skip


def unionbench(db: Path, *args: str, stdin: str | None = None) -> None:
    """A command as the operator types it at the server's shell."""
    done = subprocess.run(
        [sys.executable, "-m", "unionbench", "--db", str(db), *args],
        input=stdin, capture_output=True, text=True, check=False, cwd=db.parent,
    )  # fmt: skip
    assert done.returncode == 0 and "Traceback" not in done.stderr, f"{args}: {done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """`unionbench init` without the demo and the first admin: the only steps that are command-line by design."""
    db = tmp_path_factory.mktemp("federation") / "jiaozuo.duckdb"
    unionbench(db, "init")
    unionbench(db, "users", "add", ADMIN, "--role", "admin", "--password-stdin", stdin=PASSWORD + "\n")
    return db


@pytest.fixture(scope="module")
def served_db(database):
    return database


@pytest.fixture(scope="module")
def page(journey_page):
    return journey_page


def shoot(page, name: str, sizes=((1920, 1080),), full_page: bool = False) -> None:
    for width, height in sizes:
        page.set_viewport_size({"width": width, "height": height})
        wait_for_app(page)
        page.screenshot(path=ARTIFACTS / f"federation-{name}-{width}x{height}.png", full_page=full_page)
    page.set_viewport_size({"width": 1920, "height": 1080})


def open_as(page, server: str, path: str, name: str) -> None:
    """Open a page (a fresh session) and sign in as `name` if the page asks; as someone else, sign out first."""
    page.goto(f"{server}/{path}")
    wait_for_app(page)
    if page.get_by_role("button", name="退出登录").count() and not page.get_by_text(f"已登录：{name}").count():
        page.get_by_role("button", name="退出登录").click()
        wait_for_app(page)
    if page.get_by_role("button", name="登录", exact=True).count():
        sign_in(page, name, PASSWORD)
        # signing in reruns the page: fill nothing in until that run has drawn it (a field filled in meanwhile is
        # drawn anew, empty)
        expect(page.get_by_text(f"已登录：{name}")).to_be_visible()
        wait_for_app(page)


def choose_quarter(page, quarter: str) -> None:
    """Pick the quarter; after a commit the page scrolls up to its outcome, which closes a list opened meanwhile,
    so the list is opened again until its option shows."""
    # a rerun still under way keeps the old picker beside the new one, marked stale, until it ends
    box = page.locator('[data-testid=stElementContainer]:not([data-stale="true"])').get_by_role(
        "combobox", name="季度", exact=True
    )
    option = page.get_by_role("option", name=quarter, exact=True)
    for _ in range(5):
        box.scroll_into_view_if_needed()
        box.click()
        try:
            expect(option).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            page.keyboard.press("Escape")
    option.click()
    wait_for_app(page)
    expect(box).to_have_value(quarter, timeout=60_000)


def upload(page, path: Path) -> None:
    page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(path)
    wait_for_app(page)
    expect(page.get_by_text("③ 预览并确认")).to_be_visible(timeout=60_000)


def test_an_admin_chooses_jiaozuo_on_the_set_up_page(server, page, database):
    open_as(page, server, "", ADMIN)
    expect(page.get_by_text("还没有数据")).to_be_visible()
    page.get_by_role("combobox", name="本市").click()
    page.keyboard.type("焦作")
    page.get_by_role("option", name="焦作市 · 河南省").click()
    page.get_by_role("button", name="保存设置").click()
    wait_for_app(page)
    expect(page.get_by_text("已保存设置。")).to_be_visible()
    shoot(page, "setup-home")


def test_the_indicators_page_adds_bookhouses_per_10000_workers_with_a_tile(server, page):
    open_as(page, server, "indicators", ADMIN)
    page.get_by_role("tab", name="新增或修改").click()
    for label, value in BOOKHOUSES.items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_test_id("stForm").get_by_text("首页卡片", exact=True).click()
    page.get_by_role("button", name="检查并保存").click()
    wait_for_app(page)
    expect(page.get_by_text("已保存指标 bookhouses。")).to_be_visible()
    catalogue = page.get_by_test_id("ub-catalogue").locator("tr").filter(has_text="bookhouses")
    expect(catalogue).to_contain_text("职工书屋")
    expect(catalogue).to_contain_text("workers")
    expect(catalogue).to_contain_text("✓")  # a headline: its tile on the overview and the wall screen
    shoot(page, "indicator-added")


def test_the_upload_page_takes_two_quarters_of_the_city_and_the_benchmark_cities(server, page, database, tmp_path):
    home = counties(database, HOME)
    benchmark = counties(database, XUCHANG) + counties(database, YANGZHOU)
    others = [c for c in home if c != WENXIAN]
    open_as(page, server, "upload", ADMIN)
    for period, quarter, home_counties, scale in (
        ("2026Q2", "2026年第二季度", home, 1.0),
        ("2026Q3", "2026年第三季度", others, 1.1),  # 温县's third quarter comes from its reporter
    ):
        choose_quarter(page, quarter)
        bench_lines = figures_csv(tmp_path / "bench.csv", benchmark, period, 1.5).read_text(encoding="gb18030")
        home_lines = figures_csv(tmp_path / "home.csv", home_counties, period, scale).read_text(encoding="gb18030")
        both = tmp_path / f"焦作及对标城市{period}.csv"
        both.write_bytes((bench_lines + "".join(home_lines.splitlines(True)[1:])).encode("gb18030"))
        upload(page, both)
        if period == "2026Q3":
            shoot(page, "upload-preview", full_page=True)
        page.get_by_role("button", name="确认提交").click()
        wait_for_app(page)
        expect(page.get_by_text("已提交：上传")).to_be_visible(timeout=60_000)
        expect(page.get_by_text(f"新增 {3 * (len(benchmark) + len(home_counties))} 个")).to_be_visible()


def test_the_sets_page_makes_xuchang_and_yangzhou_a_set_and_the_set_up_page_makes_it_the_default(server, page):
    open_as(page, server, "sets", ADMIN)
    page.get_by_label("名称（中文）").fill(SET_ZH)
    page.get_by_label("名称（英文）").fill(SET_EN)
    page.get_by_label("名称（英文）").press("Tab")
    members = page.get_by_role("combobox", name="成员城市（可输入名称搜索）")
    for city in ("许昌市", "扬州市"):
        members.click()
        page.keyboard.type(city[:2])
        page.get_by_role("option", name=city).first.click()
        wait_for_app(page)
    page.keyboard.press("Escape")  # close the list, which hides the rest of the page from assistive technology
    expect(page.get_by_role("listbox")).to_have_count(0)
    page.get_by_role("button", name="保存对标组").click()
    wait_for_app(page)
    expect(page.get_by_text(f"已保存对标组“{SET_ZH}”")).to_be_visible()
    saved = page.get_by_test_id("ub-custom-sets")
    expect(saved).to_contain_text("许昌市")
    expect(saved).to_contain_text("扬州市")
    shoot(page, "set-saved", full_page=True)

    open_as(page, server, "setup", ADMIN)
    page.get_by_role("combobox", name="默认对标组").click()
    page.get_by_role("option", name=SET_ZH, exact=True).click()
    page.get_by_role("button", name="保存设置").click()
    wait_for_app(page)
    expect(page.get_by_text("已保存设置。")).to_be_visible()
    expect(page.get_by_test_id("ub-settings")).to_contain_text(SET_ZH)
    expect(page.get_by_test_id("ub-settings")).to_contain_text("焦作市")
    shoot(page, "setup-default-set")


def test_the_targets_page_imports_the_years_targets(server, page, tmp_path):
    open_as(page, server, "targets", ADMIN)
    targets = tmp_path / "焦作2026年目标.csv"
    targets.write_bytes("地区,指标,年度,目标值\n焦作市,职工书屋,2026,200\n温县,职工书屋,2026,20\n".encode("gb18030"))
    page.locator("input[type=file]").set_input_files(targets)
    expect(page.get_by_text("检查通过：新增 2 项，修改 0 项，未变 0 项。确认后写入。")).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="确认导入").click()
    expect(page.get_by_text("已导入目标：新增 2 项，修改 0 项。")).to_be_visible(timeout=30_000)
    shoot(page, "targets", full_page=True)


def test_the_accounts_page_adds_a_reporter_for_wenxian(server, page):
    open_as(page, server, "accounts", ADMIN)
    expect(page.get_by_role("heading", name="账号管理")).to_be_visible()
    page.get_by_label("用户名", exact=True).first.fill(REPORTER)
    page.get_by_role("combobox", name="报送地区（报送员）").click()
    page.get_by_role("option", name="温县").click()
    page.get_by_label("密码", exact=True).fill(PASSWORD)
    page.get_by_label("再输一次密码").first.fill(PASSWORD)
    page.get_by_role("button", name="添加账号").click()
    wait_for_app(page)
    expect(page.get_by_text(f"已添加账号 {REPORTER}。")).to_be_visible()
    expect(page.get_by_test_id("ub-accounts")).to_contain_text("温县")
    shoot(page, "accounts")


def test_the_reporter_submits_wenxians_quarter_and_the_admin_approves_it(server, page, tmp_path):
    open_as(page, server, "upload", REPORTER)
    expect(page.get_by_text("温县报送员")).to_be_visible()
    choose_quarter(page, "2026年第三季度")
    upload(page, figures_csv(tmp_path / "温县2026Q3.csv", [WENXIAN], "2026Q3", 1.1))
    page.get_by_role("button", name="提交审核").click()
    wait_for_app(page)
    expect(page.get_by_text("已提交，待审核：报送 #")).to_be_visible()
    expect(page.get_by_test_id("ub-my-submissions")).to_contain_text("已提交/待审核")
    shoot(page, "reporter-submitted", full_page=True)

    open_as(page, server, "upload", ADMIN)
    expect(page.get_by_text("待审核的报送（1）")).to_be_visible()
    page.locator("[data-testid=stSelectbox]").filter(has_text="审核哪一份").locator("input").click()
    page.get_by_role("option", name="温县2026Q3.csv").click()
    page.get_by_role("button", name="审核通过并发布").click()
    wait_for_app(page)
    expect(page.get_by_text("已审核通过并发布为上传")).to_be_visible()
    expect(page.get_by_text("待审核的报送（0）")).to_be_visible()
    shoot(page, "approved")


def test_with_no_link_parameter_the_overview_is_jiaozuos_and_judges_bookhouses_against_the_set(server, page):
    page.goto(server)
    wait_for_app(page)
    expect(page.locator("h1").first).to_contain_text("焦作市")
    expect(page.locator("h1").first).to_contain_text(SET_ZH)
    tile = page.locator("[data-testid=kpi-tile][data-indicator=bookhouses]")
    expect(tile).to_contain_text("职工书屋")
    assert tile.get_attribute("data-status") == "behind"  # 焦作 has fewer per 10,000 workers than the set
    shoot(page, "overview", ((1920, 1080), (1366, 768)), full_page=True)
    assert page.outside_requests == []


def test_with_no_link_parameter_the_gap_page_lists_bookhouses_with_a_verdict(server, page):
    page.goto(f"{server}/gaps")
    wait_for_app(page)
    expect(page.locator("h1").first).to_contain_text("焦作市")
    row = page.locator("[data-testid=stTable]").first.locator("tbody tr").filter(has_text="职工书屋")
    expect(row).to_have_count(1)
    expect(row.locator("td").nth(4)).to_have_text("▼ 落后")
    shoot(page, "gaps", ((1920, 1080), (1366, 768)))
    assert page.outside_requests == []


def test_with_no_link_parameter_the_wall_screen_names_jiaozuo(server, page):
    page.goto(f"{server}/screen?embed=true")
    expect(page.get_by_test_id("screen-tile").first).to_be_visible(timeout=60_000)
    expect(page.get_by_text("焦作").first).to_be_visible()
    tiles = page.locator("[data-testid=screen-tile]")
    assert set(tiles.evaluate_all("tiles => tiles.map(t => t.dataset.status)")) <= VERDICTS | {""}
    expect(page.get_by_text("职工书屋").first).to_be_attached()
    shoot(page, "screen")
    assert page.outside_requests == []
