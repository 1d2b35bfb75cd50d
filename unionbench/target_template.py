"""The annual targets template: the home city and its counties × the active indicators, for one year, with last
year's targets beside the cell to fill (and this year's, where stored, already in it), an instructions sheet and
Excel's own checks. Its headers are ones the targets import reads back; the reference column says 参考, which the
import skips (and which marks the file as a prefilled template, whose blank rows are simply not set)."""

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from unionbench.i18n import t
from unionbench.names import texts
from unionbench.store import Store
from unionbench.templates import FILL_HERE, HEADER_FONT, REFERENCE_FILL, number_format

# Each column → the catalogue key of its header.
HEADERS = {"region_code": "tgt.tpl_region_code", "region": "tgt.tpl_region", "indicator": "tgt.tpl_indicator",
           "unit": "tgt.tpl_unit", "year": "tgt.tpl_year", "reference": "tgt.tpl_reference",
           "target": "tgt.tpl_target"}  # fmt: skip
COLUMNS = list(HEADERS)
INVALID_KEYS = {"whole": "tgt.tpl_invalid_whole", "amount": "tgt.tpl_invalid_amount", "rate": "tgt.tpl_invalid_rate"}
HELP_LINES = ("tgt.tpl_help_1", "tgt.tpl_help_2", "tgt.tpl_help_3", "tgt.tpl_help_4")
WIDTHS = [14, 14, 28, 10, 8, 22, 14]
PICKED = (("place", "name"), ("indicator", "name"), ("indicator", "unit"))  # the texts a row shows in its language


def active_indicators(store: Store) -> pd.DataFrame:
    """The catalogue without retired indicators (a catalogue without a status column has none retired)."""
    catalogue = store.query("indicator_catalogue")
    if "status" in catalogue.columns:
        catalogue = catalogue[catalogue["status"].fillna("active") != "retired"]
    return catalogue.sort_values("sort_order")


def template_regions(store: Store, home: str) -> pd.DataFrame:
    """The home city first, then its counties (adcode, name_zh, name_en)."""
    own = store.query("region_names", adcodes=[home])[["adcode", "name_zh", "name_en"]]
    return pd.concat([own, store.query("child_regions", parent=home)[["adcode", "name_zh", "name_en"]]])


def stored_targets(store: Store, regions: list[str], year: int) -> dict[tuple[str, str], float]:
    found = store.query("targets", regions=regions, year=year)
    return {(r, i): v for r, i, v in zip(found.region, found.indicator, found.target, strict=True)}


def template_rows(store: Store, home: str, year: int, lang: str = "zh") -> pd.DataFrame:
    """One row per region × active indicator: names, unit, year, last year's target and this year's (if any)."""
    codes = list(template_regions(store, home).adcode)
    last, this = stored_targets(store, codes, year - 1), stored_targets(store, codes, year)
    places, names, units = (texts(store, kind, field, lang) for kind, field in PICKED)
    rows = [
        {
            "region_code": code,
            "region": places[code],
            "indicator": names[ind.id],
            "unit": units[ind.id],
            "year": year,
            "reference": last.get((code, ind.id)),
            "target": this.get((code, ind.id)),
            "kind": ind.kind,
            "decimals": int(ind.decimals),
        }
        for code in codes
        for ind in active_indicators(store).itertuples(index=False)
    ]
    return pd.DataFrame(rows, columns=[*COLUMNS, "kind", "decimals"])


def headers(year: int, lang: str) -> list[str]:
    return [t(key, lang, year=year - 1) for key in HEADERS.values()]


def template_xlsx(store: Store, home: str, year: int, lang: str = "zh") -> bytes:
    """The workbook: the table to fill first (the sheet the import reads), then the instructions sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = t("tgt.tpl_sheet", lang)
    sheet.append(headers(year, lang))
    for cell in sheet[1]:
        cell.font, cell.alignment = HEADER_FONT, Alignment(wrap_text=True, vertical="center")
    reference_col, target_col = COLUMNS.index("reference") + 1, COLUMNS.index("target") + 1
    rules = {
        kind: DataValidation(
            type="whole" if kind == "whole" else "decimal", operator="between" if kind == "rate" else
            "greaterThanOrEqual", formula1="0", formula2="100" if kind == "rate" else None, allow_blank=True,
            showErrorMessage=True, errorStyle="stop", errorTitle=t("tgt.tpl_invalid_title", lang),
            error=t(error, lang),
        )
        for kind, error in INVALID_KEYS.items()
    }  # fmt: skip
    for number, row in enumerate(template_rows(store, home, year, lang).itertuples(index=False), start=2):
        for position, column in enumerate(COLUMNS, start=1):
            value = getattr(row, column)
            cell = sheet.cell(number, position, None if pd.isna(value) else value)
            if isinstance(cell.value, str):
                cell.data_type = "s"  # a name is text, never a formula
        reference, target = sheet.cell(number, reference_col), sheet.cell(number, target_col)
        reference.fill, reference.font = REFERENCE_FILL, Font(color="595959", italic=True)
        reference.number_format = target.number_format = number_format(row.kind, row.decimals)
        target.fill = FILL_HERE
        kind = "rate" if row.kind == "rate" else "whole" if row.kind in ("count", "people") else "amount"
        rules[kind].add(target.coordinate)
    for rule in rules.values():
        if rule.sqref:
            sheet.add_data_validation(rule)
    sheet.freeze_panes = "C2"
    for position, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[sheet.cell(1, position).column_letter].width = width
    help_sheet = book.create_sheet(t("tpl.sheet_help", lang))  # the name the import skips
    help_sheet.append([t("tgt.tpl_help_title", lang, year=year)])
    help_sheet["A1"].font = Font(bold=True, size=14)
    for line in HELP_LINES:
        help_sheet.append([t(line, lang)])
    help_sheet.column_dimensions["A"].width = 110
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
