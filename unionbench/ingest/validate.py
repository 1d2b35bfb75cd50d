"""From candidate cells to checked figures: every problem collected (never just the first), each located in the file.

Errors block the whole file; warnings are shown and do not.
"""

import datetime as dt
import difflib
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from unionbench.ingest.layout import Candidate, Table
from unionbench.ingest.normalise import NotANumber, Reading, current_quarter, read_number, read_period, unit_factor
from unionbench.ingest.problems import Problem, warning
from unionbench.periods import period_index, shift
from unionbench.regions import RegionResolver

OBSERVATION_COLUMNS = ["region", "indicator", "period", "value", "row", "column", "raw"]


@dataclass
class Context:
    """What checking needs to know besides the file: catalogue, regions, today, and the stored figures."""

    catalogue: pd.DataFrame  # indexed by id
    resolver: RegionResolver
    names: dict[str, str]  # adcode → Chinese name
    parents: dict[str, str]  # adcode → parent adcode
    today: dt.date
    # (regions, periods) → (current values for them and the quarter before; period → regions that reported)
    loader: Callable[[set[str], set[str]], tuple[pd.DataFrame, dict[str, set[str]]]]
    stored: pd.DataFrame = field(default_factory=pd.DataFrame)
    reporting: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self):
        # Per-cell lookups go through plain dicts: a DataFrame .loc per cell made 100k rows take minutes.
        self._rows = {row.id: row for row in self.catalogue.itertuples(index=False)}
        self._names = {row.id: (row.name_zh, row.name_en) for row in self._rows.values()}

    def indicator(self, indicator: str):
        """The catalogue row (a named tuple: .id, .unit, .numerator …)."""
        return self._rows[indicator]

    def load_stored(self, regions: set[str], periods: set[str]) -> None:
        self.stored, self.reporting = self.loader(regions, periods)

    def name(self, adcode: str) -> str:
        return self.names.get(adcode, adcode)

    def indicator_name(self, indicator: str) -> tuple[str, str]:
        """(Chinese, English): a problem's message picks the one of its language."""
        return self._names[indicator]


@dataclass
class Checked:
    observations: pd.DataFrame  # OBSERVATION_COLUMNS, one row per figure to store
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    regions: set[str] = field(default_factory=set)


def resolve_regions(table: Table, resolver: RegionResolver):
    """Each distinct (region text, code) → its Resolution, narrowing an ambiguous name by the city (or province)
    most of the file's other rows belong to: 朝阳区 in a file of 长春 counties is 长春's."""
    first_pass = {(c.region, c.region_code): resolver.resolve(c.region_code or c.region) for c in table.candidates}
    parents = Counter(resolver.parent(r.adcode) for r in first_pass.values() if r.adcode)
    home = parents.most_common(1)[0][0] if parents else None
    scopes = [s for s in (home, resolver.parent(home) if home else None) if s]
    resolved = {}
    for (text, code), result in first_pass.items():
        if result.status == "ambiguous":
            for scope in scopes:
                narrowed = resolver.resolve(code or text, within=scope)
                if narrowed.status == "ok":
                    result = narrowed
                    break
        resolved[(text, code)] = result
    return resolved, home


def region_problem(candidate: Candidate, result, resolver: RegionResolver, names: dict[str, str], home: str | None):
    if result.status == "ambiguous":
        listed = "、".join(f"{names.get(resolver.parent(c), '')}{names.get(c, c)}（{c}）" for c in result.candidates)
        return Problem("ambiguous_region", candidate.row, "region", candidate.region, {"candidates": listed})
    if result.status == "unknown":
        pool = [names[c] for c in names if home and resolver.parent(c) == home] or list(names.values())
        close = difflib.get_close_matches(candidate.region, pool, n=3, cutoff=0.5)
        hint = (
            f"是否为：{'、'.join(close)}？/ Did you mean: {', '.join(close)}?"
            if close
            else "请写地区全称、简称或 6 位行政区划代码。/ Write the full or short name, or the 6-digit code."
        )
        return Problem("unknown_region", candidate.row, "region", candidate.region, {"hint": hint})
    if candidate.region_code and candidate.region and candidate.region != candidate.region_code:
        by_name = resolver.resolve(candidate.region, within=resolver.parent(result.adcode))
        if by_name.adcode != result.adcode:
            return Problem(
                "region_code_name_mismatch",
                candidate.row,
                "region",
                candidate.region,
                {"code": result.adcode, "code_name": names.get(result.adcode, "")},
            )
    return None


def resolve_period(candidate: Candidate, hint: str | None, title_period: str | None, today: dt.date):
    """(period | None, problem | None) for one candidate."""
    raw = candidate.period
    if raw is None or str(raw).strip() == "":
        period = hint or title_period
        if period is None:
            return None, Problem("missing_period", candidate.row, None, None)
    else:
        period = read_period(raw)
        if period is None:
            return None, Problem("bad_period", candidate.row, "period", str(raw))
    if period_index(period) > period_index(current_quarter(today)):
        return None, Problem("future_period", candidate.row, "period", period, {"today": current_quarter(today)})
    if period < "2000Q1":
        return None, Problem("early_period", candidate.row, "period", period)
    return period, None


def read_value(candidate: Candidate, indicator, layout: str):
    """(Reading | None, problem | None); None without a problem means 'no figure here'."""
    try:
        reading = read_number(candidate.cell.value)
    except NotANumber:
        return None, Problem("not_a_number", candidate.row, candidate.column.label, candidate.cell.text)
    if reading is None:
        if layout == "long" and candidate.cell.blank:
            return None, Problem("missing_value", candidate.row, candidate.column.label, "")
        return None, None
    return reading, None


def to_catalogue_unit(candidate: Candidate, reading: Reading, indicator, names: tuple[str, str]):
    """(value | None, problem | None): converts 元 to 万元 and the like; a unit that cannot convert is a problem."""
    written = reading.unit or candidate.unit
    if indicator.unit == "%":
        if written not in (None, "%"):
            return None, unit_problem(candidate, written, indicator, names)
        return reading.value, None
    if reading.percent:
        return None, unit_problem(candidate, "%", indicator, names)
    factor = unit_factor(written, indicator.unit)
    if factor is None:
        return None, unit_problem(candidate, written, indicator, names)
    return reading.value * factor, None


def unit_problem(candidate: Candidate, written: str, indicator, names: tuple[str, str]) -> Problem:
    return Problem(
        "unit_mismatch",
        candidate.row,
        candidate.column.label,
        candidate.cell.text,
        {"unit": written, "indicator": names, "expected": indicator.unit},
    )


def settle_rates(items: list[dict]) -> list[Problem]:
    """Rates as percentages. 85.2% and 85.2 are percent; a column of fractions only (0.852) is read ×100; a
    fraction among percentages could be either, so it is refused with both readings named."""
    problems = []
    by_group = defaultdict(list)
    for item in items:
        by_group[item["group"]].append(item)
    for group in by_group.values():
        percent_column = any(i["reading"].percent or i["reading"].value > 1 for i in group)
        for item in group:
            reading, cell = item["reading"], item["candidate"].cell
            if reading.percent or reading.value > 1 or reading.value == 0:
                item["value"] = reading.value
            elif cell.percent_format:  # Excel shows 85.2 % and stores 0.852
                item["value"] = reading.value * 100
            elif percent_column:
                candidate = item["candidate"]
                problems.append(
                    Problem(
                        "rate_ambiguous",
                        candidate.row,
                        candidate.column.label,
                        cell.text,
                        {"as_percent": f"{reading.value * 100:g}"},
                    )
                )
                item["value"] = None
            else:
                item["value"] = reading.value * 100
    return problems


def check(table: Table, ctx: Context, period_hint: str | None) -> Checked:
    """Every candidate checked; the figures that passed, the errors and the warnings."""
    errors: list[Problem] = list(table.problems)
    warnings: list[Problem] = []
    resolved, home = resolve_regions(table, ctx.resolver)
    seen_problems = set()

    def report(problem: Problem | None) -> bool:
        if problem is None:
            return False
        key = (problem.code, problem.row, problem.column, problem.value)
        if key not in seen_problems:
            seen_problems.add(key)
            errors.append(problem)
        return True

    if table.title_period and period_hint is None and any(not str(c.period or "").strip() for c in table.candidates):
        warnings.append(warning("period_from_title", value=table.title_period))
    items, rates = [], []
    for candidate in table.candidates:
        result = resolved[(candidate.region, candidate.region_code)]
        bad_region = report(region_problem(candidate, result, ctx.resolver, ctx.names, home))
        period, period_problem = resolve_period(candidate, period_hint, table.title_period, ctx.today)
        bad_period = report(period_problem)
        if candidate.indicator is None:
            hint_words = table_hint(candidate.indicator_text, ctx)
            report(
                Problem("unknown_indicator", candidate.row, "indicator", candidate.indicator_text, {"hint": hint_words})
            )
            continue
        indicator = ctx.indicator(candidate.indicator)
        reading, value_problem = read_value(candidate, indicator, table.layout)
        if report(value_problem) or reading is None or bad_region or bad_period:
            continue
        item = {
            "candidate": candidate,
            "region": result.adcode,
            "indicator": candidate.indicator,
            "period": period,
            "reading": reading,
        }
        value, unit_problem_ = to_catalogue_unit(candidate, reading, indicator, ctx.indicator_name(indicator.id))
        if report(unit_problem_):
            continue
        if indicator.unit == "%":
            item["group"] = candidate.column.index if table.layout == "wide" else candidate.indicator
            item["reading"] = Reading(value, reading.percent)
            rates.append(item)
        else:
            item["value"] = value
        items.append(item)
    errors += settle_rates(rates)
    items = [i for i in items if i.get("value") is not None]
    for item in items:
        report(range_problem(item, ctx))
    observations = pd.DataFrame(
        [
            {
                "region": i["region"],
                "indicator": i["indicator"],
                "period": i["period"],
                "value": i["value"],
                "row": i["candidate"].row,
                "column": i["candidate"].column.label,
                "raw": i["candidate"].cell.text,
            }
            for i in items
        ],
        columns=OBSERVATION_COLUMNS,
    )
    ctx.load_stored(set(observations.region), set(observations.period))
    observations, duplicate_problems = drop_duplicates(observations)
    for problem in duplicate_problems:
        (warnings if problem.severity == "warning" else errors).append(problem)
    figures = Figures(observations, ctx.stored)
    errors += part_problems(observations, ctx, figures)
    warnings += rate_part_warnings(observations, ctx, figures)
    warnings += jump_warnings(observations, ctx, figures)
    warnings += total_warnings(table, observations, ctx)
    warnings += missing_county_warnings(observations, ctx)
    return Checked(observations, errors, warnings, set(observations.region))


def table_hint(text: str, ctx: Context) -> str:
    names = sorted(set(ctx.catalogue.name_zh))
    close = difflib.get_close_matches(text, names, n=3, cutoff=0.5)
    if close:
        return f"是否为：{'、'.join(close)}？/ Did you mean: {', '.join(close)}?"
    return "请使用指标目录中的名称或代码。/ Use a name or id from the indicator catalogue."


def range_problem(item: dict, ctx: Context) -> Problem | None:
    candidate, value = item["candidate"], item["value"]
    indicator = ctx.indicator(item["indicator"])
    if indicator.unit == "%" and not 0 <= value <= 100:
        return Problem("rate_out_of_range", candidate.row, candidate.column.label, candidate.cell.text)
    if value < 0:
        return Problem(
            "negative",
            candidate.row,
            candidate.column.label,
            candidate.cell.text,
            {"indicator": ctx.indicator_name(item["indicator"])},
        )
    return None


def drop_duplicates(observations: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """One row per (region, indicator, period): identical repeats are dropped with a warning, different ones
    are an error naming both rows."""
    problems = []
    keep = []
    first_seen: dict[tuple, tuple] = {}
    for row in observations.itertuples():
        index = row.Index
        key = (row.region, row.indicator, row.period)
        if key not in first_seen:
            first_seen[key] = row
            keep.append(index)
            continue
        first = first_seen[key]
        if abs(first.value - row.value) < 1e-9:
            problems.append(
                warning(
                    "identical_duplicate",
                    row=row.row,
                    column=row.column,
                    value=row.raw,
                    details={"other_row": first.row},
                )
            )
        else:
            problems.append(
                Problem(
                    "conflicting_duplicate",
                    row.row,
                    row.column,
                    row.raw,
                    {"other_row": first.row, "other_value": first.raw},
                )
            )
    return observations.loc[keep].reset_index(drop=True), problems


class Figures:
    """The file's figures over the stored ones, by (region, indicator, period): each lookup is a dict hit, so the
    cross-checks stay linear in the size of the file."""

    def __init__(self, observations: pd.DataFrame, stored: pd.DataFrame):
        self.observations = observations
        self.values = observations["value"].to_numpy()
        columns = [stored[c].tolist() for c in ("region", "indicator", "period", "value")] if len(stored) else [[]] * 4
        self.stored = {(r, i, p): v for r, i, p, v in zip(*columns, strict=True)}
        self.mine: dict[tuple, int] = {}
        keys = zip(*(observations[c].tolist() for c in ("region", "indicator", "period")), strict=True)
        for position, key in enumerate(keys):
            self.mine.setdefault(key, position)  # the first of any duplicates, as the duplicate check keeps

    def get(self, region: str, indicator: str, period: str) -> tuple[float | None, int | None]:
        """(value, its position in the file or None): the file's figure, else the stored one, else (None, None)."""
        key = (region, indicator, period)
        position = self.mine.get(key)
        if position is not None:
            return float(self.values[position]), position
        value = self.stored.get(key)
        return (float(value), None) if value is not None else (None, None)

    def row(self, position: int) -> pd.Series:
        return self.observations.iloc[position]


def part_problems(observations: pd.DataFrame, ctx: Context, figures: "Figures") -> list[Problem]:
    """A rate's numerator may not exceed its denominator (with the stored figure standing in for a missing one)."""
    problems = []
    ratios = ctx.catalogue[(ctx.catalogue.aggregation == "ratio")]
    for _, rate in ratios.iterrows():
        involved = observations[observations.indicator.isin([rate.numerator, rate.denominator])]
        for region, period in involved[["region", "period"]].drop_duplicates().itertuples(index=False):
            num, num_at = figures.get(region, rate.numerator, period)
            den, den_at = figures.get(region, rate.denominator, period)
            if num is None or den is None or num <= den:
                continue
            where = figures.row(num_at if num_at is not None else den_at)
            problems.append(
                Problem(
                    "numerator_above_denominator",
                    int(where.row),
                    where.column,
                    where.raw,
                    {
                        "numerator": ctx.indicator_name(rate.numerator),
                        "num_value": f"{num:g}",
                        "denominator": ctx.indicator_name(rate.denominator),
                        "den_value": f"{den:g}",
                    },
                )
            )
    return problems


def rate_part_warnings(observations: pd.DataFrame, ctx: Context, figures: "Figures") -> list[Problem]:
    problems = []
    rates = observations[observations.indicator.isin(ctx.catalogue.index[ctx.catalogue.aggregation == "ratio"])]
    for row in rates.itertuples():
        rate = ctx.indicator(row.indicator)
        num, _ = figures.get(row.region, rate.numerator, row.period)
        den, _ = figures.get(row.region, rate.denominator, row.period)
        if num is not None and den:
            derived = 100 * num / den
            if abs(derived - row.value) > 0.5:
                problems.append(
                    warning(
                        "rate_disagrees_with_parts",
                        row=row.row,
                        column=row.column,
                        value=row.raw,
                        details={"indicator": ctx.indicator_name(row.indicator), "derived": f"{derived:.1f}"},
                    )
                )
    return problems


def jump_warnings(observations: pd.DataFrame, ctx: Context, figures: "Figures") -> list[Problem]:
    """A figure more than 3× or under ⅓ of the previous quarter's deserves a second look."""
    problems = []
    for row in observations.itertuples():
        previous, _ = figures.get(row.region, row.indicator, shift(row.period, -1))
        if previous and row.value and (row.value > 3 * previous or row.value < previous / 3):
            problems.append(
                warning(
                    "jump_from_previous",
                    row=row.row,
                    column=row.column,
                    value=row.raw,
                    details={"previous": f"{previous:g}"},
                )
            )
    return problems


def total_warnings(table, observations: pd.DataFrame, ctx: Context) -> list[Problem]:
    """A 合计 row is not imported; it is checked against the sum of the rows above it."""
    problems = []
    summable = set(ctx.catalogue.index[ctx.catalogue.aggregation == "sum"])
    previous_total = 0
    for total in table.totals:
        since = previous_total if total.label == "小计" else 0
        above = observations[(observations.row < total.row) & (observations.row > since)]
        previous_total = total.row
        for column in table.columns:
            if column.role != "measure" or column.indicator not in summable:
                continue
            cell = total.cells.get(column.index)
            try:
                reading = read_number(cell.value) if cell is not None else None
            except NotANumber:
                continue
            if reading is None:
                continue
            factor = unit_factor(reading.unit or column.unit, ctx.catalogue.at[column.indicator, "unit"]) or 1.0
            expected = above.loc[above.column == column.label, "value"].sum()
            if abs(reading.value * factor - expected) > 1e-6 * max(1.0, abs(expected)):
                problems.append(
                    warning(
                        "total_mismatch",
                        row=total.row,
                        column=column.label,
                        value=cell.text,
                        details={"expected": f"{expected / factor:g}"},
                    )
                )
    return problems


def missing_county_warnings(observations: pd.DataFrame, ctx: Context) -> list[Problem]:
    """For each city whose counties the file reports, a county that reported last quarter but not now."""
    problems = []
    for period, group in observations.groupby("period"):
        previous = shift(period, -1)
        present = set(group.region) | ctx.reporting.get(period, set())
        cities = {ctx.parents.get(r) for r in group.region} - {None}
        for county in sorted(ctx.reporting.get(previous, set())):
            if ctx.parents.get(county) in cities and county not in present:
                problems.append(
                    warning(
                        "county_missing",
                        details={"county": ctx.name(county), "previous_period": previous, "period": period},
                    )
                )
    return problems
