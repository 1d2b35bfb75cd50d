"""A county's next quarter, end to end in Debian chromium: 剑阁县 submits 2026Q4, the admin approves it, and it is
on the county's gap page, in the city overview's note (with a link to the county) and in the explorer's download;
the wall screen's counts are the gap page's; a drill into a city without county figures says so; and no page says
None, nan or NaT in either language, even for a quarter the city has no figures for."""

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.support import ARTIFACTS, sign_in, wait_for_app, watched_page

pytestmark = pytest.mark.browser
PARTLY = "2026年第四季度：7 个县区中已报送 1 个（剑阁县），全市数据仍为第三季度"
PAGES = ["", "map", "gaps", "rankings", "targets", "trends", "explorer", "method", "sets", "tracker", "upload"]
# Which table cell counts as what: the gap page's columns, found by their headers.
COLUMN_CELLS = """([header]) => {
  const table = Array.from(document.querySelectorAll('table')).find(t =>
      Array.from(t.querySelectorAll('th')).some(th => th.innerText.trim() === header));
  if (!table) return null;
  const heads = Array.from(table.querySelectorAll('thead th')).map(th => th.innerText.trim());
  const at = heads.indexOf(header);
  return Array.from(table.querySelectorAll('tbody tr')).map(tr => {
      const cells = tr.querySelectorAll('td, th');
      return cells.length === heads.length ? cells[at].innerText.trim() : cells[at - 1].innerText.trim(); });
}"""


@pytest.fixture(scope="module")
def page(journey_page):
    return journey_page


def open_page(page, server: str, path: str) -> None:
    page.goto(f"{server}/{path}")
    wait_for_app(page)


def sign_in_as(page, server: str, name: str) -> None:
    """On the upload page, as `name` (whoever was signed in signs out first)."""
    open_page(page, server, "upload")
    if page.get_by_role("button", name="退出登录").count():
        page.get_by_role("button", name="退出登录").click()
        wait_for_app(page)
    sign_in(page, name, "demo2026")
    expect(page.get_by_text(f"已登录：{name}")).to_be_visible()


def test_a_countys_approved_next_quarter_is_on_its_gap_page_the_city_note_and_the_explorer(server, page):
    sign_in_as(page, server, "jiange")
    page.locator("[data-testid=stSelectbox]").filter(has_text="季度").click()
    page.get_by_role("option", name="2026年第四季度").click()
    wait_for_app(page)
    file = "地区,户外劳动者服务站点,职工培训,季度\n剑阁县,111,9,2026Q4\n".encode("gb18030")
    page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(
        {"name": "剑阁2026Q4.csv", "mimeType": "text/csv", "buffer": file}
    )
    wait_for_app(page)
    page.get_by_role("button", name="提交审核").click()
    wait_for_app(page)
    expect(page.get_by_text("已提交，待审核：报送 #1")).to_be_visible()

    sign_in_as(page, server, "demo")
    pick = page.locator("[data-testid=stSelectbox]").filter(has_text="审核哪一份")
    pick.locator("input").click()
    page.get_by_role("option", name="#1 · 剑阁县 · 剑阁2026Q4.csv").click()
    page.get_by_role("button", name="审核通过并发布").click()
    wait_for_app(page)
    expect(page.get_by_text("报送 #1 已审核通过并发布为上传")).to_be_visible()
    expect(page.get_by_role("button", name="下载季度通报（Word）")).to_be_visible()  # the county's, as the README says

    open_page(page, server, "")  # the city opens on its own newest quarter and names the partly reported one
    expect(page.locator("h1").first).to_contain_text("2026年第三季度")
    expect(page.get_by_text(PARTLY)).to_be_visible()
    page.screenshot(path=ARTIFACTS / "quarters-overview-partly-1920x1080.png", full_page=True)
    page.get_by_role("link", name="查看剑阁县2026年第四季度").click()
    wait_for_app(page)
    expect(page.locator("h1").first).to_contain_text("剑阁县")
    expect(page.locator("h1").first).to_contain_text("2026年第四季度")

    open_page(page, server, "gaps?region=510823")  # a county's own page opens on its newest quarter
    expect(page.locator("h1").first).to_contain_text("2026年第四季度")
    assert page.evaluate(COLUMN_CELLS, ["总量"])[0] == "111个"  # the outdoor stations just approved
    page.screenshot(path=ARTIFACTS / "quarters-county-gaps-1920x1080.png", full_page=True)

    open_page(page, server, "explorer?regions=510823&indicators=outdoor_stations&periods=2026Q3,2026Q4")
    with page.expect_download() as caught:
        page.get_by_role("button", name="下载 CSV").click()
    download = caught.value
    assert download.suggested_filename == "剑阁县_户外劳动者服务站点_2026Q3-2026Q4.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8-sig"))))
    assert {(r["地区代码"], r["季度"], r["数值"]) for r in rows} >= {("510823", "2026Q4", "111")}

    open_page(page, server, "?period=2030Q1")  # a link's quarter without figures: a note, never silently replaced
    expect(page.get_by_text("链接所指的2030年第一季度没有数据，显示的是2026年第三季度")).to_be_visible()
    assert page.outside_requests == []


def test_the_wall_screens_counts_are_the_gap_pages(server, browser):
    screen = watched_page(browser, viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    screen.goto(f"{server}/screen?embed=true")
    screen.wait_for_selector("[data-testid=screen-headline]", timeout=60_000)
    headline = screen.get_by_test_id("screen-headline").inner_text()
    screen.screenshot(path=ARTIFACTS / "quarters-screen-1920x1080.png")
    screen.close()
    judged, behind = map(int, re.search(r"(\d+) 项指标中 (\d+) 项落后", headline).groups())
    improved = int(re.search(r"差距较上季改善 (\d+) 项", headline).group(1))
    gaps = watched_page(browser, viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    gaps.goto(f"{server}/gaps?period=2026Q3")
    wait_for_app(gaps)
    status = gaps.evaluate(COLUMN_CELLS, ["状态"])
    change = gaps.evaluate(COLUMN_CELLS, ["差距较上季"])
    gaps.close()
    assert len([s for s in status if "无" not in s]) == judged
    assert sum("落后" in s for s in status) == behind
    assert sum(c.startswith("改善") for c in change) == improved


def test_a_drill_into_a_city_without_county_figures_says_so_with_the_way_back(server, page):
    open_page(page, server, "map?scope=province_cities&drill=510100")
    expect(page.get_by_text("成都市暂无县区数据")).to_be_visible()
    page.screenshot(path=ARTIFACTS / "quarters-drill-chengdu-1920x1080.png", full_page=True)
    page.get_by_role("button", name="返回全省各市（州）").click()
    wait_for_app(page)
    expect(page.get_by_text("成都市暂无县区数据")).to_have_count(0)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_page_says_none_nan_or_nat_even_for_a_quarter_the_city_has_no_figures_for(server, browser, lang):
    seen = watched_page(browser, viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    paths = [f"{p}?period=2026Q4&lang={lang}" for p in PAGES] + [
        f"map?scope=province_cities&drill=510100&lang={lang}",
        f"rankings?scope=province_counties&lang={lang}",
        f"gaps?region=510822&period=2026Q4&lang={lang}",  # a county without 2026Q4 figures
    ]
    for path in paths:
        seen.goto(f"{server}/{path}")
        wait_for_app(seen)
        text = seen.inner_text("body")
        found = re.findall(r".{0,40}\b(?:None|nan|NaN|NaT)\b.{0,40}", text)
        assert not found, (path, found)
        assert "Traceback" not in text, path
    seen.close()


CLIPPED = """() => {
  const main = document.querySelector('[data-testid=stMain]') || document.body;
  const edge = main.getBoundingClientRect().right + 1;
  const name = e => (e.innerText || e.textContent || '').trim().slice(0, 40);
  const cut = [];
  main.querySelectorAll('button, button p, button div, a, a p, a span, td, th').forEach(e => {
    const style = getComputedStyle(e);
    const hides = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
    if (e.clientWidth > 0 && hides && e.scrollWidth > e.clientWidth + 1) cut.push(['text', name(e)]);
  });
  main.querySelectorAll('table, button').forEach(e => {
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > edge) cut.push(['past the page', name(e)]);
  });
  main.querySelectorAll('.js-plotly-plot').forEach(plot => {
    const box = plot.getBoundingClientRect();
    plot.querySelectorAll('svg text').forEach(t => {
      const r = t.getBoundingClientRect();
      if (r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1)) cut.push(['chart', name(t)]);
    });
  });
  main.querySelectorAll('[data-testid=ranking-map]').forEach(drawing => {
    const box = drawing.getBoundingClientRect();
    drawing.querySelectorAll(':scope > span').forEach(t => {
      const r = t.getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1) cut.push(['drawn map', name(t)]);
    });
  });
  return cut;
}"""


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080)], ids=["1366x768", "1920x1080"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_nothing_is_clipped_on_the_analysis_pages(server, browser, width, height, lang):
    seen = watched_page(browser, viewport={"width": width, "height": height}, locale="zh-CN")
    for path in ["", "gaps", "rankings", "map", "gaps?region=510823"]:
        joiner = "&" if "?" in path else "?"
        seen.goto(f"{server}/{path}{joiner}lang={lang}")
        wait_for_app(seen)
        seen.wait_for_selector(".js-plotly-plot", timeout=30_000) if path in ("gaps", "rankings") else None
        name = (path or "overview").replace("?", "-").replace("=", "")
        seen.screenshot(path=ARTIFACTS / f"quarters-{name}-{lang}-{width}x{height}.png", full_page=True)
        assert seen.evaluate(CLIPPED) == [], (path, lang)
    seen.close()
