"""The quarterly upload template: one row per region and reported indicator, prefilled, with last
quarter's figure beside the cell to fill, an instructions sheet and Excel data validation.

The table is the long layout ingest already reads — 地区, 指标, 单位, 口径, 季度, the reference column, 数值 — so the
file a clerk fills comes back through the same path as any other. The reference column's header says 参考, which
ingest reads as a column to ignore (and as the mark of a prefilled template, whose blank rows are simply not
reported). Rates are not rows: the store computes them from their parts.
"""

import datetime as dt
import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from unionbench.export import excel_safe_csv, plain_decimal
from unionbench.formatting import missing, period_text
from unionbench.i18n import in_language, t
from unionbench.ingest.normalise import current_quarter
from unionbench.names import texts
from unionbench.periods import shift
from unionbench.store import Store

# Each column → the catalogue key of its header (keys written out so a translator's tools find every one).
HEADERS = {"region": "tpl.region", "indicator": "tpl.indicator", "unit": "tpl.unit", "basis": "tpl.basis",
           "period": "tpl.period", "reference": "tpl.reference", "value": "tpl.value"}  # fmt: skip
COLUMNS = list(HEADERS)
BASIS_KEYS = {"stock": "tpl.basis_stock", "flow": "tpl.basis_flow"}  # a stock at quarter end, a flow in the quarter
CUMULATIVE_KEYS = {"stock": "tpl.cumulative_stock", "flow": "tpl.cumulative_flow"}
RULE_KEYS = {"whole": "tpl.rule_whole", "amount": "tpl.rule_amount", "rate": "tpl.rule_rate"}  # what Excel accepts
INVALID_KEYS = {"whole": "tpl.invalid_whole", "amount": "tpl.invalid_amount", "rate": "tpl.invalid_rate"}
HELP_LINES = ("tpl.help_1", "tpl.help_2", "tpl.help_3", "tpl.help_4", "tpl.help_5", "tpl.help_6", "tpl.help_7")
HELP_HEADERS = ("tpl.help_indicator", "tpl.help_unit", "tpl.help_basis", "tpl.help_cumulative", "tpl.help_rule",
                "tpl.help_meaning")  # fmt: skip
COUNT_KINDS = ("count", "people")
REFERENCE_FILL = PatternFill("solid", fgColor="EDEDED")
FILL_HERE = PatternFill("solid", fgColor="FFF2CC")
HEADER_FONT = Font(bold=True)


def reported_indicators(store: Store) -> pd.DataFrame:
    """Indicators people count and send (summed ones); ratios and differences are derived in the store."""
    catalogue = store.query("indicator_catalogue")
    return catalogue[(catalogue.aggregation == "sum") & (catalogue.status != "retired")].sort_values("sort_order")


def template_regions(store: Store, region: str) -> pd.DataFrame:
    """Whose rows the template holds: a county's own, or every county of a city (adcode, name_zh)."""
    found = store.query("region_names", adcodes=[region])
    if not found.empty and found.level.iloc[0] == "county":
        return found[["adcode", "name_zh"]]
    return store.query("child_regions", parent=region)[["adcode", "name_zh"]]


def headers(period: str, lang: str) -> dict[str, str]:
    """Each column's header; the reference column names the quarter it holds and says it is not imported."""
    before = period_text(shift(period, -1), lang)
    return {column: t(key, lang, period=before) for column, key in HEADERS.items()}


def template_rows(store: Store, region: str, period: str, lang: str = "zh") -> pd.DataFrame:
    """The long table (COLUMNS, plus kind, stock_flow, decimals and id): every region × reported indicator, last
    quarter's figure as the reference and the value left blank."""
    regions = template_regions(store, region)
    indicators = reported_indicators(store)
    last = store.query("values_by_region", regions=list(regions.adcode), periods=[shift(period, -1)])
    last_value = {(r, i): v for r, i, v in zip(last.region, last.indicator, last.value, strict=True)}
    rows = [
        {
            "region": name,
            # the names the ingest reads back: Chinese, or English on an English template
            "indicator": in_language(ind.name_zh, ind.name_en, lang),
            "unit": in_language(ind.unit, ind.unit_en, lang),
            "basis": t(BASIS_KEYS[ind.stock_flow], lang),
            "period": period,
            "reference": last_value.get((adcode, ind.id)),
            "value": None,
            "kind": ind.kind,
            "stock_flow": ind.stock_flow,
            "decimals": int(ind.decimals),
            "id": ind.id,
        }
        for adcode, name in zip(regions.adcode, regions.name_zh, strict=True)
        for ind in indicators.itertuples(index=False)
    ]
    frame = pd.DataFrame(rows, columns=COLUMNS + ["kind", "stock_flow", "decimals", "id"])
    return frame.astype({"reference": "float64", "value": "float64"})


def template_frame(store: Store, region: str, period: str, lang: str = "zh") -> pd.DataFrame:
    """The template's table with its headers, as the CSV holds it."""
    frame = template_rows(store, region, period, lang)[COLUMNS]
    return frame.rename(columns=headers(period, lang))


def template_files(store: Store, region: str, period: str, lang: str = "zh") -> dict[str, bytes]:
    """The template as CSV (UTF-8 with BOM, opens in Excel) and as XLSX (with instructions and validation), keyed by
    file extension."""
    frame = template_frame(store, region, period, lang)
    reference = headers(period, lang)["reference"]
    frame[reference] = frame[reference].map(lambda v: "" if missing(v) else plain_decimal(v))  # 110, not 110.0
    return {"csv": excel_safe_csv(frame), "xlsx": template_xlsx(store, region, period, lang)}


def template_xlsx(store: Store, region: str, period: str, lang: str = "zh") -> bytes:
    """The workbook: the table to fill first (it is the sheet ingest reads), then the instructions sheet."""
    rows = template_rows(store, region, period, lang)
    book = Workbook()
    sheet = book.active
    sheet.title = t("tpl.sheet_data", lang)
    fill_sheet(sheet, rows, headers(period, lang), lang)
    instructions(book.create_sheet(t("tpl.sheet_help", lang)), store, period, lang)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def number_format(kind: str, decimals: int) -> str:
    return "#,##0" if kind in COUNT_KINDS else "#,##0." + "0" * max(decimals, 1)


def fill_sheet(sheet, rows: pd.DataFrame, titles: dict[str, str], lang: str) -> None:
    """Headers, the prefilled rows, the reference column greyed, the value column marked, one validation per kind."""
    sheet.append([titles[column] for column in COLUMNS])
    for cell in sheet[1]:
        cell.font = HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    reference_col, value_col = COLUMNS.index("reference") + 1, COLUMNS.index("value") + 1
    sheet.cell(1, reference_col).fill = REFERENCE_FILL
    sheet.cell(1, value_col).fill = FILL_HERE
    rules = {basis: validations(lang, basis) for basis in ("stock", "flow")}
    for number, row in enumerate(rows.itertuples(index=False), start=2):
        for position, column in enumerate(COLUMNS, start=1):
            value = getattr(row, column)
            cell = sheet.cell(number, position, None if pd.isna(value) else value)
            if isinstance(cell.value, str):
                cell.data_type = "s"  # a name is text, never a formula
        reference, value = sheet.cell(number, reference_col), sheet.cell(number, value_col)
        reference.fill, reference.font = REFERENCE_FILL, Font(color="595959", italic=True)
        reference.number_format = value.number_format = number_format(row.kind, row.decimals)
        value.fill = FILL_HERE
        rules[row.stock_flow][rule_for(row.kind)].add(value.coordinate)
    for by_kind in rules.values():
        for rule in by_kind.values():
            if rule.sqref:
                sheet.add_data_validation(rule)
    sheet.freeze_panes = "A2"
    sheet.row_dimensions[1].height = 36
    for position, width in enumerate([12, 24, 9, 22, 10, 22, 14], start=1):
        sheet.column_dimensions[sheet.cell(1, position).column_letter].width = width


def rule_for(kind: str) -> str:
    return "whole" if kind in COUNT_KINDS else "rate" if kind == "rate" else "amount"


def validations(lang: str, basis: str = "stock") -> dict[str, DataValidation]:
    """Excel's own check as the clerk types: whole numbers ≥ 0 for counts and people, numbers ≥ 0 for amounts,
    0–100 for rates (ingest checks the same again; this catches a slip before the file is sent), and, on selecting
    a cell, its basis: a stock to date or the quarter's own flow."""

    def rule(kind: str, operator: str, low: str, high: str | None = None, whole: bool = False) -> DataValidation:
        return DataValidation(
            type="whole" if whole else "decimal",
            operator=operator,
            formula1=low,
            formula2=high,
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop",
            errorTitle=t("tpl.invalid_title", lang),
            error=t(INVALID_KEYS[kind], lang),
            showInputMessage=True,
            promptTitle=t(BASIS_KEYS[basis], lang),
            prompt=t(CUMULATIVE_KEYS[basis], lang),
        )

    return {
        "whole": rule("whole", "greaterThanOrEqual", "0", whole=True),
        "amount": rule("amount", "greaterThanOrEqual", "0"),
        "rate": rule("rate", "between", "0", "100"),
    }


def instructions(sheet, store: Store, period: str, lang: str) -> None:
    """填报说明: how to fill the table, then every reported indicator's unit, basis (stock at quarter end or flow in
    the quarter), whether it is cumulative, what it counts and what Excel accepts."""
    sheet.append([t("tpl.help_title", lang, period=period_text(period, lang))])
    sheet["A1"].font = Font(bold=True, size=14)
    for line in HELP_LINES:
        sheet.append([t(line, lang)])
    sheet.append([])
    sheet.append([t(header, lang) for header in HELP_HEADERS])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = HEADER_FONT
    words = {field: texts(store, "indicator", field, lang) for field in ("name", "unit", "description")}
    for ind in reported_indicators(store).itertuples(index=False):
        sheet.append(
            [
                words["name"][ind.id],
                words["unit"][ind.id],
                t(BASIS_KEYS[ind.stock_flow], lang),
                t(CUMULATIVE_KEYS[ind.stock_flow], lang),
                t(RULE_KEYS[rule_for(ind.kind)], lang),
                words["description"][ind.id],
            ]
        )
    for row in sheet.iter_rows(min_row=header_row):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for position, width in enumerate([24, 9, 22, 30, 16, 60], start=1):
        sheet.column_dimensions[sheet.cell(header_row, position).column_letter].width = width


def upload_period_choices(latest: str | None, today: dt.date, back: int = 8) -> tuple[list[str], str]:
    """Quarters one may report, newest first — the current quarter and `back` before it — and the one due: the
    quarter after the newest with data; when that is still ahead, the newest itself (a correction is likelier);
    with no data at all, the last finished quarter."""
    current = current_quarter(today)
    choices = [shift(current, -k) for k in range(back + 1)]
    due = shift(latest, 1) if latest else shift(current, -1)
    if due in choices:
        return choices, due
    return choices, latest if latest in choices else choices[1]
