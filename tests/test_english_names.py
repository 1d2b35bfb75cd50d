"""English place names: pinyin with the official suffix, stored in regions.name_en at init, with
an override list; every English page, the explorer's download and the English briefing name places in English."""

import csv
import re

import pytest

from unionbench.briefing.assemble import build_briefing
from unionbench.briefing.model import Bullets, Chart, Paragraph, Table
from unionbench.placenames import REGION_NAMES_EN_CSV, english_name, english_names, romanise, short_english
from unionbench.read import comparison, explorer, views
from unionbench.read.selection import Selection
from unionbench.regions import read_cnmaps_index

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
GUANGYUAN_COUNTIES = [
    "Lizhou District",
    "Zhaohua District",
    "Chaotian District",
    "Wangcang County",
    "Qingchuan County",
    "Jiange County",
    "Cangxi County",
]


@pytest.mark.parametrize(
    ("name_zh", "expected"),
    [
        ("广元市", "Guangyuan City"),
        ("苍溪县", "Cangxi County"),
        ("利州区", "Lizhou District"),
        ("四川省", "Sichuan Province"),
        ("北川羌族自治县", "Beichuan Qiang Autonomous County"),
        ("凉山彝族自治州", "Liangshan Yi Autonomous Prefecture"),
        ("阿坝藏族羌族自治州", "Aba Tibetan and Qiang Autonomous Prefecture"),
        ("积石山保安族东乡族撒拉族自治县", "Jishishan Bonan, Dongxiang and Salar Autonomous County"),
        ("阿拉善盟", "Alashan League"),
        ("阿荣旗", "Arong Banner"),
        ("阿里地区", "Ali Prefecture"),
        ("泸县", "Lu County"),  # a one-character stem keeps its suffix
        ("六安市", "Lu'an City"),  # an apostrophe before a syllable starting with a vowel
        ("魏都区", "Weidu District"),  # 都 reads du in a place name
        ("长葛市", "Changge City"),  # 长 reads chang
        ("朝阳区", "Chaoyang District"),
        ("蚌埠市", "Bengbu City"),
        ("重庆市", "Chongqing City"),
        ("乐山市", "Leshan City"),
        ("番禺区", "Panyu District"),
    ],
)
def test_a_generated_english_name_is_the_stems_pinyin_and_the_official_suffix(name_zh, expected):
    assert english_name(name_zh) == expected


def test_romanise_drops_tones_joins_syllables_and_capitalises():
    assert romanise("广元") == "Guangyuan"
    assert romanise("吕梁") == "Lüliang"


def test_the_override_list_wins_where_the_official_english_differs():
    assert english_names(["610000", "150000", "510800"], ["陕西省", "内蒙古自治区", "广元市"]) == [
        "Shaanxi Province",
        "Inner Mongolia Autonomous Region",
        "Guangyuan City",
    ]


def test_every_override_names_an_existing_region_by_its_chinese_name_and_every_province_reads_well():
    regions = read_cnmaps_index().set_index("adcode")
    with REGION_NAMES_EN_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(regions.at[row["adcode"], "name_zh"] == row["name_zh"] for row in rows)
    provinces = regions[regions.level == "province"]
    names = english_names(provinces.index, provinces.name_zh)
    assert all(re.fullmatch(r"[A-Z][A-Za-z']*( [A-Z][A-Za-z']*)*", name) for name in names), names
    assert {"Shaanxi Province", "Shanxi Province", "Hong Kong Special Administrative Region"} <= set(names)


def test_init_stores_an_english_name_for_every_region(store):
    names = views.region_names(store, ["510800", "510824", "510726", "321000"], "en")
    assert names == {
        "510800": "Guangyuan City",
        "510824": "Cangxi County",
        "510726": "Beichuan Qiang Autonomous County",
        "321000": "Yangzhou City",
    }
    assert views.region_names(store, ["510824"]) == {"510824": "苍溪县"}  # Chinese stays the default
    every = store.query("region_index")
    assert every["name_en"].notna().all() and not every["name_en"].str.contains(CJK).any()


def test_an_older_database_without_the_column_gets_english_names_at_init(reference_db_path, tmp_path):
    from tests.support import published_copy
    from unionbench.initdb import initialise
    from unionbench.store import load_query, migrations, writer

    path = published_copy(reference_db_path, tmp_path)  # what init made
    # as an older database: no English place names, regions loaded without
    with writer(path) as primary, primary.transaction() as cur:
        cur.execute("delete from name_translation where kind = 'place'")
        cur.execute("update meta set value = 'regions without English names' where key = 'reference_fingerprint'")
        before_names = min(n for n, name in migrations() if "english" in name) - 1
        cur.execute(load_query("write/record_schema_version"), {"version": str(before_names)})
    with writer(path) as primary:
        initialise(primary)
        assert views.region_names(primary, ["510824"], "en") == {"510824": "Cangxi County"}


def test_the_read_model_names_counties_and_members_in_the_selections_language(store):
    sel = Selection("510800", "suineilu", "2026Q3", lang="en")
    counties = comparison.counties_comparison(store, sel)
    assert sorted(set(counties["region_name"])) == sorted(GUANGYUAN_COUNTIES)
    members = comparison.gaps_to_each_member(store, sel, "org_rate")
    assert set(members["region_name"]) == {"Suining City", "Neijiang City", "Luzhou City"}
    lines = comparison.trend_lines(store, sel, "org_rate")
    assert not lines["region_name"].str.contains(CJK).any()


def test_the_explorer_table_names_places_in_english_for_the_english_download(store):
    catalogue = views.catalogue(store, "en")
    sel = Selection("510800", "suineilu", "2026Q3", lang="en")
    table = explorer.explorer_table(store, sel, ["510800", "510824"], [catalogue["org_rate"]], "2026Q1")
    assert set(table["region_name"]) == {"Guangyuan City", "Cangxi County"}


def briefing_text(briefing) -> str:
    """Every word of a briefing: the title block, paragraphs, bullets, table cells and chart captions."""
    parts = [briefing.title, briefing.subtitle, *(v for pair in briefing.meta for v in pair), briefing.notice or ""]
    for section in briefing.sections:
        parts.append(section.heading)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                parts.append(block.text)
            elif isinstance(block, Bullets):
                parts += [block.title or "", *block.items]
            elif isinstance(block, Table):
                parts += [block.caption or "", *block.columns, *(cell for row in block.rows for cell in row)]
            elif isinstance(block, Chart):
                parts.append(block.caption)
    return "\n".join(parts)


def test_the_english_briefing_names_no_place_in_chinese(store, undrawn_charts):
    text = briefing_text(build_briefing(store, Selection("510800", "suineilu", "2026Q3", lang="en")))
    assert "Guangyuan City" in text and "Cangxi County" in text and "Suining City" in text
    assert not CJK.search(text), [line for line in text.splitlines() if CJK.search(line)][:10]


ANALYSIS_PAGES = ["overview", "map", "gaps", "rankings", "targets", "trends", "explorer", "screen"]


def visible_text(at) -> list[str]:
    """What a person reads on a page under AppTest: headings, text, notes, tables, HTML parts and the choices offered
    (the bilingual language switch aside)."""
    texts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        texts += [str(element.value) for element in at.get(kind)]
    texts += [element.proto.body for element in at.get("html")]
    for frame in [element.value for element in at.dataframe]:
        texts += [str(c) for c in frame.columns]
        texts += [v for column in frame.columns for v in frame[column] if isinstance(v, str)]
    for widget in [*at.selectbox, *at.multiselect, *at.radio]:
        if widget.key != "lang":
            texts += [widget.label, *map(str, widget.options)]
    return texts


@pytest.mark.parametrize("page", ANALYSIS_PAGES)
def test_an_english_page_shows_guangyuan_and_no_chinese_place_name(app_page, page):
    at = app_page(page, lang="en")
    assert not at.exception
    texts = visible_text(at)
    assert any("Guangyuan" in text for text in texts)
    assert not [text for text in texts if CJK.search(text)]


@pytest.mark.parametrize(
    ("name_en", "short"),
    [
        ("Guangyuan City", "Guangyuan"),
        ("Cangxi County", "Cangxi"),
        ("Beijing Municipality", "Beijing"),
        ("Beichuan Qiang Autonomous County", "Beichuan Qiang"),
        ("Hong Kong Special Administrative Region", "Hong Kong"),
        ("City", "City"),
    ],
)
def test_a_short_english_name_drops_the_administrative_suffix(name_en, short):
    assert short_english(name_en) == short
