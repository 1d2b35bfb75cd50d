"""The quarterly briefing (issue 7): the Word file's headings, that its tables show the store's figures, the wording
of gaps and changes, the PDF, and the command line."""

import io
from pathlib import Path

import docx
import pytest

from unionbench import gaps
from unionbench.briefing import BriefingError, briefing_bytes, build_briefing
from unionbench.briefing import text as tx
from unionbench.briefing.pdf import find_chromium
from unionbench.cli import main
from unionbench.formatting import format_number

HOME, SET, PERIOD = "510800", "suineilu", "2026Q3"
SUINEILU = ["510900", "511000", "510500"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
HEADINGS_ZH = [
    "一、总体情况",
    "二、分项指标",
    "三、优势与短板",
    "四、县区差距来源",
    "五、年度目标进度",
    "六、数据来源与说明",
]
needs_chromium = pytest.mark.skipif(find_chromium() is None, reason="PDF needs Debian chromium (make browser)")


@pytest.fixture(scope="module")
def document(store):
    return docx.Document(io.BytesIO(briefing_bytes(store, HOME, SET, PERIOD, "zh", "docx")))


@pytest.fixture(scope="module")
def values(store):
    frame = store.query("values_by_region", regions=[HOME, *SUINEILU], periods=[PERIOD])
    return frame.pivot(index="region", columns="indicator", values="value")


def headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def table_rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def paragraph_starting(document, start: str) -> str:
    return next(p.text for p in document.paragraphs if p.text.startswith(start))


def test_the_word_file_has_a_title_block_six_sections_and_a_heading_per_indicator_group(document):
    title = next(p.text for p in document.paragraphs if p.style.name == "Title")
    assert title == "广元市工会工作对标分析季度通报"
    assert headings(document, 1) == HEADINGS_ZH
    assert headings(document, 2) == [
        "（一）服务阵地",
        "（二）普惠托育",
        "（三）争取资金",
        "（四）组织建设",
        "（五）工作成效",
    ]
    assert any(p.text == "季度：2026年第三季度" for p in document.paragraphs)
    assert len(document.inline_shapes) == 4  # gap bars, trends, radar, county contributions


def test_the_headline_table_shows_the_stores_figures_and_the_pooled_benchmark(store, document, values):
    rows = {r[0]: r for r in table_rows(document.tables[0])[1:]}
    home, members = values.loc[HOME], values.loc[SUINEILU]
    stations = rows["户外劳动者服务站点（每万名职工）"]
    assert stations[1] == f"{home.outdoor_stations:,.0f}个"
    assert stations[3] == format_number(home.outdoor_stations / home.workers * 10_000, 2)
    assert stations[4] == format_number(members.outdoor_stations.sum() / members.workers.sum() * 10_000, 2)
    funds = rows["争取财政资金（每万名职工）"]
    assert funds[1] == f"{home.funds_government:,.2f}万元"
    assert funds[4] == format_number(members.funds_government.sum() / members.workers.sum() * 10_000, 2)
    rate = rows["工会组建率"]
    pooled = 100 * members.unions_established.sum() / members.enterprises_eligible.sum()
    assert rate[1] == f"{home.org_rate:.1f}%" and rate[4] == f"{pooled:.1f}%"
    assert rate[5] == tx.signed(home.org_rate - pooled, 1)  # points, not %
    status = gaps.gap_table(store, HOME, SET, PERIOD, "zh").set_index("indicator").at["org_rate", "status"]
    assert rate[6] == {"ahead": "领先", "near": "接近", "behind": "落后"}[status]


def test_every_group_table_shows_each_indicators_stored_value(store, document, values):
    catalogue = store.query("indicator_catalogue").set_index("name_zh")
    seen = 0
    for table in document.tables[1:6]:
        for row in table_rows(table)[1:]:
            name = row[0].removesuffix("（每万名职工）")
            ind = catalogue.loc[name]
            assert row[1] == tx.amount(values.at[HOME, ind.id], ind.unit, int(ind.decimals), "zh"), name
            seen += 1
    assert seen == len(catalogue)


def test_fewer_open_problems_than_the_benchmark_is_worded_as_fewer_and_better(document, values):
    sentence = paragraph_starting(document, "未整改问题：")
    benchmark = values.loc[SUINEILU].problems_open.mean()
    fewer = benchmark - values.at[HOME, "problems_open"]
    assert fewer > 0
    assert f"比遂内泸平均水平（{benchmark:.0f}项）少{fewer:.0f}项" in sentence and "好于对标" in sentence
    assert "落后" not in sentence and "多" not in sentence


def gap_row(**changes):
    row = {
        "name": "未整改问题",
        "unit": "项",
        "direction": "lower",
        "is_rate": False,
        "per_10k": False,
        "decimals": 0,
        "amber_band": 10.0,
        "home_compared": 30.0,
        "benchmark_compared": 20.0,
        "gap_abs": 10.0,
        "gap_rel": 0.5,
        "status": "behind",
        "comparable": True,
    }
    return row | changes


def test_more_open_problems_than_the_benchmark_is_worded_as_more_and_behind():
    clause = tx.gap_clause(gap_row(), "遂内泸平均水平", "zh")
    assert clause == "，比遂内泸平均水平（20项）多10项（+50.0%），落后于对标"
    english = tx.gap_clause(gap_row(unit="items"), "the average", "en")
    assert english == ", 10 items more than the average (20 items) (+50.0%): behind"


def test_a_gap_inside_the_amber_band_is_about_level_whichever_side_it_is_on():
    rate = gap_row(
        name="工会组建率", unit="%", direction="higher", is_rate=True, decimals=1, amber_band=2.0, status="near"
    )
    behind = tx.gap_clause(rate | {"home_compared": 79.8, "benchmark_compared": 80.9, "gap_abs": -1.1}, "对标", "zh")
    assert "低1.1个百分点" in behind and "基本持平" in behind and "落后于对标" not in behind
    count = gap_row(direction="higher", status="ahead", home_compared=103.0, benchmark_compared=100.0)
    ahead = tx.gap_clause(count | {"gap_abs": 3.0, "gap_rel": 0.03}, "对标", "zh")
    assert "略好于对标，属基本持平" in ahead


def test_three_against_four_is_stated_without_percentages_or_drama():
    small = gap_row(home_compared=4.0, benchmark_compared=3.0, gap_abs=1.0, gap_rel=1 / 3)
    clause = tx.gap_clause(small, "对标", "zh")
    assert "%" not in clause and "多1项" in clause and "数量较小" in clause


@pytest.mark.parametrize(
    ("change", "previous", "is_rate", "expected"),
    [
        (2.0, 400.0, False, "，与上季度基本持平"),  # 0.5 %: under 1 %
        (9.0, 393.0, False, "，较上季度增加9项（+2.3%）"),
        (0.2, 79.6, True, "，与上季度基本持平"),  # under a quarter point
        (0.5, 79.3, True, "，较上季度提高0.5个百分点"),
        (-1.0, 4.0, False, "，较上季度减少1项"),  # small numbers: no percentage
    ],
)
def test_changes_too_small_to_matter_are_about_the_same(change, previous, is_rate, expected):
    row = {
        "change_abs": change,
        "change_previous": previous,
        "stock_flow": "stock",
        "decimals": 1 if is_rate else 0,
        "is_rate": is_rate,
        "unit": "%" if is_rate else "项",
        "home_value": previous + change,
    }
    assert tx.change_clause(row, "zh") == expected


def test_money_is_written_in_wan_yuan_up_to_yi_yuan_and_in_yuan_in_english():
    assert tx.money(463.41, 2, "zh") == "463.41万元"
    assert tx.money(18_468.0, 2, "zh") == "1.85亿元"
    assert tx.money(463.41, 2, "en") == "CNY 4.63 million"
    assert tx.money(45.0, 2, "en") == "CNY 450,000"


def test_the_demo_data_is_noted_and_the_uploads_behind_the_figures_are_listed(store, document):
    assert any(p.text.startswith("注意：本通报使用演示数据") for p in document.paragraphs)
    demo = store.query("uploads").iloc[-1]
    provenance = table_rows(document.tables[-1])
    assert provenance[0][:2] == ["上传编号", "文件"]
    assert [f"#{demo.id}", demo.file_name] == provenance[1][:2] and provenance[1][-1] == "是"


def test_the_lagging_targets_table_matches_the_target_progress(store, document):
    from unionbench.views import target_progress

    progress = target_progress(store, HOME, PERIOD, "zh")
    lagging = progress[progress.status.isin(["lagging", "missed"])]
    table = next(t for t in document.tables if t.rows[0].cells[2].text == "年度目标")
    assert len(table.rows) - 1 == len(lagging)


def test_an_english_briefing_has_english_headings_and_units(store):
    document = docx.Document(io.BytesIO(briefing_bytes(store, HOME, SET, PERIOD, "en", "docx")))
    assert headings(document, 1)[0] == "1. Overview" and headings(document, 1)[-1] == "6. Data sources and method"
    sentence = paragraph_starting(document, "Outdoor worker service stations:")
    assert "units at quarter end" in sentence and "per 10,000 workers" in sentence


def test_a_county_is_not_compared_with_whole_cities_on_raw_totals(store):
    briefing = build_briefing(store, "510824", "yangzhou", PERIOD, "zh")
    groups = next(s for s in briefing.sections if s.heading == "二、分项指标")
    texts = [b.text for sub in groups.blocks for b in sub.blocks if hasattr(b, "text")]
    unions = next(t for t in texts if t.startswith("已建会企业："))
    assert "不作比较" in unions and "落后" not in unions
    rate = next(t for t in texts if t.startswith("工会组建率："))
    assert "扬州水平" in rate  # rates are still compared


def test_a_quarter_without_figures_or_an_unknown_set_is_refused(store):
    with pytest.raises(BriefingError):
        build_briefing(store, HOME, SET, "2031Q1")
    with pytest.raises(BriefingError):
        build_briefing(store, HOME, "nowhere", PERIOD)
    with pytest.raises(ValueError):
        briefing_bytes(store, HOME, SET, PERIOD, "zh", "odt")


@needs_chromium
def test_the_pdf_has_the_briefings_pages_and_text_in_chinese(store):
    pdfium = pytest.importorskip("pypdfium2")
    data = briefing_bytes(store, HOME, SET, PERIOD, "zh", "pdf")
    assert data.startswith(b"%PDF")
    pdf = pdfium.PdfDocument(data)
    text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert 6 <= len(pdf) <= 14
    assert "广元市工会工作对标分析季度通报" in text and f"第 1 页 / 共 {len(pdf)} 页" in text
    for heading in HEADINGS_ZH:
        assert heading in text
    assert "户外劳动者服务站点：季末402个" in text.replace("\r", "").replace("\n", "")
    ARTIFACTS.mkdir(exist_ok=True)
    for i in range(2):
        pdf[i].render(scale=1.25).to_pil().save(ARTIFACTS / f"briefing-page-{i + 1}.png")


def test_the_command_writes_a_word_file_and_says_why_it_cannot(demo_db_path, tmp_path, capsys):
    out = tmp_path / "report.docx"
    args = ["--db", str(demo_db_path), "briefing", "--region", "广元", "--benchmark", "遂内泸", "--out"]
    assert main([*args, str(out), "--period", PERIOD]) == 0
    assert headings(docx.Document(out), 1) == HEADINGS_ZH
    assert main(["--db", str(demo_db_path), "briefing", "--benchmark", "Yangzhou", "--out", str(out)]) == 0
    assert main([*args, str(tmp_path / "report.odt")]) == 2
    assert main(["--db", str(demo_db_path), "briefing", "--benchmark", "火星", "--out", str(out)]) == 2
    assert main([*args, str(out), "--period", "2031Q1"]) == 1
    assert "2031Q1" in capsys.readouterr().err
    assert main(["--db", str(tmp_path / "none.duckdb"), "briefing", "--out", str(out)]) == 1
