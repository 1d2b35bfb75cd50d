"""A federation's own targets: a targets file (CSV in GB18030 or UTF-8, or XLSX; Chinese headers, short names) is
checked row by row, stored all or nothing by an admin, audited, exported and read back; the prefilled template
lists the home city and its counties × the active indicators and comes back through the same import."""

import io
import os

import openpyxl
import pandas as pd
import pytest

from unionbench import cli
from unionbench.audit import audit_entries
from unionbench.ingest import limits
from unionbench.permissions import PermissionRefused
from unionbench.store import Replica
from unionbench.target_import import (
    TargetsRejected,
    TypedTarget,
    check_targets,
    export_frame,
    import_targets,
    save_target,
)
from unionbench.target_template import active_indicators, template_rows, template_xlsx

HEADER = "地区,指标,年度,目标值\n"


def read(db):
    reader = Replica(db)
    try:
        store = reader.current()
        return export_frame(store), store.data_version()
    finally:
        reader.close()


def test_a_gb18030_csv_with_chinese_headers_and_short_names_is_stored_and_audited(writable_db):
    data = (HEADER + "苍溪,户外劳动者服务站点,2027,120\n旺苍县,职工入会率,2027,85%\n510822,funds_government,2027,"
            "\"1,200.5\"\n").encode("gb18030")  # fmt: skip
    checked = import_targets(writable_db, data, "目标.csv", "demo")
    assert (checked.count("added"), checked.count("changed")) == (3, 0)
    stored = read(writable_db)[0].query("year == 2027").set_index(["region_code", "indicator"])["target"]
    assert stored.to_dict() == {
        ("510821", "membership_rate"): "85",
        ("510822", "funds_government"): "1200.5",
        ("510824", "outdoor_stations"): "120",
    }
    entry = audit_entries(writable_db).iloc[0]
    assert (entry.user_name, entry.action, entry.target) == ("demo", "targets", "目标.csv")
    assert "added 3, changed 0" in entry.detail


def test_a_changed_target_is_counted_as_changed_and_loading_it_again_writes_nothing(writable_db):
    data = (HEADER + "青川县,户外劳动者服务站点,2026,99\n").encode("utf-8")
    assert import_targets(writable_db, data, "a.csv", "demo").count("changed") == 1
    version = read(writable_db)[1]
    again = import_targets(writable_db, data, "a.csv", "demo")
    assert again.count("unchanged") == 1 and read(writable_db)[1] == version


def test_an_xlsx_targets_file_is_read_like_a_csv(writable_db):
    book = openpyxl.Workbook()
    book.active.append(["行政区划代码", "地区名称", "指标名称", "年份", "年度目标任务"])
    book.active.append(["510824", "苍溪县", "Outdoor worker service stations", 2027, 130])
    buffer = io.BytesIO()
    book.save(buffer)
    checked = import_targets(writable_db, buffer.getvalue(), "目标.xlsx", "demo")
    assert checked.count("added") == 1
    assert read(writable_db)[0].query("year == 2027").target.tolist() == ["130"]


HOSTILE = {
    "unknown_region": ("火星县,户外劳动者服务站点,2027,5", "A · 地区", "火星县"),
    "unknown_indicator": ("苍溪,职工书屋,2027,5", "B · 指标", "职工书屋"),
    "negative": ("苍溪,户外劳动者服务站点,2027,-3", "D · 目标值", "-3"),
    "infinite": ("苍溪,户外劳动者服务站点,2027,inf", "D · 目标值", "inf"),
    "not_a_number": ("苍溪,户外劳动者服务站点,2027,NaN", "D · 目标值", "NaN"),
    "rate_over_100": ("苍溪,工会组建率,2027,101", "D · 目标值", "101"),
    "year_too_early": ("苍溪,户外劳动者服务站点,1850,5", "C · 年度", "1850"),
    "year_not_a_year": ("苍溪,户外劳动者服务站点,明年,5", "C · 年度", "明年"),
    "text_target": ("苍溪,户外劳动者服务站点,2027,很多", "D · 目标值", "很多"),
    "half_a_station": ("苍溪,户外劳动者服务站点,2027,2.5", "D · 目标值", "2.5"),
    "duplicate": ("苍溪县,户外劳动者服务站点,2027,5\n510824,outdoor_stations,2027,6", "A · 地区", "510824"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_row_is_refused_by_row_column_and_value_and_nothing_is_written(writable_db, case):
    rows, column, value = HOSTILE[case]
    data = (HEADER + "旺苍,户外劳动者服务站点,2027,10\n" + rows + "\n").encode("gb18030")
    before = read(writable_db)
    with pytest.raises(TargetsRejected) as refused:
        import_targets(writable_db, data, "bad.csv", "demo")
    [found] = refused.value.problems
    last_row = 2 + rows.count("\n") + 1
    assert (found.row, found.column, found.value) == (last_row, column, value)
    assert found.zh and found.en and found.zh != found.en
    after = read(writable_db)
    assert after[0].equals(before[0]) and after[1] == before[1]


def test_a_file_over_50_mb_is_refused_before_it_is_read(writable_db, tmp_path):
    big = tmp_path / "big.csv"
    with open(big, "wb") as handle:
        handle.write(HEADER.encode())
        handle.truncate(limits.MAX_FILE_BYTES + 1)
    assert cli.main(["--db", str(writable_db), "targets", "import", str(big), "--user", "demo"]) == 1
    checked = check_targets(Replica(writable_db).current(), b"x" * (limits.MAX_FILE_BYTES + 1), "big.csv")
    assert "50" in checked.problems[0].zh and not checked.ok


def test_a_reporter_may_not_import_targets(writable_db, tmp_path, capsys):
    data = (HEADER + "苍溪,户外劳动者服务站点,2027,120\n").encode()
    with pytest.raises(PermissionRefused):
        import_targets(writable_db, data, "a.csv", "cangxi")
    with pytest.raises(PermissionRefused):
        save_target(writable_db, TypedTarget("510824", "outdoor_stations", 2027, "5"), "cangxi")
    path = tmp_path / "a.csv"
    path.write_bytes(data)
    assert cli.main(["--db", str(writable_db), "targets", "import", str(path), "--user", "cangxi"]) == 1
    assert "无权" in capsys.readouterr().err
    assert read(writable_db)[0].query("year == 2027").empty
    refusal = audit_entries(writable_db).iloc[0]
    assert (refusal.user_name, refusal.action, refusal.target) == ("cangxi", "refused", "targets")


def test_one_target_from_the_form_goes_through_the_same_checks(writable_db):
    with pytest.raises(TargetsRejected) as refused:
        save_target(writable_db, TypedTarget("510824", "org_rate", 2027, "120"), "demo")
    assert "100" in refused.value.problems[0].en
    assert save_target(writable_db, TypedTarget("苍溪", "org_rate", 2027, "82.5%"), "demo").count("added") == 1


def test_exported_targets_import_again_unchanged_and_export_the_same(writable_db, tmp_path, capsys):
    out = tmp_path / "targets.csv"
    assert cli.main(["--db", str(writable_db), "targets", "export", "--out", str(out)]) == 0
    exported = pd.read_csv(out, dtype=str)
    assert list(exported.columns) == ["region_code", "region_name", "indicator", "year", "target"]
    assert cli.main(["--db", str(writable_db), "targets", "import", str(out), "--user", "demo"]) == 0
    assert f"未变 unchanged {len(exported)}" in capsys.readouterr().out
    assert cli.main(["--db", str(writable_db), "targets", "export", "--year", "2026"]) == 0
    year_2026 = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype=str)
    assert year_2026.equals(exported.query("year == '2026'").reset_index(drop=True))


def test_a_dry_run_writes_nothing(writable_db, tmp_path, capsys):
    path = tmp_path / "a.csv"
    path.write_bytes((HEADER + "苍溪,户外劳动者服务站点,2027,120\n").encode())
    before = read(writable_db)
    assert cli.main(["--db", str(writable_db), "targets", "import", str(path), "--dry-run", "--user", "demo"]) == 0
    assert "新增 added 1" in capsys.readouterr().out
    assert read(writable_db)[1] == before[1]


def test_the_template_lists_the_home_and_its_counties_by_active_indicator_and_reads_back(store):
    rows = template_rows(store, "510800", 2026)
    counties = store.query("child_regions", parent="510800")
    assert len(rows) == (1 + len(counties)) * len(active_indicators(store))
    assert rows.reference.notna().any() and rows.target.notna().any()  # 2025's beside 2026's
    workbook = template_xlsx(store, "510800", 2026)
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    assert book.sheetnames == ["年度目标", "填报说明"]
    assert [c.value for c in book.active[1]] == ["行政区划代码", "地区", "指标", "单位", "年度",
                                                 "2025年目标（参考，不导入）", "目标值"]  # fmt: skip
    checked = check_targets(store, workbook, "targets.xlsx")
    stored = store.query("targets", regions=list(rows.region_code.unique()), year=2026)
    assert checked.ok and checked.count("unchanged") == len(stored)


def test_the_template_command_writes_next_years_workbook(writable_db, tmp_path):
    out = tmp_path / "t.xlsx"
    assert cli.main(["--db", str(writable_db), "targets", "template", "--year", "2027", "--out", str(out)]) == 0
    assert os.path.getsize(out) > 0
    assert openpyxl.load_workbook(out).active["B2"].value == "广元市"
