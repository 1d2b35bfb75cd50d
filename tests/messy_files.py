"""Two deliberately messy 2,000-row files, the same every time: a long CSV in GB18030 and a long .xlsx. Between them
they hold every kind of cell the table reader sorts rows by: total rows, blank rows, footers, rows longer than the
header, unknown regions and indicators, units in the indicator name and in their own column, full-width digits,
separators and percent signs; in the .xlsx also a title and a header merged over cells, merged labels and a merged
figure in the body, formulas without a saved result, and cells formatted as percentages."""

from tests.ingest_files import xlsx_bytes

REGIONS = ["利州区", "昭化区", "朝天区", "旺苍县", "火星县", "广元市利州区", "青川县", " 剑阁县 "]
INDICATORS = ["职工培训", "会员人数", "托育补助资金(元)", "未知指标", "trainings", "职工人数", "工会组建率"]
QUARTERS = ["2026Q3", "2026年第三季度", "", "2026Q5", "2026-Q2"]
VALUES = ["12", "１２３", "1,234", "85.2%", "36万元", "abc", "", "-", "1e309", "7个", "１２.５", "5", "9", "-3"]
UNITS = ["", "个", "元", "万元", "人", "场"]
ROWS = 2_000


def messy_long_csv() -> bytes:
    lines = ["2026年第三季度广元市工会统计表", "地区,指标,季度,数值,计量单位"]
    for i in range(ROWS):
        if i % 97 == 5:
            lines.append(f"合 计,职工培训,2026Q3,{VALUES[i % len(VALUES)]},")
        elif i % 211 == 7:
            lines.append(",,,,")
        elif i % 331 == 9:
            lines.append("注：本表由各县填报")
        elif i % 401 == 11:
            lines.append("利州区,职工培训,2026Q3,5,场,多出来的一格")
        else:
            cells = [REGIONS[i % 8], INDICATORS[i % 7], QUARTERS[i % 5], VALUES[i % 14], UNITS[i % 6]]
            lines.append(",".join(cells))
    return "\n".join(lines).encode("gb18030")


def messy_long_xlsx() -> bytes:
    rows = [["2026年第三季度广元市工会统计表", None, None, None, None], ["地区", "指标", "季度", "数值", "备注"]]
    values = [5, 7.5, "１２", "x", None, 0.5, "=1/0", "3人", "1,200", 12]
    for i in range(ROWS):
        if i % 89 == 3:
            rows.append(["合计", "职工培训", "2026Q3", "=1/0", None])
        elif i % 199 == 4:
            rows.append([None] * 5)
        elif i % 151 == 6:
            rows.append(["利州区", "职工培训", "2026Q3", 3, "=SUM(1,2)"])
        elif i % 173 == 8:
            rows.append(["=A1", "职工培训", "2026Q3", 3, None])
        else:
            rows.append([REGIONS[i % 8], INDICATORS[i % 7], QUARTERS[i % 5] or None, values[i % 10], None])
    merged = ["A1:E1", "A10:A14", "D20:D21", "A30:A31", "B40:B42"]
    return xlsx_bytes(rows, merged=merged, percent_cells=["D5", "D6", "D7"])
