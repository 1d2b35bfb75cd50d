"""A messy 2,000-row file is read into the same rows, totals, candidates and problems, in the same order, whichever
way the table reader goes through its cells (row by row, or as set operations over the columns). The expected
figures are what the row-by-row reader gave for these exact files."""

import datetime as dt

from tests.messy_files import messy_long_csv, messy_long_xlsx
from unionbench.ingest import prepare
from unionbench.ingest.layout import find_table
from unionbench.ingest.parse import read_grid

TODAY = dt.date(2026, 11, 23)


def located(problems, count):
    return [(p.row, p.column, p.value, p.code) for p in problems[:count]]


def test_a_messy_long_csv_keeps_its_data_rows_totals_and_figures(store):
    grid = read_grid(messy_long_csv(), "messy.csv")
    table = find_table(grid, store.query("indicator_catalogue"))
    assert (len(table.data_rows), len(table.candidates)) == (1962, 1962)
    assert [c.row for c in table.candidates] == table.data_rows
    assert [total.row for total in table.totals] == list(range(8, 2000, 97))
    assert table.problems == [] and grid.notes == []
    first = table.candidates[0]
    assert (first.row, first.region, first.indicator, first.indicator_text, first.period, first.unit) == (
        3,
        "利州区",
        "trainings",
        "职工培训",
        "2026Q3",
        None,
    )


def test_a_messy_long_csv_reports_the_same_problems_in_the_same_order(store):
    prepared = prepare(messy_long_csv(), "messy.csv", store, today=TODAY)
    assert (prepared.error_count, prepared.warning_count) == (2019, 101)
    assert prepared.problem_counts == {
        "bad_period": 392,
        "conflicting_duplicate": 14,
        "identical_duplicate": 94,
        "jump_from_previous": 6,
        "missing_value": 141,
        "not_a_number": 140,
        "not_finite": 140,
        "rule_broken": 6,
        "period_from_title": 1,
        "unit_mismatch": 661,
        "unknown_indicator": 280,
        "unknown_region": 245,
    }
    assert located(prepared.errors, 12) == [
        (4, "D · 数值", "123", "unit_mismatch"),
        (5, "D · 数值", "1", "unit_mismatch"),
        (6, "period", "2026Q5", "bad_period"),
        (6, "indicator", "未知指标", "unknown_indicator"),
        (7, "region", "火星县", "unknown_region"),
        (9, "D · 数值", "", "missing_value"),
        (11, "period", "2026Q5", "bad_period"),
        (11, "D · 数值", "1e309", "not_finite"),
        (13, "indicator", "未知指标", "unknown_indicator"),
        (14, "D · 数值", "5", "conflicting_duplicate"),
        (15, "region", "火星县", "unknown_region"),
        (16, "period", "2026Q5", "bad_period"),
    ]
    assert located(prepared.warnings, 4) == [
        (None, None, "2026Q3", "period_from_title"),
        (57, "D · 数值", "9", "jump_from_previous"),
        (99, "D · 数值", "9", "identical_duplicate"),
        (182, "D · 数值", "5", "jump_from_previous"),
    ]
    assert (len(prepared.observations), prepared.observations.value.sum()) == (18, 149.0)


def test_a_messy_xlsx_keeps_its_merged_labels_traps_and_totals(store):
    grid = read_grid(messy_long_xlsx(), "messy.xlsx")
    table = find_table(grid, store.query("indicator_catalogue"))
    assert (len(table.data_rows), len(table.candidates)) == (1966, 1761)
    assert [total.row for total in table.totals] == list(range(6, 2003, 89))
    assert located(table.problems, 3) == [
        (20, "D · 数值", "3人", "merged_value"),
        (19, "D · 数值", "=1/0", "formula_without_value"),
        (29, "D · 数值", "=1/0", "formula_without_value"),
    ]
    assert [(p.row, p.column, p.code) for p in grid.notes[:4]] == [
        (6, "D · 数值", "formula_without_value"),
        (9, "E · 备注", "formula_without_value"),
        (95, "D · 数值", "formula_without_value"),
        (160, "E · 备注", "formula_without_value"),
    ]
    assert all(p.severity == "warning" for p in grid.notes)


def test_a_messy_xlsx_reports_the_same_problems_in_the_same_order(store):
    prepared = prepare(messy_long_xlsx(), "messy.xlsx", store, today=TODAY)
    assert (prepared.error_count, prepared.warning_count) == (1926, 409)
    assert prepared.problem_counts == {
        "bad_period": 387,
        "conflicting_duplicate": 191,
        "formula_without_value": 241,
        "fractional_count": 224,
        "identical_duplicate": 327,
        "jump_from_previous": 35,
        "merged_value": 1,
        "missing_value": 167,
        "not_a_number": 166,
        "rule_broken": 1,
        "period_from_title": 1,
        "rate_ambiguous": 28,
        "rate_disagrees_with_parts": 10,
        "unit_mismatch": 112,
        "unknown_indicator": 250,
        "unknown_region": 194,
    }
    assert located(prepared.errors, 12) == [
        (4, "D · 数值", "7.5", "fractional_count"),
        (8, "D · 数值", "0.5", "fractional_count"),
        (9, "D · 数值", "3", "conflicting_duplicate"),
        (10, "D · 数值", "3人", "unit_mismatch"),
        (13, "indicator", "未知指标", "unknown_indicator"),
        (14, "D · 数值", "7.5", "fractional_count"),
        (15, "region", "火星县", "unknown_region"),
        (16, "period", "2026Q5", "bad_period"),
        (16, "D · 数值", "x", "not_a_number"),
        (17, "D · 数值", "", "missing_value"),
        (18, "D · 数值", "0.5", "fractional_count"),
        (19, "D · 数值", "=1/0", "formula_without_value"),
    ]
    assert located(prepared.warnings, 4) == [
        (None, None, "2026Q3", "period_from_title"),
        (6, "D · 数值", "=1/0", "formula_without_value"),
        (9, "E · 备注", "=SUM(1,2)", "formula_without_value"),
        (11, "D · 数值", "3", "jump_from_previous"),
    ]
    assert len(prepared.observations) == 48
    assert round(prepared.observations.value.sum(), 6) == 323.50855
