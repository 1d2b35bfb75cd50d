"""Every page runs under AppTest without an exception and shows what it should."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.support import catalogue_count

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p.stem for p in (ROOT / "app_pages").glob("*.py"))


@pytest.fixture
def app(demo_db_path, monkeypatch):
    monkeypatch.setenv("UNIONBENCH_DB", str(demo_db_path))
    monkeypatch.chdir(ROOT)

    def run(**query_params) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.query_params.update(query_params)
        return at.run()

    return run


def html_text(at: AppTest) -> str:
    """The page's HTML: st.html bodies and Markdown's raw-HTML blocks (the overview's tiles, components/kpi.py)."""
    return "".join([*(element.proto.body for element in at.get("html")), *(element.value for element in at.markdown)])


def test_every_page_in_pages_is_in_the_navigation():
    navigation = (ROOT / "dashboard.py").read_text(encoding="utf-8")
    assert all(f'page("{name}"' in navigation for name in PAGES)


def test_the_overview_runs_and_shows_six_tiles_the_demo_notice_and_the_county_table(app):
    at = app()
    assert not at.exception
    assert at.title[0].value == "广元市 · 2026年第三季度 · 对标遂内泸"
    assert any("演示数据" in info.value for info in at.info)
    tiles = html_text(at)
    assert tiles.count('data-testid="kpi-tile"') == catalogue_count("headline")
    assert "户外劳动者服务站点" in tiles and "工会组建率" in tiles
    table = at.dataframe[0].value
    assert sorted(table.iloc[:, 1]) == sorted(["利州区", "昭化区", "朝天区", "旺苍县", "青川县", "剑阁县", "苍溪县"])


def test_the_overview_speaks_english_when_the_link_says_so(app):
    at = app(lang="en", bench="yangzhou")
    assert not at.exception
    assert at.title[0].value == "Guangyuan City · 2026 Q3 · vs Yangzhou"  # English place names
    assert any("Demo data" in info.value for info in at.info)
    assert "Outdoor worker service stations" in html_text(at)


def test_filters_in_the_link_choose_the_quarter_and_map_indicator(app):
    at = app(period="2023Q2", indicator="childcare_slots", per10k="false")
    assert not at.exception
    assert "2023年第二季度" in at.title[0].value
    assert at.selectbox(key="indicator").value == "childcare_slots"
    assert at.dataframe[0].value.iloc[:, 2].sum() == 240  # the seed's 240 slots, split over the counties


def test_a_nonsense_filter_in_the_link_falls_back_to_the_default(app):
    at = app(bench="nowhere", period="1999Q9")
    assert not at.exception
    assert at.title[0].value == "广元市 · 2026年第三季度 · 对标遂内泸"


def test_per_10k_ranks_counties_by_the_figure_shown(app):
    at = app(per10k="true")
    assert not at.exception
    table = at.dataframe[0].value
    assert table.iloc[:, 2].is_monotonic_decreasing  # rank 1 first, highest stations per 10,000 workers


def test_switching_the_language_switches_the_tiles(app):
    at = app()
    at.segmented_control(key="lang").set_value("en").run()
    assert not at.exception
    assert "vs same quarter last year" in html_text(at)


def test_without_a_database_the_page_says_how_to_make_one(monkeypatch, tmp_path):
    monkeypatch.setenv("UNIONBENCH_DB", str(tmp_path / "none.duckdb"))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert "unionbench init --demo" in at.error[0].value


def test_a_tile_stays_one_raw_html_block_in_markdown_whatever_line_breaks_its_words_hold():
    from components.kpi import as_markdown_block

    block = as_markdown_block('<div class="ub-tile">对标组\n\n*名单*\r\n# 标题</div>')
    assert "\n" not in block and "\r" not in block  # a blank line would end the block and read the rest as Markdown
    assert block == '<div class="ub-tile">对标组  *名单*  # 标题</div>'
