"""Upload accounts, the upload template and Excel-safe downloads."""

import datetime as dt
import io

import openpyxl
import pandas as pd

from tests.support import catalogue_count
from unionbench.auth import check_user, hash_password, verify_password
from unionbench.export import excel_safe_csv
from unionbench.ingest import prepare
from unionbench.templates import template_files, template_frame, upload_period_choices, validations

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


def test_the_template_lists_every_home_county_and_reported_indicator_with_last_quarters_figure(store):
    frame = template_frame(store, "510800", "2026Q4")
    assert set(frame["地区"]) == COUNTIES and set(frame["季度"]) == {"2026Q4"}
    assert len(frame) == 7 * 17 and frame["数值"].isna().all()  # prefilled rows, the figures left to the clerk
    assert list(frame["地区"].drop_duplicates()) == [
        "利州区",
        "昭化区",
        "朝天区",
        "旺苍县",
        "青川县",
        "剑阁县",
        "苍溪县",
    ]
    assert not frame["指标"].isin(["工会组建率", "职工入会率", "问题整改率"]).any()  # rates derive from their parts
    reference = "上季度数值（2026年第三季度，仅供参考，不导入）"
    last = store.query("values_by_region", regions=["510824"], periods=["2026Q3"]).set_index("indicator").value
    row = frame[(frame["地区"] == "苍溪县") & (frame["指标"] == "户外劳动者服务站点")].iloc[0]
    assert row[reference] == last["outdoor_stations"] and row["单位"] == "个" and row["口径"] == "期末数（季末存量）"
    subsidy = frame[frame["指标"] == "托育补助资金"].iloc[0]
    assert subsidy["单位"] == "万元" and subsidy["口径"] == "本季度发生数"


def test_a_county_reporters_template_holds_only_that_county(store):
    frame = template_frame(store, "510824", "2026Q4")
    assert set(frame["地区"]) == {"苍溪县"} and len(frame) == catalogue_count("reported")


def filled(template: pd.DataFrame) -> pd.DataFrame:
    """The template with last quarter's figure typed into every value cell."""
    frame = template.copy()
    frame[frame.columns[-1]] = frame[frame.columns[-2]]
    return frame


def test_a_filled_in_template_in_either_language_and_format_comes_back_through_ingest_with_no_problems(store):
    for lang in ("zh", "en"):
        files = template_files(store, "510800", "2026Q4", lang)
        frame = filled(pd.read_csv(io.BytesIO(files["csv"]), encoding="utf-8-sig"))
        checked = prepare(frame.to_csv(index=False).encode("gb18030"), "filled.csv", store, today=AFTER_Q4)
        assert checked.ok and not checked.warnings, checked.problem_table(checked.errors + checked.warnings)
        assert len(checked.observations) == 7 * 17
        book = openpyxl.load_workbook(io.BytesIO(files["xlsx"]))
        sheet = book.worksheets[0]
        assert sheet.freeze_panes == "A2"
        for row in range(2, sheet.max_row + 1):
            sheet.cell(row, 7).value = sheet.cell(row, 6).value
        buffer = io.BytesIO()
        book.save(buffer)
        checked = prepare(buffer.getvalue(), "filled.xlsx", store, today=AFTER_Q4)
        assert checked.ok and not checked.warnings, checked.problem_table(checked.errors + checked.warnings)
        assert len(checked.observations) == 7 * 17  # the instructions sheet is passed over, the reference ignored


def test_a_partly_filled_template_imports_what_is_filled_and_names_the_blank_rows(store):
    template = template_frame(store, "510824", "2026Q4")
    template.iloc[:3, -1] = template.iloc[:3, -2]
    checked = prepare(template.to_csv(index=False).encode("utf-8"), "partly.csv", store, today=AFTER_Q4)
    assert checked.ok and len(checked.observations) == 3
    blank = [p for p in checked.warnings if p.code == "template_row_blank"]
    assert [p.row for p in blank] == list(range(5, 19)) and "会员服务基地" not in blank[0].message("zh")


def test_a_long_file_without_the_reference_column_still_refuses_a_blank_value(store):
    content = "地区,指标,季度,数值\n苍溪县,户外劳动者服务站点,2026Q4,\n苍溪县,补助托位,2026Q4,40\n".encode()
    checked = prepare(content, "long.csv", store, today=AFTER_Q4)
    assert [p.code for p in checked.errors] == ["missing_value"]


def test_an_unfilled_template_is_refused_as_holding_no_figures(store):
    checked = prepare(template_files(store, "510800", "2026Q4")["xlsx"], "empty.xlsx", store, today=AFTER_Q4)
    assert [problem.code for problem in checked.errors] == ["no_figures"]


def test_the_excel_template_explains_each_indicators_basis_and_checks_what_is_typed(store):
    book = openpyxl.load_workbook(io.BytesIO(template_files(store, "510800", "2026Q4")["xlsx"]))
    assert book.sheetnames == ["填报", "填报说明"]
    help_rows = {row[0]: row for row in book["填报说明"].iter_rows(values_only=True) if row and row[0]}
    assert help_rows["托育补助资金"][1:4] == ("万元", "本季度发生数", "否：只填本季度发生数，不是年初至今累计")
    assert help_rows["户外劳动者服务站点"][2:4] == ("期末数（季末存量）", "是：截至季末的累计数，不是本季度新增数")
    sheet = book["填报"]
    cells = {sheet.cell(row, 2).value: f"G{row}" for row in range(2, 19)}

    def rule_of(indicator: str):
        [rule] = [r for r in sheet.data_validations.dataValidation if cells[indicator] in str(r.sqref).split()]
        return (rule.type, rule.operator, rule.formula1), rule.prompt

    stations, subsidy = rule_of("户外劳动者服务站点"), rule_of("托育补助资金")
    assert stations == (("whole", "greaterThanOrEqual", "0"), "是：截至季末的累计数，不是本季度新增数")
    assert subsidy == (("decimal", "greaterThanOrEqual", "0"), "否：只填本季度发生数，不是年初至今累计")
    assert rule_of("职工培训")[0] == ("whole", "greaterThanOrEqual", "0")  # a flow counted in whole sessions
    rate = validations("zh")["rate"]
    assert (rate.type, rate.operator, rate.formula1, rate.formula2) == ("decimal", "between", "0", "100")


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
