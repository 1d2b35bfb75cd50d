"""Quarters: the picker offers every quarter the home or any of its counties has figures for, a page opens on the
region's own newest quarter, a partly reported quarter is named with who has reported, and a link's quarter without
figures gets a note."""

import pytest

from tests.ingest_files import csv_bytes
from unionbench.cli import main
from unionbench.read import quarters
from unionbench.read.selection import Selection
from unionbench.store import Replica


@pytest.fixture
def db(writable_db, tmp_path, capsys):
    """The demo database after 剑阁县 sent its 2026Q4 trainings and an admin approved them."""
    path = tmp_path / "剑阁.csv"
    path.write_bytes(csv_bytes(["地区,职工培训,季度", "剑阁县,8,2026Q4"]))
    assert main(["--db", str(writable_db), "ingest", str(path), "--user", "jiange"]) == 0
    assert main(["--db", str(writable_db), "approve", "1", "--user", "demo"]) == 0
    capsys.readouterr()
    return writable_db


def read(db, fn, *args):
    reader = Replica(db)
    try:
        return fn(reader.current(), *args)
    finally:
        reader.close()


def test_the_picker_offers_a_quarter_one_county_has_reported_but_the_city_opens_on_its_own_newest(db):
    city = read(db, quarters.quarters, "510800")
    assert city.periods[:2] == ["2026Q4", "2026Q3"]
    assert city.own[0] == "2026Q3" and city.newest == "2026Q3"
    assert city.partial() == ["2026Q4"]


def test_a_county_opens_on_its_own_newest_quarter(db):
    assert read(db, quarters.quarters, "510823").newest == "2026Q4"
    assert read(db, quarters.quarters, "510824").newest == "2026Q3"


def test_a_partly_reported_quarter_names_who_reported_and_the_citys_quarter_in_both_languages(db):
    [zh] = read(db, quarters.partly_reported, Selection("510800", "suineilu", "2026Q3", lang="zh"))
    assert zh.text("zh") == "2026年第四季度：7 个县区中已报送 1 个（剑阁县），全市数据仍为第三季度"
    [en] = read(db, quarters.partly_reported, Selection("510800", "suineilu", "2026Q3", lang="en"))
    assert en.text("en") == (
        "2026 Q4: 1 of 7 counties have reported (Jiange County); the city's figures are still for Q3"
    )
    assert en.reported == {"510823": "Jiange County"}


def test_a_fully_reported_city_has_nothing_partly_reported(store):
    assert quarters.partly_reported(store, Selection("510800", "suineilu", "2026Q3")) == []
    assert quarters.quarters(store, "510800").newest == "2026Q3"


def test_the_citys_quarter_is_named_with_its_year_when_the_years_differ():
    partly = quarters.PartlyReported("2027Q1", {"510823": "剑阁县"}, 7, "2026Q4")
    assert partly.text("zh") == "2027年第一季度：7 个县区中已报送 1 个（剑阁县），全市数据仍为2026年第四季度"


def test_a_link_asking_for_a_quarter_without_figures_gets_a_note_and_an_unreadable_one_is_not_echoed():
    assert quarters.period_note("2030Q1", "2026Q3", "zh") == "链接所指的2030年第一季度没有数据，显示的是2026年第三季度"
    assert quarters.period_note("2030Q1", "2026Q3", "en") == (
        "The link asked for 2030 Q1, which has no figures; 2026 Q3 is shown"
    )
    assert "<script>" not in quarters.period_note("<script>", "2026Q3", "en")
    assert quarters.period_note("2026Q3", "2026Q3", "zh") == ""
    assert quarters.period_note(None, "2026Q3", "zh") == ""


def test_the_explorer_opens_on_four_quarters_up_to_the_citys_own_even_with_a_newer_one_partly_reported(db, monkeypatch):
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from tests.support import ROOT

    monkeypatch.setenv("UNIONBENCH_DB", str(db))
    monkeypatch.chdir(ROOT)
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page("app_pages/explorer.py")
    at.run()
    assert not at.exception
    assert at.select_slider(key="explorer_periods").options[-1] == "2026年第四季度"  # Jiange's quarter is offered
    assert at.select_slider(key="explorer_periods").value == ("2025Q4", "2026Q3")
    st.cache_data.clear()
