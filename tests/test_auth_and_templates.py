"""Upload accounts, the upload template and Excel-safe downloads."""

import datetime as dt
import io

import openpyxl
import pandas as pd

from unionbench.auth import check_user, hash_password, verify_password
from unionbench.export import excel_safe_csv
from unionbench.ingest import prepare
from unionbench.templates import template_files, template_frame, upload_period_choices

COUNTIES = {"利州区", "昭化区", "朝天区", "旺苍县", "青川县", "剑阁县", "苍溪县"}
AFTER_Q4 = dt.date(2027, 1, 15)


def test_a_password_verifies_against_its_own_salted_hash_only():
    stored = hash_password("guangyuan-2026", iterations=1000)
    assert stored.startswith("pbkdf2_sha256$1000$")
    assert verify_password("guangyuan-2026", stored)
    assert not verify_password("guangyuan-2025", stored)
    assert hash_password("guangyuan-2026", iterations=1000) != stored  # a new salt each time


def test_a_malformed_or_foreign_hash_never_matches():
    assert not verify_password("x", "x")
    assert not verify_password("x", "md5$1$00$00")
    assert not verify_password("x", "pbkdf2_sha256$many$zz$00")


def test_only_a_configured_user_with_their_password_is_let_in():
    users = {"clerk": hash_password("right-one", iterations=1000)}
    assert check_user(users, " clerk ", "right-one")
    assert not check_user(users, "clerk", "wrong-one")
    assert not check_user(users, "nobody", "right-one")


def test_the_template_lists_the_home_counties_and_only_the_indicators_staff_report(store):
    frame = template_frame(store, "510800", "2026Q4")
    assert set(frame["地区"]) == COUNTIES and set(frame["季度"]) == {"2026Q4"}
    assert "托育补助资金(万元)" in frame.columns and "户外劳动者服务站点(个)" in frame.columns
    assert not any(column.startswith(("工会组建率", "职工入会率")) for column in frame.columns)  # rates derive


def test_a_filled_in_template_in_either_language_and_format_comes_back_through_ingest(store):
    for lang in ("zh", "en"):
        files = template_files(store, "510800", "2026Q4", lang)
        frame = pd.read_csv(io.BytesIO(files["csv"]), encoding="utf-8-sig")
        for column in frame.columns[2:]:
            frame[column] = 5.0
        frame.iloc[:, 2] = 40.0  # stations; every part stays under its whole
        checked = prepare(frame.to_csv(index=False).encode("gb18030"), "filled.csv", store, today=AFTER_Q4)
        assert checked.ok, checked.problem_table()
        assert len(checked.observations) == 7 * (len(frame.columns) - 2)
        book = openpyxl.load_workbook(io.BytesIO(files["xlsx"]))
        assert book.active.freeze_panes == "A2"


def test_an_unfilled_template_is_refused_as_holding_no_figures(store):
    checked = prepare(template_files(store, "510800", "2026Q4")["xlsx"], "empty.xlsx", store, today=AFTER_Q4)
    assert [problem.code for problem in checked.errors] == ["no_figures"]


def test_the_quarter_offered_is_the_one_due_else_the_newest_for_corrections():
    choices, due = upload_period_choices("2026Q2", dt.date(2026, 11, 23))
    assert choices[0] == "2026Q4" and len(choices) == 9 and due == "2026Q3"
    assert upload_period_choices("2026Q4", dt.date(2026, 11, 23))[1] == "2026Q4"
    assert upload_period_choices(None, dt.date(2026, 11, 23))[1] == "2026Q3"


def test_excel_safe_csv_has_a_bom_and_defuses_cells_excel_would_run():
    frame = pd.DataFrame({"region": ['=HYPERLINK("x")', "+1", "苍溪县"], "value": [-3.5, 1.0, 2.0]})
    text = excel_safe_csv(frame)
    assert text.startswith(b"\xef\xbb\xbf")
    lines = text.decode("utf-8-sig").splitlines()
    assert lines[1].startswith("\"'=HYPERLINK") and lines[2] == "'+1,1.0" and lines[3] == "苍溪县,2.0"
    assert lines[1].endswith(",-3.5")  # numbers stay numbers, negative ones included
