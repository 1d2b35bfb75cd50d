"""The analysis pages as an analyst sees them in Debian chromium at 1920×1080: each page draws without an error
and asks nothing outside; the map has one shape per region and a click opens that county's profile; the gap table
shows a light per indicator; a shared link opens the same view in a fresh browser."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.support import catalogue_count, streamlit_server, wait_for_app

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

# A pixel inside the given region's shape on the first map, found by asking each drawn shape whether the point is
# inside its fill, scanning the plot from its top left (the first hit is near the shape's edge).
PIXEL_INSIDE = """(region) => {
  const gd = document.querySelector('.js-plotly-plot');
  const shapes = Array.from(gd.querySelectorAll('path.choroplethlocation'));
  const inside = (path, x, y) => path.isPointInFill(new DOMPoint(x, y).matrixTransform(path.getScreenCTM().inverse()));
  const box = gd.querySelector('.geo .layer.bg rect').getBoundingClientRect();
  for (let y = box.top + 10; y < box.bottom; y += 12) {
    for (let x = box.left + 10; x < box.right; x += 12) {
      const hit = shapes.find(path => inside(path, x, y));
      if (hit && String(hit.__data__.loc) === region) return {x, y};
    }
  }
  return null;
}"""
# The map is drawn: every region's shape is in the page's SVG.
MAP_DRAWN = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const regions = gd?.data?.reduce((n, trace) => n + trace.locations.length, 0);
  return regions > 0 && gd.querySelectorAll('path.choroplethlocation').length === regions;
}"""


@pytest.fixture(scope="module")
def server(demo_db_path):
    with streamlit_server(demo_db_path) as url:
        yield url


def map_locations(page) -> list[str]:
    page.wait_for_function("document.querySelector('.js-plotly-plot')?.data?.[0]?.locations?.length > 0")
    return page.evaluate("Array.from(document.querySelector('.js-plotly-plot').data[0].locations)")


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("map", "广元市各县区 · 户外劳动者服务站点 · 2026年第三季度"),
        ("gaps", "广元市 · 对标遂内泸（对标组平均） · 2026年第三季度"),
        ("rankings", "广元市各县区 · 2026年第三季度"),
        ("targets", "广元市2026年目标进度 · 截至2026年第三季度"),
        ("trends", "趋势 · 2026年第三季度"),
        ("explorer", "数据查询"),
        ("method", "方法说明"),
    ],
)
def test_each_analysis_page_draws_its_title_without_an_error_or_an_outside_request(server, page, path, title):
    page.goto(f"{server}/{path}")
    wait_for_app(page)
    expect(page.locator("h1").first).to_have_text(title)
    assert page.locator("[data-testid=stException]").count() == 0
    page.wait_for_function("Array.from(document.querySelectorAll('.js-plotly-plot')).every(p => p._fullLayout)")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{path}-1920x1080.png")
    assert page.outside_requests == []


def test_the_map_has_one_shape_per_region_in_scope(server, page):
    page.goto(f"{server}/map")
    wait_for_app(page)
    assert sorted(map_locations(page)) == ["510802", "510811", "510812", "510821", "510822", "510823", "510824"]
    page.goto(f"{server}/map?scope=province_cities")
    wait_for_app(page)
    expect(page.locator("h1").first).to_contain_text("全省各市（州）")
    assert len(map_locations(page)) == 21


def test_a_click_on_a_county_shape_opens_that_county_profile(server, page):
    page.goto(f"{server}/map")
    wait_for_app(page)
    map_locations(page)
    page.wait_for_function(MAP_DRAWN)
    point = page.evaluate(PIXEL_INSIDE, "510822")  # 青川县
    assert point is not None
    page.mouse.click(point["x"], point["y"])
    expect(page.get_by_text("青川县概况 · 2026年第三季度")).to_be_visible(timeout=20_000)
    assert page.outside_requests == []


def test_a_click_on_a_city_drills_into_its_counties(server, page):
    page.goto(f"{server}/map?scope=province_cities")
    wait_for_app(page)
    map_locations(page)
    page.wait_for_function(MAP_DRAWN)
    point = page.evaluate(PIXEL_INSIDE, "510900")  # 遂宁市
    page.mouse.click(point["x"], point["y"])
    expect(page.locator("h1").first).to_contain_text("遂宁市各县区", timeout=20_000)
    assert sorted(map_locations(page)) == ["510903", "510904", "510921", "510923", "510981"]
    page.wait_for_url("**drill=510900**")  # the drill level is in the link: a copied link opens it


def test_the_gap_table_shows_a_verdict_in_words_for_every_judged_indicator(server, page):
    page.goto(f"{server}/gaps")
    wait_for_app(page)
    table = page.locator("[data-testid=stTable]").first
    rows = table.locator("tbody tr")
    assert rows.count() == catalogue_count("judged")  # totals that grow with size are not judged
    # the status: after the name, home, benchmark and gap (each figure carries its unit: no unit column)
    lights = [rows.nth(i).locator("td").nth(4).inner_text() for i in range(rows.count())]
    assert all(light in {"▲ 领先", "● 持平", "▼ 落后"} for light in lights), lights


def test_a_shared_link_opens_the_same_view_in_a_fresh_browser(server, browser):
    link = f"{server}/rankings?bench=yangzhou&period=2025Q4&indicator=org_rate&scope=province_cities&lang=en"
    seen = []
    for _ in range(2):  # two browsers that share nothing
        context = browser.new_context(viewport={"width": 1920, "height": 1080})
        page = context.new_page()
        page.goto(link)
        wait_for_app(page)
        selects = page.locator("[data-testid=stSidebar] [data-testid=stSelectbox]")
        shown = [
            selects.nth(i).inner_text() + " " + selects.nth(i).locator("input").input_value()
            for i in range(selects.count())
        ]
        seen.append((page.locator("h1").first.inner_text(), page.locator("h3").first.inner_text(), shown))
        context.close()
    assert seen[0] == seen[1]
    title, heading, selects = seen[0]
    assert title == "Cities of the province · 2025 Q4"
    assert heading.startswith("Ranking · ")
    assert any("Yangzhou" in s for s in selects), selects


def test_the_gap_page_hands_over_the_briefing_as_a_word_file(server, browser, tmp_path):
    import docx

    context = browser.new_context(viewport={"width": 1920, "height": 1080}, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{server}/gaps")
    wait_for_app(page)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="下载季度通报（Word）").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "广元市_2026Q3_对标通报.docx"
    headings = [p.text for p in docx.Document(path).paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert any("广元市" in h for h in headings)
    context.close()


def all_map_locations(page) -> list[str]:
    """Every region drawn on the first map, over all its traces (regions without a figure are a grey trace)."""
    map_locations(page)
    return page.evaluate(
        "Array.from(document.querySelector('.js-plotly-plot').data).flatMap(t => Array.from(t.locations))"
    )


def test_a_county_clicked_on_the_map_shows_its_profile_on_one_basis_with_the_tables_rank(server, page):
    page.goto(f"{server}/map?per10k=true")
    wait_for_app(page)
    map_locations(page)
    page.wait_for_function(MAP_DRAWN)
    point = page.evaluate(PIXEL_INSIDE, "510812")  # 朝天区
    assert point is not None
    page.mouse.click(point["x"], point["y"])
    expect(page.get_by_text("朝天区概况 · 2026年第三季度")).to_be_visible(timeout=20_000)
    wait_for_app(page)
    line = page.locator("[data-testid=stMarkdown]").filter(has_text="户外劳动者服务站点：")
    expect(line).to_have_text(
        "户外劳动者服务站点：9.81个/万名职工，比对标（12.59个/万名职工）少2.78个/万名职工（低22.1%），落后 · "
        "排名 4/7（广元市各县区） · 总量 29个（背景）"
    )
    expect(page.get_by_text("排名范围：广元市各县区，按对比口径")).to_be_visible()
    page.wait_for_function(MAP_DRAWN)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "map-county-selected-1920x1080.png")
    heading = page.get_by_text("朝天区概况 · 2026年第三季度")
    heading.scroll_into_view_if_needed()
    expect(heading).to_be_in_viewport()
    page.screenshot(path=ARTIFACTS / "map-county-profile-1920x1080.png")
    assert page.outside_requests == []


def test_the_province_county_map_draws_all_183_sichuan_counties(server, page):
    page.goto(f"{server}/map?scope=province_counties&per10k=true")
    wait_for_app(page)
    expect(page.locator("h1").first).to_have_text("全省各县（市、区） · 户外劳动者服务站点 · 2026年第三季度")
    drawn = all_map_locations(page)
    assert len(drawn) == len(set(drawn)) == 183
    assert {"511002", "511102"} <= set(drawn)  # 内江 and 乐山's 市中区, two shapes
    assert page.outside_requests == []
