"""Everything ingest can say about a file, in Chinese and English, each naming row, column, value and reason."""

from collections import Counter
from dataclasses import dataclass, field

from unionbench.i18n import in_language, t

ERROR, WARNING = "error", "warning"

# code → its message's catalogue key (locales/*/messages.po). Placeholders are filled from Problem.details.
MESSAGES: dict[str, str] = {
    "empty_file": "problem.empty_file",
    "no_data_rows": "problem.no_data_rows",
    "no_figures": "problem.no_figures",
    "not_a_table": "problem.not_a_table",
    "xls_unsupported": "problem.xls_unsupported",
    "undecodable": "problem.undecodable",
    "no_header": "problem.no_header",
    "not_finite": "problem.not_finite",
    "too_large": "problem.too_large",
    "fractional_count": "problem.fractional_count",
    "period_contradicts_choice": "problem.period_contradicts_choice",
    "city_disagrees_with_counties": "problem.city_disagrees_with_counties",
    "city_far_from_counties": "problem.city_far_from_counties",
    "level_not_reported": "problem.level_not_reported",
    "difference_disagrees_with_parts": "problem.difference_disagrees_with_parts",
    "unknown_region": "problem.unknown_region",
    "ambiguous_region": "problem.ambiguous_region",
    "region_code_name_mismatch": "problem.region_code_name_mismatch",
    "unknown_indicator": "problem.unknown_indicator",
    "retired_indicator": "problem.retired_indicator",
    "not_a_number": "problem.not_a_number",
    "negative": "problem.negative",
    "rate_out_of_range": "problem.rate_out_of_range",
    "rate_ambiguous": "problem.rate_ambiguous",
    "rule_broken": "problem.rule_broken",
    "numerator_above_denominator": "problem.numerator_above_denominator",
    "missing_period": "problem.missing_period",
    "bad_period": "problem.bad_period",
    "future_period": "problem.future_period",
    "early_period": "problem.early_period",
    "conflicting_duplicate": "problem.conflicting_duplicate",
    "unit_mismatch": "problem.unit_mismatch",
    "missing_value": "problem.missing_value",
    "identical_duplicate": "problem.identical_duplicate",
    "jump_from_previous": "problem.jump_from_previous",
    "total_mismatch": "problem.total_mismatch",
    "county_missing": "problem.county_missing",
    "rate_disagrees_with_parts": "problem.rate_disagrees_with_parts",
    "period_from_title": "problem.period_from_title",
    "template_row_blank": "problem.template_row_blank",
    "extra_sheets": "problem.extra_sheets",
    "file_too_large": "problem.file_too_large",
    "archive_too_large": "problem.archive_too_large",
    "archive_too_many_parts": "problem.archive_too_many_parts",
    "sheet_too_large": "problem.sheet_too_large",
    "too_many_rows": "problem.too_many_rows",
    "too_many_columns": "problem.too_many_columns",
    "too_many_cells": "problem.too_many_cells",
    "too_many_merges": "problem.too_many_merges",
    "bom_mismatch": "problem.bom_mismatch",
    "truncated_text": "problem.truncated_text",
    "merged_value": "problem.merged_value",
    "formula_without_value": "problem.formula_without_value",
    "cell_error": "problem.cell_error",
    "hidden_row": "problem.hidden_row",
    "hidden_column": "problem.hidden_column",
    "other_region": "problem.other_region",
    "problems_not_listed": "problem.problems_not_listed",
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
        params = {"value": self.value}
        params.update({key: in_language(*value, lang) if isinstance(value, tuple) else value
                       for key, value in self.details.items()})  # fmt: skip
        return t(MESSAGES[self.code], lang, **params)

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
