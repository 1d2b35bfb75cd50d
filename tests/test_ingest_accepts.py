"""Messy but valid files, as Excel on Chinese Windows writes them, land with exactly the intended values; corrections
add versions, reverts keep history, the same file twice changes nothing."""

import datetime as dt

import pytest

from tests.ingest_files import csv_bytes, current, xlsx_bytes
from unionbench.cli import main
from unionbench.ingest import Upload, commit_file

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def db(writable_db):
    return writable_db


def commit(db, name: str, data: bytes, period: str | None = None):
    outcome = commit_file(db, Upload(data, name, period, TODAY), "测试员")
    assert outcome.prepared.ok, outcome.prepared.problem_table().to_string()
    return outcome


def test_a_gb18030_wide_file_with_short_names_full_width_digits_title_and_total_row(db):
    lines = [
        "2026年第三季度广元市工会工作指标统计表,,,",
        "地区,户外劳动者服务站点（个）,托育补助资金（万元）,工会组建率（%）",
        "利州,１１２,１２.５,９１.２％",
        "昭化,３５,３,80.1",
        "合计,147,15.5,",
    ]
    outcome = commit(db, "广元.csv", csv_bytes(lines, encoding="gb18030", newline="\r\n"))
    assert outcome.prepared.encoding == "gb18030" and outcome.prepared.layout == "wide"
    assert current(db, "510802", "outdoor_stations", "2026Q3") == 112
    assert current(db, "510802", "childcare_subsidy", "2026Q3") == 12.5
    assert current(db, "510802", "org_rate", "2026Q3") == 91.2
    assert current(db, "510811", "outdoor_stations", "2026Q3") == 35
    assert not [w for w in outcome.prepared.warnings if w.code == "total_mismatch"]


def test_an_xlsx_with_a_merged_title_a_units_row_percent_cells_and_a_total_row(db):
    rows = [
        ["2026年第二季度县区工会指标", None, None, None],
        ["县区", "户外劳动者服务站点", "争取财政资金", "职工入会率"],
        [None, "个", "万元", "%"],
        ["苍溪县", 71, 30.25, 0.952],
        ["剑阁县", 101, 20, 0.9],
        ["合计", 170, 50.25, None],
    ]
    data = xlsx_bytes(rows, merged=["A1:D1"], percent_cells=["D4", "D5"])
    outcome = commit(db, "县区.xlsx", data)
    assert current(db, "510824", "outdoor_stations", "2026Q2") == 71
    assert current(db, "510824", "funds_government", "2026Q2") == 30.25
    assert current(db, "510824", "membership_rate", "2026Q2") == pytest.approx(95.2)
    assert current(db, "510823", "membership_rate", "2026Q2") == pytest.approx(90.0)
    mismatch = [w for w in outcome.prepared.warnings if w.code == "total_mismatch"]
    assert len(mismatch) == 1 and mismatch[0].row == 6  # 170 ≠ 71 + 101: warned, not imported


def test_a_utf8_bom_long_file_with_ids_english_names_and_units(db):
    lines = [
        "region,indicator,period,value,unit",
        "510824,trainings,2026Q3,7,场",
        "苍溪县,Funds from government budgets,2026Q3,25.5,10k yuan",
        "苍溪县,户外劳动者服务站点,2026Q3,72,个",
    ]
    commit(db, "long.csv", csv_bytes(lines, bom=True))
    assert current(db, "510824", "trainings", "2026Q3") == 7
    assert current(db, "510824", "funds_government", "2026Q3") == 25.5
    assert current(db, "510824", "outdoor_stations", "2026Q3") == 72


def test_crlf_line_endings_and_yuan_converted_to_wan_yuan(db):
    lines = ["地区,托育补助资金(元),争取协作资金(元),季度", '青川县,"9,000","1,234,500",2026Q3']
    commit(db, "yuan.csv", csv_bytes(lines, newline="\r\n"))
    assert current(db, "510822", "childcare_subsidy", "2026Q3") == pytest.approx(0.9)
    assert current(db, "510822", "funds_partner", "2026Q3") == pytest.approx(123.45)


def test_every_quarter_format_staff_write_is_understood(db):
    lines = [
        "地区,指标,季度,数值",
        "旺苍县,职工培训,2025Q1,1",
        "旺苍县,职工培训,2025-Q2,2",
        "旺苍县,职工培训,2025 Q3,3",
        "旺苍县,职工培训,2024年第四季度,4",
        "旺苍县,职工培训,2024年3季度,5",
        "旺苍县,职工培训,2024年Q2,6",
    ]
    commit(db, "periods.csv", csv_bytes(lines))
    expected = {"2025Q1": 1, "2025Q2": 2, "2025Q3": 3, "2024Q4": 4, "2024Q3": 5, "2024Q2": 6}
    assert {p: current(db, "510821", "trainings", p) for p in expected} == expected


def test_a_utf16_tab_separated_unicode_text_export(db):
    data = "地区\t职工培训\t季度\r\n朝天区\t4\t2026Q3\r\n".encode("utf-16")
    commit(db, "unicode.txt", data)
    assert current(db, "510812", "trainings", "2026Q3") == 4


def test_rates_written_as_fractions_are_read_as_percentages(db):
    lines = ["地区,工会组建率,职工入会率,季度", "利州区,0.852,0.9,2026Q3", "昭化区,0.8,1,2026Q3"]
    commit(db, "fractions.csv", csv_bytes(lines))
    assert current(db, "510802", "org_rate", "2026Q3") == pytest.approx(85.2)
    assert current(db, "510811", "membership_rate", "2026Q3") == pytest.approx(100.0)


def test_thousands_separators_spaces_and_enterprise_units(db):
    lines = [
        "地区,职工人数(人),会员人数(名),已建会企业(家),应建会企业(家),季度",
        '苍溪县,"88,700",84 200," 2,110 ",2950,2026Q3',
    ]
    commit(db, "people.csv", csv_bytes(lines))
    assert current(db, "510824", "workers", "2026Q3") == 88700
    assert current(db, "510824", "members", "2026Q3") == 84200
    assert current(db, "510824", "unions_established", "2026Q3") == 2110


def test_codes_and_names_together_and_an_ambiguous_name_settled_by_the_other_rows(db):
    lines = ["地区,职工培训,季度", "南关区,3,2026Q3", "宽城区,2,2026Q3", "朝阳区,5,2026Q3"]  # 长春's districts
    commit(db, "changchun.csv", csv_bytes(lines))
    assert current(db, "220104", "trainings", "2026Q3") == 5  # 长春 朝阳区, not 北京's
    assert current(db, "110105", "trainings", "2026Q3") is None
    commit(db, "coded.csv", csv_bytes(["代码,地区,职工培训,季度", "510824,苍溪,9,2026Q3"]))
    assert current(db, "510824", "trainings", "2026Q3") == 9


def test_a_quarter_chosen_at_upload_fills_a_file_without_one(db):
    commit(db, "noperiod.csv", csv_bytes(["地区,职工培训", "青川县,6"]), period="2026Q2")
    assert current(db, "510822", "trainings", "2026Q2") == 6


def test_blank_and_dash_cells_mean_no_figure_and_footers_are_skipped(db):
    lines = [
        "地区,职工培训,争取协作资金,季度",
        "利州区,—,12,2026Q3",
        "",
        "昭化区,,3,2026Q3",
        "填表人：张三  联系电话：0839-1234567,,,",
    ]
    before = current(db, "510802", "trainings", "2026Q3")
    commit(db, "blanks.csv", csv_bytes(lines))
    assert current(db, "510802", "trainings", "2026Q3") == before
    assert current(db, "510811", "funds_partner", "2026Q3") == 3


def test_a_correction_adds_a_version_and_the_history_shows_what_it_was(db, capsys):
    commit(db, "v1.csv", csv_bytes(["地区,职工培训,季度", "青川县,6,2026Q3"]))
    commit(db, "v2.csv", csv_bytes(["地区,职工培训,季度", "青川县,8,2026Q3"]))
    assert current(db, "510822", "trainings", "2026Q3") == 8
    assert main(["--db", str(db), "history", "青川", "trainings", "2026Q3"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.strip().splitlines()[1:]]
    *_, older, newest = rows  # version, value, previous, upload, status, current, user, created_at, file
    assert (older[1], newest[1], newest[2]) == ("6", "8", "6")
    assert newest[5] == "yes" and older[5] == "" and newest[6] == "测试员" and newest[8] == "v2.csv"


def test_revert_brings_back_the_earlier_figure_and_keeps_the_history(db, capsys):
    before = current(db, "510822", "trainings", "2026Q3")
    upload = commit(db, "fix.csv", csv_bytes(["地区,职工培训,季度", "青川县,99,2026Q3"])).result.upload_id
    assert current(db, "510822", "trainings", "2026Q3") == 99
    assert main(["--db", str(db), "revert", str(upload), "--user", "demo"]) == 0
    assert current(db, "510822", "trainings", "2026Q3") == before
    main(["--db", str(db), "history", "510822", "职工培训", "2026年第三季度"])
    assert "99\t" in capsys.readouterr().out  # the reverted version is still on record


def test_importing_the_same_file_again_changes_nothing_and_names_the_upload(db, tmp_path, capsys):
    path = tmp_path / "same.csv"
    path.write_bytes(csv_bytes(["地区,职工培训,季度", "青川县,6,2026Q3"]))
    assert main(["--db", str(db), "ingest", str(path), "--user", "demo"]) == 0
    first = capsys.readouterr().out
    upload = first.split("upload #")[1].split()[0]
    assert main(["--db", str(db), "ingest", str(path), "--user", "demo"]) == 0
    assert f"already imported as upload #{upload}" in capsys.readouterr().out


def test_the_original_file_is_archived_beside_the_database(db):
    data = csv_bytes(["地区,职工培训,季度", "青川县,6,2026Q3"])
    outcome = commit(db, "archived.csv", data)
    archived = db.parent / "db.archive" / f"{outcome.prepared.sha256}.csv"
    assert archived.read_bytes() == data
