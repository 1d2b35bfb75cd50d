"""Everything ingest can say about a file, in Chinese and English, each naming row, column, value and reason."""

from collections import Counter
from dataclasses import dataclass, field

ERROR, WARNING = "error", "warning"

# code → (Chinese, English). Placeholders are filled from Problem.details.
MESSAGES: dict[str, tuple[str, str]] = {
    "empty_file": ("文件是空的。", "The file is empty."),
    "no_data_rows": ("表格只有表头，没有数据行。", "The table has a header but no data rows."),
    "no_figures": (
        "文件中没有任何数值：请填入数字后再上传。",
        "The file holds no figures: fill in the numbers before uploading.",
    ),
    "not_a_table": (
        "无法识别为数据表：{detail}",
        "This is not a table we can read: {detail}",
    ),
    "xls_unsupported": (
        "不支持旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 或 CSV 后再上传。",
        "Old .xls files are not supported: save as .xlsx or CSV in Excel and upload that.",
    ),
    "undecodable": (
        "无法识别文件编码（已尝试 UTF-8、GB18030 等）。请在 Excel 中另存为“CSV UTF-8”或 .xlsx。",
        "Cannot tell the text encoding (tried UTF-8, GB18030 and others). Save as 'CSV UTF-8' or .xlsx in Excel.",
    ),
    "no_header": (
        "前 {rows} 行中找不到表头：需要一列地区（如“地区”“区县”）以及指标列，或“指标”和“数值”两列。",
        "No header in the first {rows} rows: expected a region column (e.g. 地区, region) and indicator columns, "
        "or an indicator column and a value column.",
    ),
    # checking
    "not_finite": (
        "“{value}”不是有限的数值（过大、无穷或非数字），无法存储。",
        "'{value}' is not a finite number (too large, infinite or not a number) and cannot be stored.",
    ),
    "too_large": (
        "数值“{value}”大得不合理（绝对值超过 {limit}），请核对单位和位数。",
        "The value '{value}' is implausibly large (more than {limit} in absolute value): check the unit and digits.",
    ),
    "fractional_count": (
        "{indicator}是计数，必须是整数，不能是“{value}”。",
        "{indicator} is a count and must be a whole number, not '{value}'.",
    ),
    "period_contradicts_choice": (
        "文件中的季度 {file_period} 与上传时选择的季度 {chosen} 不一致，文件未导入：请核对文件，或选择 {file_period}。",
        "The file says {file_period} but the quarter chosen for the upload is {chosen}; the file was not imported: "
        "check the file, or choose {file_period}.",
    ),
    "city_disagrees_with_counties": (
        "{region}填报的{indicator} {value} 与其全部县区之和 {expected} 不一致；看板采用{region}自己填报的数值。",
        "{region} reports {indicator} as {value} but its counties sum to {expected}; the dashboard uses the "
        "figure {region} reported itself.",
    ),
    "city_far_from_counties": (
        "{region}填报的{indicator} {value} 与其全部县区之和 {expected} 相差过大，需确认后才能导入"
        "（命令行加 --accept-warnings，网页上勾选确认）。",
        "{region} reports {indicator} as {value} but its counties sum to {expected}, too far apart to import "
        "without a yes (--accept-warnings on the command line, the confirmation box on the page).",
    ),
    "level_not_reported": (
        "“{region}”不是市或县区：联合会只按市、县区报送，此行需确认后才能导入"
        "（命令行加 --accept-warnings，网页上勾选确认）。",
        "'{region}' is neither a city nor a county, the levels figures are reported for: this row needs a yes "
        "before it is imported (--accept-warnings on the command line, the confirmation box on the page).",
    ),
    "difference_disagrees_with_parts": (
        "填报的{indicator} {value} 与其组成项算出的 {derived} 不一致；看板按组成项计算。",
        "The reported {indicator} {value} differs from {derived} computed from its parts; the dashboard uses the "
        "parts.",
    ),
    "unknown_region": ("找不到地区“{value}”。{hint}", "Unknown region '{value}'. {hint}"),
    "ambiguous_region": (
        "地区“{value}”有多个同名：{candidates}。请写全称或行政区划代码。",
        "Region '{value}' is ambiguous: {candidates}. Write the full name or the administrative code.",
    ),
    "region_code_name_mismatch": (
        "代码 {code} 是“{code_name}”，与名称“{value}”不符。",
        "Code {code} is '{code_name}', which does not match the name '{value}'.",
    ),
    "unknown_indicator": ("找不到指标“{value}”。{hint}", "Unknown indicator '{value}'. {hint}"),
    "not_a_number": ("“{value}”不是数字。", "'{value}' is not a number."),
    "negative": ("{indicator}不能为负数。", "{indicator} cannot be negative."),
    "rate_out_of_range": ("比率 {value} 超出 0–100% 范围。", "The rate {value} is outside 0–100 %."),
    "rate_ambiguous": (
        "比率“{value}”含义不明：同一列其他数值按百分数填写，此格可能是 {as_percent}% 也可能是 {value}%。请写明“%”。",
        "The rate '{value}' is ambiguous: other cells in this column are percentages, so it could mean "
        "{as_percent} % or {value} %. Write it with a % sign.",
    ),
    "rule_broken": (
        "{rule}{left}（{left_value}）{op}{right}（{right_value}）。",
        "{rule} {left} ({left_value}) {op} {right} ({right_value}).",
    ),
    "numerator_above_denominator": (
        "{numerator}（{num_value}）大于{denominator}（{den_value}）。",
        "{numerator} ({num_value}) is larger than {denominator} ({den_value}).",
    ),
    "missing_period": (
        "没有季度：请在文件中加一列“季度”，或在上传时选择季度（命令行 --period 2025Q3）。",
        "No quarter: add a 'period' column to the file, or choose the quarter when uploading (--period 2025Q3).",
    ),
    "bad_period": (
        "无法识别季度“{value}”。可用格式：2025Q3、2025-Q3、2025 Q3、2025年第三季度、2025年3季度。",
        "Cannot read the quarter '{value}'. Accepted: 2025Q3, 2025-Q3, 2025 Q3, 2025年第三季度, 2025年3季度.",
    ),
    "future_period": (
        "季度 {value} 尚未到来（当前为 {today}）。",
        "The quarter {value} is in the future (now {today}).",
    ),
    "early_period": ("季度 {value} 早于 2000 年。", "The quarter {value} is before 2000."),
    "conflicting_duplicate": (
        "与第 {other_row} 行重复（同一地区、指标、季度），但数值不同：{other_value} 与 {value}。",
        "Duplicates row {other_row} (same region, indicator and quarter) with a different value: "
        "{other_value} vs {value}.",
    ),
    "unit_mismatch": (
        "单位“{unit}”与指标{indicator}的单位“{expected}”不符，且无法换算。",
        "The unit '{unit}' does not match {indicator}'s unit '{expected}' and cannot be converted.",
    ),
    "missing_value": ("缺少数值。", "The value is missing."),
    # warnings
    "identical_duplicate": (
        "与第 {other_row} 行完全重复，只计一次。",
        "Repeats row {other_row} exactly; counted once.",
    ),
    "jump_from_previous": (
        "较上季度（{previous}）变化超过 3 倍，请核对。",
        "More than 3× away from the previous quarter ({previous}); please check.",
    ),
    "total_mismatch": (
        "合计行 {value} 与上方各行之和 {expected} 不一致（合计行不导入）。",
        "The total row says {value} but the rows above sum to {expected} (total rows are not imported).",
    ),
    "county_missing": (
        "{county}上季度（{previous_period}）有报送，本次 {period} 没有。",
        "{county} reported last quarter ({previous_period}) but is missing for {period}.",
    ),
    "rate_disagrees_with_parts": (
        "填报的{indicator} {value}% 与其分子分母算出的 {derived}% 不一致；看板按分子分母计算。",
        "The reported {indicator} {value} % differs from {derived} % computed from its parts; the dashboard uses "
        "the parts.",
    ),
    "period_from_title": (
        "文件没有季度列，按标题行取季度 {value}。",
        "No quarter column: the quarter {value} was taken from the title row.",
    ),
    "template_row_blank": (
        "模板中“{indicator}”这一行未填写，本次不导入该项。",
        "The template row '{indicator}' was left blank; nothing is imported for it.",
    ),
    "extra_sheets": (
        "只读取了第一个工作表“{sheet}”，其他工作表未读取：{others}。",
        "Only the first sheet '{sheet}' was read; other sheets were ignored: {others}.",
    ),
    # reading limits and cell traps
    "file_too_large": (
        "文件大小 {size}，超过上限 {limit}（季度报表远小于此）。请只保留填报表后再上传。",
        "The file is {size}, above the limit of {limit} (a quarterly return is far smaller). Keep only the "
        "return's table and upload that.",
    ),
    "archive_too_large": (
        "工作簿解压后过大：{part} 解压后 {size}（压缩时 {packed}，压缩比 {ratio}:1），上限 {limit}。"
        "文件不是正常的季度报表，未读取。",
        "The workbook inflates too far: {part} is {size} uncompressed ({packed} packed, ratio {ratio}:1), above the "
        "limit of {limit}. This is no ordinary quarterly return; it was not read.",
    ),
    "archive_too_many_parts": (
        "工作簿包含 {count} 个内部文件，超过上限 {limit}，未读取。",
        "The workbook holds {count} internal parts, above the limit of {limit}; it was not read.",
    ),
    "sheet_too_large": (
        "工作表“{sheet}”声明的范围 {ref} 有 {rows} 行、{columns} 列，超过上限 {max_rows} 行、{max_columns} 列。"
        "请删除表格以外的行和列（包括只设置了格式的空行空列）后再上传。",
        "The sheet '{sheet}' declares the range {ref}: {rows} rows and {columns} columns, above the limits of "
        "{max_rows} rows and {max_columns} columns. Delete the rows and columns outside the table (formatted empty "
        "ones too) and upload again.",
    ),
    "too_many_rows": (
        "行数超过上限 {limit}（读到此行时停止，未继续读取）。一个季度的报表不会有这么多行：请检查文件。",
        "More than {limit} rows (reading stopped here). A quarterly return has far fewer: please check the file.",
    ),
    "too_many_columns": (
        "第 {number} 列有内容，超过 {limit} 列的上限：指标列应在前 {limit} 列之内。请删除或移动此列。",
        "Column {number} holds something, beyond the limit of {limit} columns: indicator columns belong within the "
        "first {limit}. Delete or move this column.",
    ),
    "too_many_cells": (
        "有内容的单元格超过上限 {limit} 个（读到此行时停止）。请检查文件。",
        "More than {limit} filled cells (reading stopped at this row). Please check the file.",
    ),
    "too_many_merges": (
        "工作表“{sheet}”有超过 {limit} 个合并单元格区域，未读取。请取消合并后再上传。",
        "The sheet '{sheet}' has more than {limit} merged ranges; it was not read. Unmerge them and upload again.",
    ),
    "bom_mismatch": (
        "文件开头的编码标记（BOM）表明是 {encoding}，但此处的字节 {bytes}（第 {char} 个字符）不是 {encoding}："
        "文件混用了其他编码（如 GB18030）。请在 Excel 中另存为“CSV UTF-8”或 .xlsx 后再上传。",
        "The file starts with a {encoding} byte-order mark, but the bytes {bytes} here (character {char}) are not "
        "{encoding}: the file mixes in another encoding (such as GB18030). Save it as 'CSV UTF-8' or .xlsx in "
        "Excel and upload that.",
    ),
    "truncated_text": (
        "文件在一个字符的中间结束（{encoding} 文件的字节数应为偶数）：文件可能不完整，请重新导出后再上传。",
        "The file ends in the middle of a character ({encoding} files have an even number of bytes): it is "
        "probably incomplete. Export it again and upload that.",
    ),
    "merged_value": (
        "合并单元格 {range} 把一个数值铺到了 {cells} 个单元格上，无法知道每个地区或指标各自的数值。请取消合并，"
        "每格分别填写。",
        "The merged range {range} spreads one figure over {cells} cells, so there is no telling each region's or "
        "indicator's own figure. Unmerge it and fill in each cell.",
    ),
    "formula_without_value": (
        "公式“{value}”没有保存计算结果（文件可能由程序生成、未在 Excel 中保存过）。请在 Excel 中打开并保存，"
        "或复制后“粘贴为数值”。",
        "The formula '{value}' has no saved result (the file was probably written by a program and never saved in "
        "Excel). Open and save it in Excel, or paste the values.",
    ),
    "cell_error": (
        "单元格是错误值“{value}”{formula}：请修正公式或填入数值。",
        "The cell holds the error '{value}'{formula}: fix the formula or type the figure.",
    ),
    "hidden_row": (
        "第 {row} 行在 Excel 中被隐藏，但仍会导入：请确认这一行的数据应当上报。",
        "Row {row} is hidden in Excel but is still imported: make sure its figures are meant to be reported.",
    ),
    "hidden_column": (
        "列 {column} 在 Excel 中被隐藏，但仍会导入：请确认这一列的数据应当上报。",
        "Column {column} is hidden in Excel but is still imported: make sure its figures are meant to be reported.",
    ),
    # a reporter sends only its own region's figures
    "other_region": (
        "“{value}”不是本账号负责的地区（{own}）：报送账号只能报送本地区的数据，整个文件未导入。",
        "'{value}' is not this account's region ({own}): a reporter may send only its own region's figures; "
        "the whole file was not imported.",
    ),
    "problems_not_listed": (
        "另有 {count} 个同类问题（{kind}）未逐条列出。",
        "{count} more problems of the same kind ({kind}) are not listed.",
    ),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong (error) or worth a look (warning), located in the file."""

    code: str
    row: int | None = None  # the row number as the spreadsheet shows it
    column: str | None = None  # the column's header text (and letter)
    value: str | None = None  # the cell as written
    details: dict = field(default_factory=dict)
    severity: str = ERROR

    def message(self, lang: str) -> str:
        zh, en = MESSAGES[self.code]
        pick = 0 if lang == "zh" else 1
        params = {"value": self.value}
        params.update({key: value[pick] if isinstance(value, tuple) else value for key, value in self.details.items()})
        return (zh if lang == "zh" else en).format(**params)

    def as_row(self) -> dict:
        return {
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "severity": self.severity,
            "reason_zh": self.message("zh"),
            "reason_en": self.message("en"),
        }


def warning(code: str, **kwargs) -> Problem:
    return Problem(code, severity=WARNING, **kwargs)


class FileRejected(Exception):
    """Raised where reading cannot go on at all (empty, not a table); carries the one problem."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message("en"))
        self.problem = problem


# A problem list is read by a person: past this many, more lines only hide the first ones (files that
# printed 509,998 warnings were seen). Every layer caps its list through cap_problems.
PROBLEM_LIST_LIMIT = 200


class CappedProblems:
    """Collects problems, keeping the first `limit` and only counting the rest, per kind (code and severity)."""

    def __init__(self, limit: int = PROBLEM_LIST_LIMIT):
        self.limit = limit
        self.kept: list[Problem] = []
        self.left_out: Counter = Counter()

    def add(self, problem: Problem) -> None:
        if problem.code == "problems_not_listed":  # a summary from an earlier cap: fold its count back in
            self.left_out[(problem.details["kind"], problem.severity)] += problem.details["count"]
        elif len(self.kept) < self.limit:
            self.kept.append(problem)
        else:
            self.left_out[(problem.code, problem.severity)] += 1

    def extend(self, problems) -> None:
        for problem in problems:
            self.add(problem)

    def problems(self) -> list[Problem]:
        summaries = [
            Problem("problems_not_listed", details={"count": count, "kind": code}, severity=severity)
            for (code, severity), count in sorted(self.left_out.items())
        ]
        return self.kept + summaries


def cap_problems(problems, limit: int = PROBLEM_LIST_LIMIT) -> list[Problem]:
    """The first `limit` problems, then one line per kind saying how many more of it were left out."""
    capped = CappedProblems(limit)
    capped.extend(problems)
    return capped.problems()
