"""The analysis pages under AppTest: each runs, titles what it shows, and keeps the shared filters."""

from pathlib import Path

import pytest

from tests.support import catalogue_count

ROOT = Path(__file__).resolve().parent.parent
GUANGYUAN_COUNTIES = {"利州区", "昭化区", "朝天区", "旺苍县", "青川县", "剑阁县", "苍溪县"}


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("map", "广元市各县区 · 户外劳动者服务站点 · 2026年第三季度"),
        ("rankings", "广元市各县区 · 2026年第三季度"),
        ("targets", "广元市2026年目标进度 · 截至2026年第三季度"),
        ("trends", "趋势 · 2026年第三季度"),
        ("explorer", "数据查询"),
        ("method", "方法说明"),
    ],
)
def test_every_analysis_page_runs_and_titles_what_it_shows(app_page, name, title):
    at = app_page(name)
    assert not at.exception, at.exception
    assert at.title[0].value == title


def test_the_map_ranks_the_seven_counties_and_profiles_the_home_city_by_default(app_page):
    at = app_page("map")
    ranks = at.dataframe[0].value
    assert set(ranks.iloc[:, 1]) == GUANGYUAN_COUNTIES
    assert at.selectbox(key="profile_region").value == "510800"
    assert at.subheader[0].value == "广元市概况 · 2026年第三季度"


def test_the_map_of_the_province_shows_its_21_cities(app_page):
    at = app_page("map", scope="province_cities")
    assert len(at.dataframe[0].value) == 21
    assert at.title[0].value.startswith("全省各市（州）")


def test_choosing_a_county_profile_shows_every_indicator_with_rank_among_seven(app_page):
    at = app_page("map")
    at.selectbox(key="profile_region").set_value("510822").run()
    assert "青川县概况" in at.subheader[0].value
    profile = at.dataframe[1].value.set_index("指标")
    assert len(profile) == catalogue_count()
    assert profile.loc["户外劳动者服务站点", "排名"] == "7/7"  # 4.14 per 10,000 workers: last of Guangyuan's seven
    assert profile.loc["户外劳动者服务站点", "总量（背景）"] == "14个"


def test_a_county_profile_reads_one_basis_and_its_rank_is_the_tables_when_per_10k_is_on(app_page):
    at = app_page("map", per10k="true")
    at.selectbox(key="profile_region").set_value("510812").run()
    assert not at.exception, at.exception
    table = at.dataframe[0].value.set_index("地区")
    assert table.loc["朝天区", "排名"] == 4 and table.columns[-1] == "数值"  # the basis: the caption above
    profile = at.dataframe[1].value.set_index("指标")
    row = profile.loc["户外劳动者服务站点"]
    assert list(row.iloc[:6]) == [
        "9.81个/万名职工",
        "12.59个/万名职工",
        "−2.78个/万名职工 (−22.1%)",
        "落后",
        "4/7",
        "29个",
    ]
    union = profile.loc["已建会企业"]  # a total that grows with size: shown, never against a city's total
    assert (union["对标值（同口径）"], union["差距"], union["排名"]) == ("—", "—", "—")
    assert union["判断"] == "不作评判（随规模增长的总量）"
    assert at.markdown[-1].value == (
        "**户外劳动者服务站点**：9.81个/万名职工，比对标（12.59个/万名职工）少2.78个/万名职工（低22.1%），落后 · "
        "排名 4/7（广元市各县区） · 总量 29个（背景）"
    )


def test_the_map_ranks_per_10k_by_default_and_says_when_its_table_ranks_totals(app_page):
    default = app_page("map")
    assert any("按每万名职工（个/万名职工）" in c.value for c in default.caption)  # like with like unless asked
    assert not any(c.value.startswith("地图和右表按总量排名") for c in default.caption)
    at = app_page("map", per10k="false")
    assert at.dataframe[0].value.columns[-1] == "数值"
    assert any(caption.value.startswith("地图和右表按总量排名") for caption in at.caption)


def test_the_map_of_the_province_counties_ranks_all_183_with_both_shizhong_districts(app_page):
    at = app_page("map", scope="province_counties", per10k="true")
    assert not at.exception, at.exception
    assert at.title[0].value == "全省各县（市、区） · 户外劳动者服务站点 · 2026年第三季度"
    table = at.dataframe[0].value
    assert len(table) == 183 and table["地区"].is_unique
    assert {"内江·市中区", "乐山·市中区"} <= set(table["地区"])
    at.selectbox(key="profile_region").set_value("510812").run()
    row = at.dataframe[1].value.set_index("指标").loc["户外劳动者服务站点"]
    assert row["排名"] == "19/24" == f"{int(table.set_index('地区').at['朝天区', '排名'])}/24"
    at.selectbox(key="profile_region").set_value("511102").run()  # 乐山·市中区: no county figures in the demo
    assert at.subheader[0].value == "乐山·市中区概况 · 2026年第三季度"
    row = at.dataframe[1].value.set_index("指标").loc["户外劳动者服务站点"]
    assert (row["对比值（同口径）"], row["判断"], row["排名"]) == ("—", "本季度未报数据", "—")
    assert at.markdown[-1].value == "**户外劳动者服务站点**：—，本季度未报数据"


def test_rankings_show_moves_and_the_composite_with_its_method(app_page):
    at = app_page("rankings", scope="province_cities", per10k="true")
    ranking, composite = at.dataframe[0].value, at.dataframe[1].value
    assert len(ranking) == 21 and list(ranking.iloc[:, 0]) == sorted(ranking.iloc[:, 0])
    assert len(composite) == 21 and "广元市" in set(composite.iloc[:, 1])
    assert any("z" in caption.value and "±3" in caption.value for caption in at.caption)


def test_rankings_of_the_province_counties_list_183_and_say_how_many_have_a_figure(app_page):
    at = app_page("rankings", scope="province_counties", per10k="true")
    assert not at.exception, at.exception
    assert at.title[0].value == "全省各县（市、区） · 2026年第三季度"
    ranking = at.dataframe[0].value
    assert len(ranking) == 183 and ranking["地区"].is_unique
    assert list(ranking["排名"].iloc[:24]) == list(range(1, 25)) and ranking["排名"].iloc[24:].isna().all()
    assert at.caption[0].value == "按每万名职工（个/万名职工）"
    assert "183个地区中有24个本季度有数据（无数据的列在表末）" in [c.value for c in at.caption]


def test_a_count_without_a_base_is_ranked_on_its_total_and_says_so(app_page):
    at = app_page("rankings", indicator="unions_established", per10k="true")
    assert at.caption[0].value == "按总量（个）：随规模增长、无人均基数，未按规模折算，仅供参考"
    assert at.dataframe[0].value.columns[2] == "数值"  # the short header is never cut; the unit is in the caption


def test_a_composite_weight_of_zero_drops_that_indicator(app_page):
    at = app_page("rankings")
    before = at.dataframe[1].value.iloc[:, 3].max()
    at.slider(key="weight_outdoor_stations").set_value(0.0).run()
    assert at.dataframe[1].value.iloc[:, 3].max() == before - 1


def test_the_filters_survive_a_page_switch(app_page):
    at = app_page("rankings", bench="yangzhou", period="2025Q4", indicator="org_rate")
    at.switch_page("app_pages/trends.py").run()
    assert not at.exception
    assert at.selectbox(key="bench").value == "yangzhou"
    assert at.selectbox(key="period").value == "2025Q4"
    assert at.selectbox(key="indicator").value == "org_rate"


def test_the_explorer_offers_provenance_and_both_downloads(app_page):
    at = app_page("explorer")
    at.toggle(key="explorer_provenance").set_value(True).run()
    table = at.dataframe[0].value
    assert "文件" in table.columns and "file_name" not in table.columns  # headers in the page's language
    assert set(table["文件"]) <= {"data/demo/observations.csv", "汇总/计算所得"}
    assert len(at.get("download_button")) == 2


def test_the_wall_screen_runs_from_its_link_alone(app_page):
    at = app_page("screen", indicators="org_rate,nonsense", seconds="7", lang="en")
    assert not at.exception, at.exception
    html = "".join(element.proto.body for element in at.get("html"))
    # unknown ids are dropped (and named); the story: overview, the organisation rate (behind), counties, trend
    assert 'data-kind="overview"' in html and "1 / 4" in html and "indicators" in html
    assert "Guangyuan" in html or "广元市" in html
    assert not at.sidebar.selectbox  # a kiosk draws no filters


def test_the_wall_screen_keeps_its_last_frame_when_the_data_cannot_be_read(app_page, monkeypatch):
    at = app_page("screen")
    assert not at.exception

    def unreachable():
        raise OSError("snapshot gone")

    monkeypatch.setattr("components.context.current_store", unreachable)
    at.run()
    assert not at.exception
    html = "".join(element.proto.body for element in at.get("html"))
    assert "数据暂时无法读取" in html and 'data-testid="screen-tile"' in html


def test_the_gap_page_reads_every_judged_indicator_against_the_set_with_verdicts_in_words(app_page):
    at = app_page("gaps")
    assert not at.exception, at.exception
    assert at.title[0].value == "广元市 · 对标遂内泸（对标组平均） · 2026年第三季度"
    table = at.table[0].value
    assert len(table) == catalogue_count("judged")  # every indicator compared on a rate or per 10,000 workers
    assert set(table["状态"]) <= {"▲ 领先", "● 持平", "▼ 落后"}
    rates = table[table["指标"] == "工会组建率"]
    assert rates["差距"].iloc[0] == "−3.1 个百分点"  # a rate's gap is in points, negative when worse
    stations = table[table["指标"] == "户外劳动者服务站点"].iloc[0]
    assert (stations["本地"], stations["对标值"]) == ("9.52个/万名职工", "12.59个/万名职工")
    assert stations["总量"] == "402个"  # the absolute value stays, as context
    headers = [h.value for h in at.subheader]
    assert "优势" in headers and "短板" in headers
    context = at.table[1].value  # totals that grow with size: shown, not judged
    assert "已建会企业" in set(context["指标"]) and "专职工会主席配备" in set(context["指标"])


def test_a_county_on_the_gap_page_is_read_against_counties_and_a_city_reference_falls_back(app_page):
    at = app_page("gaps", region="510822", reference="510900", indicator="org_rate")
    assert not at.exception, at.exception
    assert at.title[0].value == "青川县 · 对标遂内泸（对标组平均） · 2026年第三季度"
    best = app_page("gaps", region="510822", reference="best", indicator="org_rate")
    table = best.table[0].value.set_index("指标")
    assert table.at["户外劳动者服务站点", "本地"].endswith("个/万名职工")  # each figure carries its unit
    assert table.at["户外劳动者服务站点", "排名"].endswith("/7")  # among Guangyuan's seven counties


def test_the_gap_tables_status_and_rank_cells_are_kept_on_one_line_by_their_own_columns(app_page):
    at = app_page("gaps")
    assert not at.exception
    header = list(at.table[0].value.columns)
    status, rank = header.index("状态"), header.index("排名")
    css = [html.proto.body for html in at.get("html") if "white-space: nowrap !important" in html.proto.body]
    assert css == [f"<style>.st-key-gap_table_wide td.col{status} p, .st-key-gap_table_wide td.col{rank} p "
                   "{white-space: nowrap !important;}</style>"]  # fmt: skip
