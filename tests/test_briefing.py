"""The quarterly briefing: the Word file's headings, that its tables show the store's figures, the wording
of gaps and changes, the PDF, and the command line."""

import io
import math
import os
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from tests.support import catalogue_count, charts_undrawn
from unionbench.briefing import BriefingError, briefing_bytes, build_briefing
from unionbench.briefing import text as tx
from unionbench.briefing.model import Briefing, Bullets, Paragraph, Section, Table
from unionbench.briefing.pdf import find_chromium
from unionbench.briefing.word import docx_bytes
from unionbench.cli import main
from unionbench.commit import UploadEntry, commit_observations
from unionbench.formatting import format_number
from unionbench.read import comparison
from unionbench.read.selection import Selection
from unionbench.store import Replica, writer

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
def home_briefing(store):
    """广元市 against 遂内泸 with its charts drawn, built once: the tests only read it."""
    return build_briefing(store, Selection(HOME, SET, PERIOD, lang="zh"))


@pytest.fixture(scope="module")
def document(home_briefing):
    return docx.Document(io.BytesIO(docx_bytes(home_briefing)))


@pytest.fixture(scope="module")
def county_briefing(store):
    """苍溪县 against Yangzhou's counties, built once: the tests only read its words and tables."""
    with charts_undrawn():
        return build_briefing(store, Selection("510824", "yangzhou", PERIOD, lang="zh"))


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


def test_the_headline_table_shows_the_stores_figures_and_the_pooled_benchmark(document, values):
    rows = {r[0]: r for r in table_rows(document.tables[0])[1:]}
    home, members = values.loc[HOME], values.loc[SUINEILU]
    stations = rows["户外劳动者服务站点（个/万名职工）"]
    assert stations[1] == f"{home.outdoor_stations:,.0f}个"
    home_per_10k = home.outdoor_stations / home.workers * 10_000
    pooled_per_10k = members.outdoor_stations.sum() / members.workers.sum() * 10_000
    assert stations[3] == format_number(home_per_10k, 2)
    assert stations[4] == format_number(pooled_per_10k, 2)
    gap_rel = (home_per_10k - pooled_per_10k) / pooled_per_10k
    assert stations[5] == f"{tx.signed(home_per_10k - pooled_per_10k, 2)} ({tx.signed(gap_rel * 100, 1)}%)"
    funds = rows["争取财政资金（万元/万名职工）"]
    assert funds[1] == f"{home.funds_government:,.2f}万元"
    assert funds[4] == format_number(members.funds_government.sum() / members.workers.sum() * 10_000, 2)
    rate = rows["工会组建率"]
    pooled = 100 * members.unions_established.sum() / members.enterprises_eligible.sum()
    assert rate[1] == f"{home.org_rate:.1f}%" and rate[4] == f"{pooled:.1f}%"
    assert rate[5] == f"{tx.signed(home.org_rate - pooled, 1)} 个百分点"  # points, not %
    assert home.org_rate < pooled - 2 and rate[6] == "落后"  # more than the 2-point amber band below


def test_every_group_table_shows_each_indicators_stored_value(store, document, values):
    catalogue = store.query("indicator_catalogue").set_index("name_zh")
    seen = 0
    for table in document.tables[1:6]:
        for row in table_rows(table)[1:]:
            name = re.sub(r"（[^（]*/万名职工）$", "", row[0])
            ind = catalogue.loc[name]
            assert row[1] == tx.amount(values.at[HOME, ind.id], ind.unit, int(ind.decimals), "zh"), name
            seen += 1
    assert seen == len(catalogue)


def comparison_rows(store, home=HOME, set_id=SET, lang="zh"):
    return comparison.comparison(store, Selection(home, set_id, PERIOD, lang=lang)).set_index("indicator")


VERDICT_WORDS = {"ahead": "领先", "level": "持平", "behind": "落后"}


def per_10k_unit(row) -> str:
    """The unit a table moves from a per-10k figure to the indicator's name ('' for rates and values)."""
    return row.basis_unit if row.basis.startswith("per_10k") else ""


SENTENCE_WORDS = {"ahead": "，好于对标", "level": "属基本持平", "behind": "，落后于对标"}


def test_table_one_shows_the_read_models_words_for_every_judged_headline_indicator(store, document):
    rows = comparison_rows(store)
    headline = store.query("indicator_catalogue").query("headline")["id"].tolist()
    cells = table_rows(document.tables[0])
    assert cells[0] == ["指标", "本期数值", "较上期", "本地（可比口径）", "对标值", "差距", "研判", "趋势"]
    assert len(cells) - 1 == len(headline)
    for line, indicator in zip(cells[1:], headline, strict=True):
        row = rows.loc[indicator]
        assert row.judged and row.verdict in VERDICT_WORDS, indicator
        unit = per_10k_unit(row)  # a per-10k unit heads the row instead
        assert line[0] == (f"{row['name']}（{unit}）" if unit else row["name"])
        assert line[1] == row.value_text
        assert line[3] + unit == row.home_text
        assert line[4] + unit == row.benchmark_text
        assert line[5] == (row.gap_text.replace(f" {unit}", "").replace(unit, "") if unit else row.gap_text)
        assert line[6] == row.verdict_text == VERDICT_WORDS[row.verdict]
        sentence = paragraph_starting(document, f"{row['name']}：")
        assert f"（{row.benchmark_text}）" in sentence and SENTENCE_WORDS[row.verdict] in sentence, indicator
        wrong = set(SENTENCE_WORDS.values()) - {SENTENCE_WORDS[row.verdict]}
        assert not any(words in sentence for words in wrong), indicator


def test_the_overview_counts_the_read_models_verdicts_and_leaves_raw_totals_unjudged(store, document):
    counts = comparison.verdict_counts(comparison_rows(store))
    overview = paragraph_starting(document, "2026年第三季度，广元市")
    assert overview == (
        f"2026年第三季度，广元市{counts['judged']}项对标指标中，{counts['ahead']}项领先遂内泸平均水平，"
        f"{counts['level']}项与之基本持平（差距在预警线以内，高低均算），{counts['behind']}项落后。"
        "另有3项（已建会企业、专职工会主席配备、已整改问题）为随地区规模增长的总量，仅作参考，不作评判。"
    )
    judged = catalogue_count("judged")
    assert counts["judged"] == judged and counts["ahead"] + counts["level"] + counts["behind"] == judged
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    for raw_total in ("已建会企业", "专职工会主席配备", "已整改问题"):
        assert not any(b.startswith(f"{raw_total}：") for b in bullets)  # neither a strength nor a weakness
        assert "不与对标比较" in paragraph_starting(document, f"{raw_total}：")


def test_more_open_problems_per_10k_workers_than_the_benchmark_is_worded_as_more_and_behind(document, values):
    sentence = paragraph_starting(document, "未整改问题：")
    home, members = values.loc[HOME], values.loc[SUINEILU]
    mine = home.problems_open / home.workers * 10_000
    theirs = members.problems_open.sum() / members.workers.sum() * 10_000
    assert mine > theirs * 1.1  # more open problems per 10,000 workers, beyond the 10 % band: behind
    pooled = f"比遂内泸平均水平（{theirs:.2f}项/万名职工）多{mine - theirs:.2f}项/万名职工"
    assert f"折合{mine:.2f}项/万名职工，{pooled}" in sentence
    assert f"（{(mine - theirs) / theirs * 100:.1f}%），落后于对标" in sentence and "好于对标" not in sentence


def word_row(**changes):
    """A comparison row as comparison.comparison gives it (problems still open per 10,000 workers, fewer is better),
    with the read model's own words."""
    row = {
        "name": "未整改问题",
        "unit": "项",
        "basis": "per_10k_workers",
        "basis_unit": "项/万名职工",
        "direction": "lower",
        "is_rate": False,
        "decimals": 0,
        "amber_band": 10.0,
        "judged": True,
        "value": 10.0,
        "home_value": 1.0,
        "benchmark_value": 1.5,
        "difference": -0.5,
        "gap": 0.5,
        "gap_rel": 1 / 3,
        "verdict": "ahead",
        "small": False,
        "kind": "count",
        "change": 1.0,
        "change_rel": 0.1,
        "home_period": "2026Q3",
        "benchmark_period": "2026Q3",
        "benchmark_lags": False,
        "trend": "improving",
        "rank": 2.0,
        "rank_of": 4,
        "catch_up": 0.0,
        "catch_up_reason": "ahead",
        "needed_per_quarter": 0.0,
    } | changes
    return row | comparison.texts(row, "zh")


def test_fewer_open_problems_than_the_benchmark_is_worded_as_fewer_and_ahead_without_a_minus_sign():
    clause = tx.gap_clause(word_row(), "遂内泸平均水平", "zh")
    assert clause == "，比遂内泸平均水平（1.50项/万名职工）少0.50项/万名职工（33.3%），好于对标"
    more = word_row(home_value=2.0, difference=0.5, gap=-0.5, gap_rel=-1 / 3, verdict="behind")
    assert tx.gap_clause(more, "对标", "zh") == "，比对标（1.50项/万名职工）多0.50项/万名职工（33.3%），落后于对标"


def test_a_gap_inside_the_amber_band_is_about_level_whichever_side_it_is_on():
    rate = {"name": "工会组建率", "unit": "%", "basis": "rate", "basis_unit": "%", "direction": "higher",
            "is_rate": True, "decimals": 1, "amber_band": 2.0, "gap_rel": math.nan, "verdict": "level"}  # fmt: skip
    below = word_row(**rate, value=79.8, home_value=79.8, benchmark_value=80.9, difference=-1.1, gap=-1.1)
    clause = tx.gap_clause(below, "对标", "zh")
    assert clause == "，比对标（80.9%）低1.1个百分点，略差于对标，属基本持平（在2个百分点预警线以内）"
    above = word_row(direction="higher", home_value=1.55, difference=0.05, gap=0.05, gap_rel=0.05 / 1.5,
                     verdict="level")  # fmt: skip
    clause = tx.gap_clause(above, "对标", "zh")
    assert clause == "，比对标（1.50项/万名职工）多0.05项/万名职工（3.3%），略好于对标，属基本持平（在10%预警线以内）"


def test_three_against_four_is_stated_without_percentages_or_drama():
    small = word_row(value=4.0, home_value=0.4, benchmark_value=0.3, difference=0.1, gap=-0.1, gap_rel=math.nan,
                     verdict="behind", small=True)  # fmt: skip
    clause = tx.gap_clause(small, "对标", "zh")
    assert clause == "，比对标（0.30项/万名职工）多0.10项/万名职工，落后于对标（数量较小，仅供参考）"
    assert small["gap_text"] == "−0.10项/万名职工"


def test_a_total_that_grows_with_size_is_shown_but_never_judged():
    nothing = {"benchmark_value": math.nan, "difference": math.nan, "gap": math.nan, "verdict": ""}
    raw = word_row(name="已建会企业", unit="个", basis="value", basis_unit="个", direction="higher", judged=False,
                   home_value=80.0, **nothing)  # fmt: skip
    assert tx.gap_clause(raw, "对标", "zh") == "；此项为随地区规模增长的总量，仅作参考，不与对标比较"


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
        "change": change,
        "change_rel": change / previous,
        "stock_flow": "stock",
        "decimals": 1 if is_rate else 0,
        "is_rate": is_rate,
        "unit": "%" if is_rate else "项",
        "value": previous + change,
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
    from unionbench.read.targets import progress_rows

    progress = progress_rows(store, Selection(HOME, SET, PERIOD))
    lagging = progress[progress.status.isin(["lagging", "missed"])]
    table = next(t for t in document.tables if t.rows[0].cells[2].text == "年度目标")
    assert len(table.rows) - 1 == len(lagging)


def test_an_english_briefing_has_english_headings_and_units(store, undrawn_charts):
    document = docx.Document(io.BytesIO(briefing_bytes(store, Selection(HOME, SET, PERIOD, lang="en"), "docx")))
    assert headings(document, 1)[0] == "1. Overview" and headings(document, 1)[-1] == "6. Data sources and method"
    sentence = paragraph_starting(document, "Outdoor worker service stations:")
    assert "units at quarter end" in sentence and "per 10,000 workers" in sentence


def test_a_county_is_read_against_the_benchmark_cities_counties_and_never_judged_on_raw_totals(store, county_briefing):
    briefing = county_briefing
    rows = comparison_rows(store, home="510824", set_id="yangzhou")
    groups = next(s for s in briefing.sections if s.heading == "二、分项指标")
    texts = [b.text for sub in groups.blocks for b in sub.blocks if isinstance(b, Paragraph)]
    unions = next(t for t in texts if t.startswith("已建会企业："))
    assert "不与对标比较" in unions and "落后" not in unions and "领先" not in unions
    rate = next(t for t in texts if t.startswith("工会组建率："))
    org = rows.loc["org_rate"]
    assert f"比扬州所辖县区水平（{org.benchmark_text}）低" in rate  # Yangzhou's counties pooled, not the city
    tables = [b for sub in groups.blocks for b in sub.blocks if isinstance(b, Table)]
    cells = next(r for table in tables for r in table.rows if r[0] == "工会组建率")
    assert cells[3] == f"{int(org['rank'])}/{org.rank_of}" == "6/7"  # among Guangyuan's seven counties


def test_the_county_table_reads_each_county_against_the_benchmark_cities_counties(store, home_briefing):
    briefing = home_briefing
    section = next(s for s in briefing.sections if s.heading == "四、县区差距来源")
    table = next(b for b in section.blocks if isinstance(b, Table))
    headline = store.query("indicator_catalogue").query("headline")["id"].tolist()
    counties = store.query("child_regions", parent=HOME).set_index("name_zh")["adcode"]
    assert [line[0] for line in table.rows] == [*counties.index, "广元市（全市）", "对标值"]
    for line, lights in zip(table.rows, table.lights, strict=True):
        if line[0] not in counties:
            continue
        rows = comparison_rows(store, home=counties[line[0]])
        for cell, light, indicator in zip(line[1:], lights[1:], headline, strict=True):
            row = rows.loc[indicator]
            assert cell + per_10k_unit(row) == row.home_text
            assert light == (None if row.small else row.verdict)
    # the Suining, Neijiang and Luzhou counties pooled are the three cities pooled: one reference row
    city = comparison_rows(store)
    assert table.rows[-1][1:] == [
        city.at[i, "benchmark_text"].removesuffix(per_10k_unit(city.loc[i])) for i in headline
    ]


def test_small_numbers_get_no_percentage_and_a_caution_in_the_table_and_the_sentence(store, county_briefing):
    briefing = county_briefing
    rows = comparison_rows(store, home="510824", set_id="yangzhou")
    trainings = rows.loc["trainings"]
    assert trainings.small and trainings.verdict == "behind"  # one session against 0.29 per 10,000 workers
    groups = next(s for s in briefing.sections if s.heading == "二、分项指标")
    table = next(b for sub in groups.blocks for b in sub.blocks if isinstance(b, Table) and "（五）" in sub.heading)
    cells = next(r for r in table.rows if r[0].startswith("职工培训"))
    assert cells[5] == "−0.18" and cells[6] == "落后（数量较小，仅供参考）"
    light = table.lights[table.rows.index(cells)][6]
    assert light is None  # no red cell for one training session
    paragraphs = [b.text for sub in groups.blocks for b in sub.blocks if isinstance(b, Paragraph)]
    sentence = next(text for text in paragraphs if text.startswith("职工培训："))
    gap = sentence.split("比扬州所辖县区水平")[1].split("；")[0]
    assert "%" not in gap and gap.endswith("落后于对标（数量较小，仅供参考）")
    strengths = next(s for s in briefing.sections if s.heading == "三、优势与短板")
    listed = [item for b in strengths.blocks if isinstance(b, Bullets) for item in b.items]
    assert not any(item.startswith(("职工培训", "未整改问题")) for item in listed)


def test_a_quarter_the_benchmark_has_not_reported_is_read_against_its_latest_and_the_overview_says_so(
    writable_db, undrawn_charts
):
    with writer(writable_db) as primary:
        counties = primary.query("child_regions", parent=HOME)["adcode"].tolist()
        q3 = primary.query("values_by_region", regions=[HOME, *counties], periods=[PERIOD])
        stored = primary.query("indicator_catalogue").query("aggregation != 'ratio'")["id"]  # rates are derived
        q4 = q3[q3.indicator.isin(stored)].assign(period="2026Q4")[["region", "indicator", "period", "value"]]
        commit_observations(primary, q4, UploadEntry(file_name="q4.csv", sha256="q4", user_name="test", layout="long"))
    reader = Replica(writable_db)
    try:
        briefing = build_briefing(reader.current(), Selection(HOME, SET, "2026Q4", lang="zh"))
    finally:
        reader.close()
    overview = briefing.sections[0].blocks[0].text
    assert overview.startswith("2026年第四季度，广元市15项对标指标中，")
    note = "对标数据截至2026年第三季度：对标地区尚未报送2026年第四季度的数据，各项与其最新报送的季度比较。"
    assert overview.endswith(note)
    table = next(b for b in briefing.sections[0].blocks if isinstance(b, Table))
    assert all(cells[4] != "—" and cells[6] != "—" for cells in table.rows)  # never a table of dashes
    rows = {cells[0]: cells for cells in table.rows}
    assert rows["户外劳动者服务站点（个/万名职工）"][1] == "402个"  # a stock: the home's newest quarter
    assert rows["托育补助资金（万元/万名职工）"][1] == "69.00万元（2026年第三季度）"  # a flow: the benchmark's quarter
    groups = [b.text for sub in briefing.sections[1].blocks for b in sub.blocks if isinstance(b, Paragraph)]
    subsidy = next(text for text in groups if text.startswith("托育补助资金："))
    assert subsidy.startswith("托育补助资金：2026年第三季度69.00万元（对标地区尚未报送本季度，流量指标双方均取该季度）")


def test_a_benchmark_city_is_no_reference_for_a_county_and_the_download_falls_back_to_the_average(
    store, undrawn_charts
):
    from components.briefing import usable_reference

    with pytest.raises(BriefingError):
        # Suining the city against a county: never
        build_briefing(store, Selection("510824", SET, PERIOD, "510900"))
    assert usable_reference(store, Selection("510824", SET, PERIOD, "510900")).reference == "average"
    one_of_suinings = Selection("510824", SET, PERIOD, "510903")  # one of Suining's counties
    assert usable_reference(store, one_of_suinings).reference == "510903"
    assert usable_reference(store, Selection(HOME, SET, PERIOD, "510900")).reference == "510900"
    briefing = build_briefing(store, usable_reference(store, Selection("510824", SET, PERIOD, "510900")))
    assert "遂内泸所辖县区平均水平" in briefing.sections[0].blocks[0].text


def test_a_quarter_without_figures_or_an_unknown_set_is_refused(store):
    with pytest.raises(BriefingError):
        build_briefing(store, Selection(HOME, SET, "2031Q1"))
    with pytest.raises(BriefingError):
        build_briefing(store, Selection(HOME, "nowhere", PERIOD))
    with pytest.raises(ValueError):
        briefing_bytes(store, Selection(HOME, SET, PERIOD, lang="zh"), "odt")


@pytest.mark.office
@needs_chromium
def test_the_pdf_has_the_briefings_pages_and_text_in_chinese(store):
    pdfium = pytest.importorskip("pypdfium2")
    data = briefing_bytes(store, Selection(HOME, SET, PERIOD, lang="zh"), "pdf")
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


SOFFICE = shutil.which("soffice")
NUMBER = re.compile(r"[+−-]?\d[\d,]*(?:\.\d+)?%?")


def tables_only(briefing: Briefing) -> Briefing:
    """The briefing with its tables alone (headings and captions kept): no paragraph is left that could hold a
    figure a broken table cell lost."""

    def keep(section: Section) -> Section:
        blocks = [keep(b) if isinstance(b, Section) else b for b in section.blocks if isinstance(b, Section | Table)]
        return Section(section.heading, section.level, blocks)

    return replace(briefing, sections=[keep(s) for s in briefing.sections], notice=None)


def all_tables(sections) -> list[Table]:
    return [t for s in sections for b in s.blocks for t in ([b] if isinstance(b, Table) else all_tables([b]))
            if isinstance(b, Table | Section)]  # fmt: skip


def squeezed(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.mark.office
@pytest.mark.skipif(SOFFICE is None and not os.environ.get("CI"), reason="needs LibreOffice (make browser)")
@pytest.mark.parametrize(("region", "set_id", "lang"), [(HOME, SET, "zh"), ("510824", "yangzhou", "en")])
def test_libreoffice_sets_every_figure_of_the_word_tables_on_one_line(store, tmp_path, region, set_id, lang):
    """LibreOffice broke figures mid-number ("−3.0 / 7 (−24.4% / )") in columns without widths. A
    numeric cell's whole text, and every figure in any other cell, must come out of the PDF on one line."""
    assert SOFFICE, "CI must run this test: make browser installs libreoffice-writer-nogui"
    pdfium = pytest.importorskip("pypdfium2")
    briefing = tables_only(build_briefing(store, Selection(region, set_id, PERIOD, lang=lang)))
    source = tmp_path / "tables.docx"
    source.write_bytes(docx_bytes(briefing))
    profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"  # its own profile: runs may overlap
    command = [SOFFICE, "--headless", profile, "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=240)
    pdf = pdfium.PdfDocument(tmp_path / "tables.pdf")
    lines = [squeezed(line) for page in pdf for line in page.get_textpage().get_text_range().splitlines()]
    checked = 0
    for table in all_tables(briefing.sections):
        for cells in [table.columns, *table.rows]:
            for c, text in enumerate(cells):
                whole = table.numeric[c] and cells is not table.columns and NUMBER.search(text)
                for figure in [squeezed(text)] if whole else NUMBER.findall(text):
                    assert any(figure in line for line in lines), f"{figure!r} of {text!r} is broken across lines"
                    checked += 1
    assert checked > 120  # every table was read


def test_the_command_writes_a_word_file_and_says_why_it_cannot(demo_db_path, tmp_path, capsys, undrawn_charts):
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
