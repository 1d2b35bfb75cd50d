"""From candidate cells to checked figures: every problem collected (never just the first), each located in the file.

Errors block the whole file; warnings are shown and do not.

Cells are read one by one (each distinct region text and quarter only once); everything that relates figures to one
another — duplicates, parts of a rate, jumps from the previous quarter, totals, a city against its counties — runs as
set operations over the whole file, joined once to the stored figures (100k rows took 10.7 s row by row).
"""

import datetime as dt
import difflib
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import pandas as pd

from unionbench.ingest.layout import Candidate, Table, objects
from unionbench.ingest.normalise import (
    NotANumber,
    NotFinite,
    clean_float,
    current_quarter,
    read_number,
    unit_factor,
)
from unionbench.ingest.problems import Problem, warning
from unionbench.periods import period_index, read_period, shift
from unionbench.regions import RegionResolver

OBSERVATION_COLUMNS = ["region", "indicator", "period", "value", "row", "column", "raw"]
KEY = ["region", "indicator", "period"]
# No figure a union reports comes near this (a county's workers ~10⁶, money in 万元 ~10⁶); a cap keeps every sum over
# 3,000 counties and every per-10,000 figure finite, so nothing derived from stored figures can overflow.
MAX_VALUE = 1e12
COUNT_KINDS = {"count", "people"}  # whole things: stations, enterprises, people, sessions
REPORTED_LEVELS = {"city", "county"}  # the levels a city federation's figures come in; a province row is a slip
CITY_FAR = 2  # a city's own figure under half or over twice its counties' sum is held, not only warned
# difflib over every region name costs ~ms; suggest names for this many distinct unknown regions, not 100,000.
MAX_HINTS = 200
SUFFIX_CHARS = set("省市区县旗州盟自治")
GENERIC_REGION_HINT = "请写地区全称、简称或 6 位行政区划代码。/ Write the full or short name, or the 6-digit code."


@dataclass
class Stored:
    """What the store holds around a file: figures (with roll-ups) of its regions in its quarters and the one
    before, which regions reported per quarter, and own reports (no roll-ups) of its cities and their counties."""

    figures: pd.DataFrame
    reporting: dict[str, set[str]]
    own: pd.DataFrame


@dataclass
class Context:
    """What checking needs to know besides the file: catalogue, regions, today, and the stored figures."""

    catalogue: pd.DataFrame  # indexed by id
    resolver: RegionResolver
    names: dict[str, str]  # adcode → Chinese name
    parents: dict[str, str]  # adcode → parent adcode
    today: dt.date
    # (regions, periods, cities) → the stored figures the checks compare with
    loader: Callable[[set[str], set[str], set[str]], Stored]
    levels: dict[str, str] = field(default_factory=dict)  # adcode → country/province/city/county
    rules: pd.DataFrame | None = None  # the validation_rules table: cross-checks between figures
    stored: Stored | None = None

    def __post_init__(self):
        # Per-cell lookups go through plain dicts: a DataFrame .loc per cell made 100k rows take minutes.
        self._rows = {row.id: row for row in self.catalogue.itertuples(index=False)}
        self._names = {row.id: (row.name_zh, row.name_en) for row in self._rows.values()}
        self.county_counts = Counter(self.parents.get(a) for a, level in self.levels.items() if level == "county")

    @property
    def catalogue_rows(self) -> dict:
        """id → the catalogue row (a named tuple)."""
        return self._rows

    def indicator(self, indicator: str):
        """The catalogue row (a named tuple: .id, .unit, .numerator …)."""
        return self._rows[indicator]

    def load_stored(self, regions: set[str], periods: set[str], cities: set[str]) -> Stored:
        self.stored = self.loader(regions, periods, cities)
        return self.stored

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


def per_pair(first: pd.Series, second: pd.Series, function) -> np.ndarray:
    """function(a, b) of each row's pair (None for a missing one, NaN where it gives None), called once per
    distinct pair."""
    first_codes, firsts = pd.factorize(first.to_numpy(dtype=object))  # a missing value is -1
    second_codes, seconds = pd.factorize(second.to_numpy(dtype=object))
    width = len(seconds) + 1
    pair_codes, pairs = pd.factorize((first_codes + 1) * width + second_codes + 1)
    results = []
    for pair in pairs.tolist():
        a, b = divmod(pair, width)
        result = function(firsts[a - 1] if a else None, seconds[b - 1] if b else None)
        results.append(np.nan if result is None else result)
    return np.array(results, dtype=float)[pair_codes]


def by_field(candidates: list[Candidate]) -> Candidate:
    """The candidates turned inside out: a Candidate whose every field is the tuple of all candidates' values."""
    return (
        Candidate._make(zip(*candidates, strict=True)) if candidates else Candidate._make([()] * len(Candidate._fields))
    )


def region_keys(fields: Candidate) -> tuple[np.ndarray, list[tuple]]:
    """Each candidate's code among the distinct (region text, region code) pairs, and those pairs in order of
    first appearance (a pair may repeat where equal texts are distinct objects). `fields`: by_field's."""
    text_codes, texts = by_identity(fields.region)
    code_codes, codes = by_identity(fields.region_code)
    width = len(codes) + 1
    key_codes, firsts = pd.factorize(text_codes * width + code_codes)
    return key_codes, [(texts[k // width], codes[k % width]) for k in firsts.tolist()]


def resolve_regions(codes: np.ndarray, keys: list[tuple], resolver: RegionResolver):
    """Each distinct (region text, code) → its Resolution, narrowing an ambiguous name by the city (or province)
    most of the file's other rows belong to: 朝阳区 in a file of 长春 counties is 长春's."""
    weights = Counter()
    for key, weight in zip(keys, np.bincount(codes, minlength=len(keys)).tolist(), strict=True):
        weights[key] += weight
    first_pass = {(text, code): resolver.resolve(code or text) for text, code in weights}
    parents = Counter()
    for key, result in first_pass.items():
        if result.adcode:
            parents[resolver.parent(result.adcode)] += weights[key]
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


class RegionProblems:
    """The problem (if any) of each distinct (region text, code), worked out once; name suggestions only for the
    first MAX_HINTS unknown names, since each costs a fuzzy search over every region."""

    def __init__(self, resolver: RegionResolver, names: dict[str, str], home: str | None):
        self.resolver, self.names, self.home = resolver, names, home
        self._known: dict[tuple, tuple | None] = {}
        self._pool: list[str] | None = None
        self.hints_left = MAX_HINTS

    def template(self, key: tuple[str, str | None], result) -> tuple | None:
        """(code, details) of the problem of a (region text, code) and its resolution, or None."""
        if key not in self._known:
            self._known[key] = self._template(*key, result)
        return self._known[key]

    def _template(self, region: str, region_code: str | None, result) -> tuple | None:
        resolver, names = self.resolver, self.names
        if result.status == "ambiguous":
            listed = "、".join(
                f"{names.get(resolver.parent(c), '')}{names.get(c, c)}（{c}）" for c in result.candidates
            )
            return "ambiguous_region", {"candidates": listed}
        if result.status == "unknown":
            return "unknown_region", {"hint": self._hint(region)}
        if region_code and region and region != region_code:
            by_name = resolver.resolve(region, within=resolver.parent(result.adcode))
            if by_name.adcode != result.adcode:
                return "region_code_name_mismatch", {"code": result.adcode, "code_name": names.get(result.adcode, "")}
        return None

    def _hint(self, text: str) -> str:
        if self.hints_left <= 0:
            return GENERIC_REGION_HINT
        self.hints_left -= 1
        if self._pool is None:
            home = self.home
            self._pool = [self.names[c] for c in self.names if home and self.resolver.parent(c) == home] or list(
                self.names.values()
            )
            self._by_char = defaultdict(set)
            for name in self._pool:
                for char in set(name) - SUFFIX_CHARS:
                    self._by_char[char].add(name)
        # Only names sharing a character beyond the suffix (县, 区 …) can be close: 火星1县 is compared with nothing
        # instead of 3,000 names (difflib took ~50 ms per unknown name over the whole country).
        pool = sorted(set().union(*(self._by_char.get(char, set()) for char in set(text) - SUFFIX_CHARS)))
        close = difflib.get_close_matches(text, pool, n=3, cutoff=0.5) if pool else []
        return f"是否为：{'、'.join(close)}？/ Did you mean: {', '.join(close)}?" if close else GENERIC_REGION_HINT


def read_one_period(raw, hint: str | None, title_period: str | None, today: dt.date) -> tuple:
    """(period | None, (code, value, details) | None) for a cell of the period column."""
    if raw is None or str(raw).strip() == "":
        period = hint or title_period
        if period is None:
            return None, ("missing_period", None, {})
    else:
        period = read_period(raw)
        if period is None:
            return None, ("bad_period", str(raw), {})
    if period_index(period) > period_index(current_quarter(today)):
        return None, ("future_period", period, {"today": current_quarter(today)})
    if period < "2000Q1":
        return None, ("early_period", period, {})
    return period, None


def period_contradictions(table: Table, hint: str | None) -> list[Problem]:
    """A file whose own quarter (its period column, or its title where rows have none) is not the quarter chosen
    for the upload is refused, naming both: one problem per quarter the file names, at its first row."""
    if hint is None:
        return []
    first_row: dict[str, int | None] = {}
    untimed = False
    for candidate in table.candidates:
        raw = candidate.period
        if raw is None or str(raw).strip() == "":
            untimed = True
            continue
        period = read_period(raw)
        if period is not None and period != hint and period not in first_row:
            first_row[period] = candidate.row
    if untimed and table.title_period and table.title_period != hint and table.title_period not in first_row:
        first_row[table.title_period] = None
    return [
        Problem("period_contradicts_choice", row, "period", period, {"file_period": period, "chosen": hint})
        for period, row in first_row.items()
    ]


def value_problems(frame: pd.DataFrame, names: dict, located) -> pd.DataFrame:
    """Figures that cannot be right whatever else the file says: non-finite, implausibly large, a rate outside
    0–100 %, a negative figure, a count that is not whole; the rows without any of these."""
    values = frame.value.to_numpy(dtype="float64")
    at = frame["at"].to_numpy()
    indicators = frame.indicator.to_numpy(dtype=object)
    left = np.ones(len(frame), dtype=bool)
    with np.errstate(invalid="ignore"):
        tests = [
            ("too_large", ~np.isfinite(values) | (np.abs(values) > MAX_VALUE), lambda i: {"limit": f"{MAX_VALUE:g}"}),
            ("rate_out_of_range", (frame.expected == "%").to_numpy(dtype=bool) & ((values < 0) | (values > 100)), None),
            ("negative", values < 0, lambda i: {"indicator": names[indicators[i]]}),
            (
                "fractional_count",
                # exactly whole once in the catalogue's unit (1e-7 or 111.0000001 people are typing slips)
                frame.kind.isin(COUNT_KINDS).to_numpy(dtype=bool) & (values != np.round(values)),
                lambda i: {"indicator": names[indicators[i]]},
            ),
        ]
    for code, failed, details in tests:
        hits = np.flatnonzero(left & failed)
        for index in hits:
            found = details(index) if details else {}
            located(code, [at[index]], lambda _, d=found: d)
        left[hits] = False
    return frame[left].reset_index(drop=True)


def settle_rates(frame: pd.DataFrame, located) -> pd.DataFrame:
    """Rates as percentages. 85.2% and 85.2 are percent; a column of fractions only (0.852) is read ×100; a
    fraction among percentages could be either, so it is refused with both readings named. `group` is the column
    (wide) or the indicator (long)."""
    is_rate = (frame.expected == "%").to_numpy(dtype=bool)
    if not is_rate.any():
        return frame
    values = frame.value.to_numpy(dtype="float64").copy()
    percent = frame.percent.to_numpy(dtype=bool)
    format_percent = frame.percent_format.to_numpy(dtype=bool)
    marked = pd.Series(is_rate & (percent | (values > 1)))
    percent_column = marked[is_rate].groupby(frame.group[is_rate].to_numpy()).any()
    in_percent_column = np.array([bool(percent_column.get(g, False)) for g in frame.group], dtype=bool)
    as_written = percent | (values > 1) | (values == 0)
    times_100 = is_rate & ~as_written & (format_percent | ~in_percent_column)
    ambiguous = is_rate & ~as_written & ~format_percent & in_percent_column
    at = frame["at"].to_numpy()
    for index in np.flatnonzero(ambiguous):
        located("rate_ambiguous", [at[index]], lambda _, v=values[index]: {"as_percent": f"{v * 100:g}"})
    values[times_100] = values[times_100] * 100
    return frame.assign(value=values)[~ambiguous].reset_index(drop=True)


class Reporter:
    """Collects errors once each (the same cell can fail the same way through two paths)."""

    def __init__(self, problems: list[Problem]):
        self.errors = problems
        self._seen = set()

    def __call__(self, problem: Problem | None) -> bool:
        if problem is None:
            return False
        key = (problem.code, problem.row, problem.column, problem.value)
        if key not in self._seen:
            self._seen.add(key)
            self.errors.append(problem)
        return True


_PLAIN_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"


def plain_python_number(value) -> bool:
    """A float, or an int a float holds exactly (an xlsx cell); bools and huge ints take the slow path."""
    if isinstance(value, float):
        return True
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**53


def parse_values(values: list) -> tuple[np.ndarray, np.ndarray, list, list]:
    """Every cell's number at once: (value, carries %, written unit, problem code or None). Plain numbers (ints,
    floats, '123', '-4.5') are converted in one vectorised pass; only the rest (separators, units, %, full-width
    digits, blanks, text) go through read_number one by one. A non-finite number never comes out."""
    n = len(values)
    number = np.full(n, np.nan)
    percent = np.zeros(n, dtype=bool)
    units: list = [None] * n
    problems: list = [None] * n
    cells = pd.Series(values, dtype=object)
    is_text = cells.map(type).eq(str).to_numpy()
    is_number = cells.map(plain_python_number).to_numpy(dtype=bool)
    plain = np.zeros(n, dtype=bool)
    if is_text.any():
        text = cells[is_text].astype(str)
        short = (text.str.len() <= 30).to_numpy(dtype=bool)  # 400 digits overflow the fast path: read_number says so
        matched = text.str.fullmatch(_PLAIN_NUMBER).to_numpy(dtype=bool) & short
        plain[np.flatnonzero(is_text)[matched]] = True
    fast = plain | is_number
    if fast.any():
        converted = pd.to_numeric(cells[fast], errors="coerce").astype("float64").to_numpy()
        ok = np.isfinite(converted)
        positions = np.flatnonzero(fast)
        number[positions[ok]] = [clean_float(float(v)) for v in converted[ok]]  # exactly as read_number
        fast[positions[~ok]] = False  # 1e309, 400 digits, nan: let read_number say what they are
    for position in np.flatnonzero(~fast):
        try:
            reading = read_number(values[position])
        except NotFinite:
            problems[position] = "not_finite"
            continue
        except NotANumber:
            problems[position] = "not_a_number"
            continue
        if reading is None:
            problems[position] = "blank"
            continue
        number[position], percent[position], units[position] = reading.value, reading.percent, reading.unit
    return number, percent, units, problems


def by_identity(items: list) -> tuple[np.ndarray, list]:
    """Each item's code, numbering distinct objects (by identity) in order of first appearance, and those objects:
    equal texts share one object (parse.shared_cell, layout.CellFacts), so per-cell work runs once per distinct one."""
    codes, _ = pd.factorize(np.fromiter(map(id, items), dtype=np.int64, count=len(items)))
    return codes, [items[i] for i in first_positions(codes).tolist()]


def first_positions(codes: np.ndarray) -> np.ndarray:
    """Where each code first appears, for codes numbered in order of first appearance (pd.factorize's): where the
    running maximum rises, found in one pass rather than by sorting."""
    if not len(codes):
        return codes
    running = np.maximum.accumulate(codes)
    return np.flatnonzero(np.r_[True, running[1:] > running[:-1]])


# What parse_values says of a cell, as a small number: masks over 100,000 cells compare numbers, not strings.
READINGS = (None, "not_finite", "not_a_number", "blank")
READ, NOT_FINITE, NOT_A_NUMBER, BLANK_CELL = range(len(READINGS))


def parse_distinct(cells: list, codes: np.ndarray, live: np.ndarray) -> tuple:
    """parse_values over each distinct cell (`cells`, by `codes`) a live position holds, spread back to every
    position: (value, carries %, written unit as an object array, READINGS index; BLANK_CELL where not live)."""
    needed = np.unique(codes[live])
    number, percent, units, problems = parse_values([cells[i].value for i in needed.tolist()])
    readings = np.array([READINGS.index(problem) for problem in problems], dtype=np.int8)
    spread = [np.full(len(cells), np.nan), np.zeros(len(cells), dtype=bool), objects([None] * len(cells))]
    spread.append(np.full(len(cells), BLANK_CELL, dtype=np.int8))
    for target, source in zip(spread, (number, percent, objects(units), readings), strict=True):
        target[needed] = source
    return tuple(target[codes] for target in spread)


def retired_positions(indicators: np.ndarray, ctx: Context) -> np.ndarray:
    """Figures of a retired indicator: the catalogue no longer collects it (its stored history stays), so a figure for
    it is refused rather than stored where no page shows it."""
    retired = {i for i, row in ctx.catalogue_rows.items() if getattr(row, "status", "active") == "retired"}
    if not retired:
        return np.zeros(len(indicators), dtype=bool)
    return np.array([i in retired for i in indicators], dtype=bool)


def first_of_each(values: np.ndarray, mask: np.ndarray) -> list[int]:
    """The first masked position of each distinct value."""
    first: dict = {}
    for position in np.flatnonzero(mask).tolist():
        first.setdefault(values[position], position)
    return sorted(first.values())


def read_cells(
    table: Table, fields: Candidate, ctx: Context, hint, report, regions: tuple, region_problem, contradicted: bool
) -> pd.DataFrame:
    """The candidates as figures in catalogue units (OBSERVATION_COLUMNS), every problem reported: regions,
    quarters and numbers read once per distinct cell, the catalogue joined once, and the checks as masks over the
    whole file. `fields`: the candidates by field (by_field), made once for this and region_keys."""
    candidates = table.candidates
    count = len(candidates)
    rows = np.fromiter(fields.row, dtype=np.int64, count=count)
    key_codes, keys, resolved = regions
    results = [resolved[key] for key in keys]
    region_of = objects([result.adcode for result in results])[key_codes]
    # in order of first appearance, as a row-by-row reading asks for them (the first names unknown get hints)
    templates = [region_problem.template(key, result) for key, result in zip(keys, results, strict=True)]
    region_wrong = np.array([template is not None for template in templates], dtype=bool)[key_codes]
    period_codes, raw_periods = by_identity(fields.period)
    periods: dict[tuple, tuple] = {}
    for raw in raw_periods:
        key = (type(raw).__name__, str(raw))
        if key not in periods:
            periods[key] = read_one_period(raw, hint, table.title_period, ctx.today)
    read = [periods[(type(raw).__name__, str(raw))] for raw in raw_periods]
    period_of = objects([period for period, _ in read])[period_codes]
    period_wrong = np.array([problem is not None for _, problem in read], dtype=bool)[period_codes]
    for position in np.flatnonzero(region_wrong | period_wrong).tolist():  # few: reported in row order
        candidate = candidates[position]
        template = templates[key_codes[position]]
        if template is not None:
            code, details = template
            report(Problem(code, candidate.row, "region", candidate.region, details))
        problem = read[period_codes[position]][1]
        if problem is not None:
            code, value, details = problem
            report(Problem(code, candidate.row, "period" if code != "missing_period" else None, value, details))
    usable = ~region_wrong & ~period_wrong  # region and quarter fine
    # in a quarter that contradicts the chosen one: nothing more to say
    refused = (~period_wrong & (period_of != hint)) if contradicted else np.zeros(count, dtype=bool)
    label_of = {c.index: c.label for c in table.columns}
    column_codes, columns = by_identity(fields.column)
    labels = objects([label_of[column.index] for column in columns])[column_codes]
    cell_codes, distinct_cells = by_identity(fields.cell)
    cell_text = objects([cell.text for cell in distinct_cells])[cell_codes]
    cell_blank = np.array([cell.blank for cell in distinct_cells], dtype=bool)[cell_codes]
    cell_percent_format = np.array([cell.percent_format for cell in distinct_cells], dtype=bool)[cell_codes]

    def located(code: str, positions, details=lambda position: {}) -> None:
        for position in positions:
            report(Problem(code, int(rows[position]), labels[position], cell_text[position], details(position)))

    indicators = objects(list(fields.indicator))
    unknown = np.equal(indicators, None) & ~refused
    hints: dict[str, str] = {}
    for position in np.flatnonzero(unknown):
        candidate = candidates[position]
        if candidate.indicator_text not in hints:
            hints[candidate.indicator_text] = table_hint(candidate.indicator_text, ctx)
        hint_words = hints[candidate.indicator_text]
        report(Problem("unknown_indicator", candidate.row, "indicator", candidate.indicator_text, {"hint": hint_words}))
    retired = retired_positions(indicators, ctx) & ~refused
    for position in first_of_each(indicators, retired):  # one word per indicator, not one per cell
        candidate = candidates[position]
        name = ctx.indicator_name(indicators[position])
        report(Problem("retired_indicator", candidate.row, labels[position], candidate.indicator_text, {"name": name}))
    live = ~unknown & ~refused & ~retired
    number, percent, reading_units, reading = parse_distinct(distinct_cells, cell_codes, live)
    located("not_finite", np.flatnonzero(live & (reading == NOT_FINITE)))
    located("not_a_number", np.flatnonzero(live & (reading == NOT_A_NUMBER)))
    if table.layout == "long" and not table.prefilled:  # a template's blank row is a figure not reported
        located("missing_value", np.flatnonzero(live & (reading == BLANK_CELL) & cell_blank))
    chosen = np.flatnonzero(live & usable & (reading == READ))
    written = reading_units[chosen]
    stated = np.equal(written, None)
    if stated.any():
        written[stated] = objects(fields.unit)[chosen[stated]]
    frame = pd.DataFrame(
        {
            "at": chosen,
            "indicator": pd.Series(indicators[chosen], dtype=object),
            "value": number[chosen],
            "percent": percent[chosen],
            "percent_format": cell_percent_format[chosen],
            "written": pd.Series(written, dtype=object),
        }
    )
    codes, distinct = pd.factorize(frame.indicator.to_numpy(dtype=object))  # the catalogue read once per indicator
    entries = [ctx.catalogue_rows.get(indicator) for indicator in distinct.tolist()] + [None]  # [-1]: no indicator

    def looked_up(field: str) -> pd.Series:
        return pd.Series(objects([np.nan if e is None else getattr(e, field) for e in entries])[codes], dtype=object)

    frame = frame.assign(expected=looked_up("unit"), kind=looked_up("kind"))
    names = {i: ctx.indicator_name(i) for i in frame.indicator.unique()}
    factors = per_pair(frame.written, frame.expected, unit_factor)
    is_rate = (frame.expected == "%").to_numpy(dtype=bool)
    written = frame.written.to_numpy(dtype=object)
    as_percent = ~is_rate & (frame.percent.to_numpy(dtype=bool) | frame.percent_format.to_numpy(dtype=bool))
    rate_unit_wrong = ~(np.equal(written, None) | (written == "%"))
    mismatch = np.where(is_rate, rate_unit_wrong, as_percent | np.isnan(factors)).astype(bool)
    at = frame["at"].to_numpy()
    for index in np.flatnonzero(mismatch):
        details = {
            "unit": "%" if as_percent[index] else written[index],
            "indicator": names[frame.indicator.iat[index]],
            "expected": frame.expected.iat[index],
        }
        located("unit_mismatch", [at[index]], lambda _, d=details: d)
    frame = frame.assign(factor=factors)[~mismatch].reset_index(drop=True)
    is_rate = (frame.expected == "%").to_numpy(dtype=bool)
    values = frame.value.to_numpy(dtype="float64").copy()
    scaled = ~is_rate & (frame.factor.to_numpy() != 1.0)
    with np.errstate(over="ignore"):  # 1e305 亿元 overflows to inf here, and is refused as too large below
        values[scaled] = [clean_float(v) for v in values[scaled] * frame.factor.to_numpy()[scaled]]
    if table.layout == "wide":
        group = np.array([column.index for column in columns], dtype=np.int64)[column_codes][frame["at"].to_numpy()]
    else:
        group = frame.indicator
    frame = frame.assign(value=values, group=group)
    frame = settle_rates(frame, located)
    frame = value_problems(frame, names, located)
    at = frame["at"].to_numpy()
    return pd.DataFrame(
        {
            "region": pd.Series(region_of[at], dtype=object),
            "indicator": pd.Series(frame.indicator.to_numpy(), dtype=object),
            "period": pd.Series(period_of[at], dtype=object),
            "value": frame.value.to_numpy(dtype="float64"),
            "row": rows[at],
            "column": pd.Series(labels[at], dtype=object),
            "raw": pd.Series(cell_text[at], dtype=object),
        },
        columns=OBSERVATION_COLUMNS,
    )


def check(table: Table, ctx: Context, period_hint: str | None) -> Checked:
    """Every candidate checked; the figures that passed, the errors and the warnings."""
    report = Reporter(list(table.problems))
    warnings: list[Problem] = []
    fields = by_field(table.candidates)
    key_codes, keys = region_keys(fields)
    resolved, home = resolve_regions(key_codes, keys, ctx.resolver)
    region_problem = RegionProblems(ctx.resolver, ctx.names, home)
    contradictions = period_contradictions(table, period_hint)
    for problem in contradictions:
        report(problem)
    if table.title_period and period_hint is None and any(not str(c.period or "").strip() for c in table.candidates):
        warnings.append(warning("period_from_title", value=table.title_period))
    observations = read_cells(
        table, fields, ctx, period_hint, report, (key_codes, keys, resolved), region_problem, bool(contradictions)
    )
    observations, duplicate_problems = drop_duplicates(observations)
    for problem in duplicate_problems:
        if problem.severity == "warning":
            warnings.append(problem)
        else:
            report(problem)
    cities = {r if ctx.levels.get(r) == "city" else ctx.parents.get(r) for r in set(observations.region)} - {None}
    stored = ctx.load_stored(set(observations.region), set(observations.period), cities)
    combined = over_stored(observations, stored.figures)
    coded = Keys.of(combined)
    for problem in rule_problems(observations, ctx, combined, coded):
        if problem.severity == "warning":
            warnings.append(problem)
        else:
            report(problem)
    warnings += part_warnings(observations, ctx, combined, stored.own)
    warnings += jump_warnings(observations, combined, coded)
    warnings += total_warnings(table, observations, ctx)
    warnings += city_warnings(observations, ctx, stored.own)
    warnings += level_warnings(observations, ctx)
    warnings += missing_county_warnings(observations, ctx)
    warnings += blank_template_rows(table)
    return Checked(observations, report.errors, warnings, set(observations.region))


def blank_template_rows(table: Table) -> list[Problem]:
    """The rows of a partly filled template left blank: not imported, and named so the clerk sees what is missing
    (a wholly blank template is refused as holding no figures, which says it all)."""
    if not table.prefilled:
        return []
    blank = [c for c in table.candidates if c.cell.blank and c.indicator]
    if len(blank) == len(table.candidates):
        return []
    return [
        warning("template_row_blank", row=c.row, column=c.column.label, details={"indicator": c.indicator_text})
        for c in blank
    ]


def table_hint(text: str, ctx: Context) -> str:
    names = sorted(set(ctx.catalogue.name_zh))
    close = difflib.get_close_matches(text, names, n=3, cutoff=0.5)
    if close:
        return f"是否为：{'、'.join(close)}？/ Did you mean: {', '.join(close)}?"
    return "请使用指标目录中的名称或代码。/ Use a name or id from the indicator catalogue."


def drop_duplicates(observations: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """One row per (region, indicator, period): identical repeats are dropped with a warning, different ones
    are an error naming both rows."""
    repeated = observations.duplicated(KEY, keep="first")
    if not repeated.any():
        return observations.reset_index(drop=True), []
    first = observations[~repeated]
    repeats = observations[repeated].merge(first, on=KEY, suffixes=("", "_first"), sort=False)
    repeats = repeats.sort_values("row", kind="stable")
    problems = []
    identical = (repeats.value - repeats.value_first).abs() < 1e-9
    for row, column, raw, first_row, first_raw, same in zip(
        repeats.row, repeats.column, repeats.raw, repeats.row_first, repeats.raw_first, identical, strict=True
    ):
        if same:
            problems.append(
                warning(
                    "identical_duplicate", row=int(row), column=column, value=raw, details={"other_row": int(first_row)}
                )
            )
        else:
            problems.append(
                Problem(
                    "conflicting_duplicate",
                    int(row),
                    column,
                    raw,
                    {"other_row": int(first_row), "other_value": first_raw},
                )
            )
    return first.reset_index(drop=True), problems


class Keys(NamedTuple):
    """The key columns of over_stored's frame as numbers, each column hashed once for every check that matches
    figures by key (merging on columns of strings hashed every string again, in each check)."""

    region: np.ndarray  # each row's code
    indicator: np.ndarray
    period: np.ndarray
    regions: list  # code → region
    indicators: list  # code → indicator
    periods: list  # code → quarter

    @classmethod
    def of(cls, combined: pd.DataFrame) -> "Keys":
        (region, regions), (indicator, indicators), (period, periods) = (
            pd.factorize(combined[column].to_numpy(dtype=object), use_na_sentinel=False) for column in KEY
        )
        return cls(region, indicator, period, regions.tolist(), indicators.tolist(), periods.tolist())

    def pairs(self) -> np.ndarray:
        """One number per (region, quarter)."""
        return self.region * (len(self.periods) + 1) + self.period


def over_stored(observations: pd.DataFrame, stored: pd.DataFrame) -> pd.DataFrame:
    """The file's figures over the stored ones, one row per (region, indicator, period): value and `at`, the
    figure's position in the file (-1 for a stored one)."""
    at = observations["at"].to_numpy() if "at" in observations else np.arange(len(observations))
    mine = observations[KEY + ["value"]].assign(at=at)
    if stored is None or stored.empty:
        return mine
    others = stored[KEY + ["value"]].dropna(subset=["value"])
    others = others[~keys_in(others, mine)].assign(at=-1)
    return pd.concat([mine, others], ignore_index=True)


def keys_in(frame: pd.DataFrame, other: pd.DataFrame) -> np.ndarray:
    """Which rows of frame have their (region, indicator, period) in other: a set of plain tuples, cheaper than a
    merge with indicator=True (or MultiIndex.isin) by tens of milliseconds of fixed cost per call."""
    wanted = set(zip(*(other[column].tolist() for column in KEY), strict=True))
    found = (key in wanted for key in zip(*(frame[column].tolist() for column in KEY), strict=True))
    return np.fromiter(found, dtype=bool, count=len(frame))


def mapped(values: pd.Series, mapping: dict) -> pd.Series:
    """values.map(mapping) (NaN where a value has no entry), looked up once per distinct value: Series.map first
    turns a dict of every region of the country into an index."""
    codes, uniques = pd.factorize(values)
    looked = objects([mapping.get(value, np.nan) for value in uniques] + [np.nan])
    return pd.Series(looked[codes], index=values.index, dtype=object)


def parts_of(combined: pd.DataFrame, pairs: pd.DataFrame, numerator: str, denominator: str) -> pd.DataFrame:
    """For each (region, period) in pairs: the numerator's and the denominator's figures and where they are."""

    def one(indicator: str, suffix: str) -> pd.DataFrame:
        part = combined.loc[combined.indicator == indicator, ["region", "period", "value", "at"]]
        return part.rename(columns={"value": f"value{suffix}", "at": f"at{suffix}"})

    return pairs.merge(one(numerator, "_num"), on=["region", "period"]).merge(
        one(denominator, "_den"), on=["region", "period"]
    )


# operator → (holds, its symbol, what a broken rule says in Chinese and English)
OPERATORS = {
    "<=": (lambda a, b: a <= b + 1e-9, "≤", ("大于", "is larger than")),
    "<": (lambda a, b: a < b, "<", ("不小于", "is not smaller than")),
    "=": (lambda a, b: np.abs(a - b) <= 1e-9, "=", ("不等于", "is not equal to")),
    ">=": (lambda a, b: a + 1e-9 >= b, "≥", ("小于", "is smaller than")),
    ">": (lambda a, b: a > b, ">", ("不大于", "is not larger than")),
}


def rule_side(text: str) -> list[str]:
    """A rule's side as indicator ids: 'members' or 'a + b' (a simple sum)."""
    return [part.strip() for part in str(text).split("+")]


def rule_problems(observations: pd.DataFrame, ctx: Context, combined: pd.DataFrame, keys: Keys) -> list[Problem]:
    """Every active validation rule (the validation_rules table) over the file's regions and quarters, with the
    stored figure standing in for one the file lacks; a side with a figure missing is not judged. An error rule
    refuses the file, a warning rule is shown. `combined` is over_stored(observations, …), whose first rows are the
    observations, and `keys` its Keys; (region, quarter) pairs are judged in the order of their names."""
    problems = []
    rules = ctx.rules if ctx.rules is not None else pd.DataFrame(columns=["status"])
    active = rules[rules.status == "active"]
    if active.empty or observations.empty:
        return problems
    mine = len(observations)
    indicator_code = {value: code for code, value in enumerate(keys.indicators)}
    pair_of = keys.pairs()
    region_rank, period_rank = (name_order(names) for names in (keys.regions, keys.periods))
    values, at = combined.value.to_numpy(dtype="float64"), combined["at"].to_numpy()
    rows, columns, raws = (observations[name].to_numpy() for name in ("row", "column", "raw"))
    for rule in active.itertuples(index=False):
        left, right = rule_side(rule.left_side), rule_side(rule.right_side)
        involved = list(dict.fromkeys(left + right))
        if rule.operator not in OPERATORS or any(i not in ctx._rows for i in involved):
            continue  # refused when the rule was imported; a database edited by hand is not judged on it
        column_of = np.full(len(indicator_code) + 1, -1, dtype=np.int64)  # indicator code → its place in involved
        for place, indicator in enumerate(involved):
            if indicator in indicator_code:
                column_of[indicator_code[indicator]] = place
        used = column_of[keys.indicator] >= 0
        wanted = np.unique(pair_of[:mine][used[:mine]])  # the pairs the file has a figure of the rule for
        if not len(wanted):
            continue
        part = np.flatnonzero(used & np.isin(pair_of, wanted))
        # one row per (region, quarter) in the order of their names, a column per involved indicator: combined holds
        # each figure once (the file's or else the stored one)
        first = part[np.unique(pair_of[part], return_index=True)[1]]
        named = first[np.lexsort((period_rank[keys.period[first]], region_rank[keys.region[first]]))]
        line_of = np.empty(int(pair_of.max()) + 1, dtype=np.int64)
        line_of[pair_of[named]] = np.arange(len(named))
        table = np.full((len(named), len(involved)), np.nan)
        found_at = np.full((len(named), len(involved)), np.nan)
        table[line_of[pair_of[part]], column_of[keys.indicator[part]]] = values[part]
        found_at[line_of[pair_of[part]], column_of[keys.indicator[part]]] = at[part]
        left_sum = table[:, [involved.index(i) for i in left]].sum(axis=1)
        right_sum = table[:, [involved.index(i) for i in right]].sum(axis=1)
        judged = ~np.isnan(left_sum) & ~np.isnan(right_sum)
        holds, _, broken_words = OPERATORS[rule.operator]
        broken = judged & ~holds(np.where(judged, left_sum, 0), np.where(judged, right_sum, 0))
        for line in np.flatnonzero(broken).tolist():
            positions = [int(a) for a in found_at[line].tolist() if a == a and a >= 0]  # a == a: not NaN
            if not positions:
                continue
            position = positions[0]
            names = [ctx.indicator_name(i) for i in left], [ctx.indicator_name(i) for i in right]
            side_text = [(" + ".join(n[0] for n in side), " + ".join(n[1] for n in side)) for side in names]
            problems.append(
                Problem(
                    "rule_broken",
                    int(rows[position]),
                    columns[position],
                    raws[position],
                    {
                        "rule": (rule.message_zh, rule.message_en),
                        "left": side_text[0],
                        "left_value": f"{left_sum[line]:g}",
                        "op": broken_words,
                        "right": side_text[1],
                        "right_value": f"{right_sum[line]:g}",
                    },
                    severity="error" if rule.severity == "error" else "warning",
                )
            )
    return problems


def name_order(names: list) -> np.ndarray:
    """Each name's place when the names are sorted."""
    ranks = np.empty(len(names), dtype=np.int64)
    ranks[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names))
    return ranks


def part_warnings(observations: pd.DataFrame, ctx: Context, combined: pd.DataFrame, own: pd.DataFrame) -> list[Problem]:
    """A rate (or a difference such as problems still open) reported directly that disagrees with the one its
    parts give: the dashboard computes it from the parts (the indicator_values view), so say so. Both ways: a rate
    in the file against parts in the file or the store, and parts in the file against a rate reported before."""
    problems = []
    derived_ones = ctx.catalogue[ctx.catalogue.aggregation.isin(["ratio", "difference"])]
    own = own if own is not None and not own.empty else pd.DataFrame(columns=KEY + ["value"])
    positions = observations.groupby("indicator", sort=False).indices  # each indicator's rows, compared once
    nowhere = np.array([], dtype=np.int64)
    own_rows = own.groupby("indicator", sort=False).indices
    for derived in derived_ones.itertuples(index=False):
        mine = positions.get(derived.id, nowhere)
        parts = np.sort(
            np.concatenate([positions.get(derived.numerator, nowhere), positions.get(derived.denominator, nowhere)])
        )
        if not len(mine) and not (len(parts) and derived.id in own_rows):
            continue  # neither the rate nor its parts with a rate reported before: nothing to compare
        in_file = observations.iloc[mine].assign(at=mine)
        with_parts = observations.iloc[parts]
        before = own.iloc[own_rows.get(derived.id, nowhere)][["region", "period", "value"]]
        before = before.merge(with_parts[["region", "period"]].drop_duplicates(), on=["region", "period"])
        before = before.merge(in_file[["region", "period"]], on=["region", "period"], how="left", indicator=True)
        before = before[before["_merge"] == "left_only"].drop(columns="_merge").assign(at=-1)
        reported = pd.concat([in_file[["region", "period", "value", "at"]], before], ignore_index=True)
        if reported.empty:
            continue
        pairs = reported[["region", "period"]].drop_duplicates()
        rows = reported.merge(
            parts_of(combined, pairs, derived.numerator, derived.denominator), on=["region", "period"]
        )
        if derived.aggregation == "ratio":
            rows = rows[rows.value_den != 0]
            computed = 100 * rows.value_num / rows.value_den
            off = (computed - rows.value).abs() > 0.5
            shown, code = computed.map(lambda v: f"{v:.1f}"), "rate_disagrees_with_parts"
        else:
            computed = rows.value_num - rows.value_den
            off = (computed - rows.value).abs() > 1e-6
            shown, code = computed.map(lambda v: f"{v:g}"), "difference_disagrees_with_parts"
        for r, text in zip(rows[off].itertuples(index=False), shown[off], strict=True):
            at = r.at if r.at >= 0 else (r.at_num if r.at_num >= 0 else r.at_den)  # the rate's row, else a part's
            where = observations.iloc[int(at)]
            problems.append(
                warning(
                    code,
                    row=int(where.row),
                    column=where.column,
                    value=where.raw,
                    details={"indicator": ctx.indicator_name(derived.id), "derived": text, "value": f"{r.value:g}"},
                )
            )
    return problems


JUMP_FACTOR = 3


def is_jump(value, previous):
    """A figure more than 3× or under ⅓ of the previous quarter's deserves a second look (arrays or Series): a drop
    to zero from a non-zero figure too; a missing figure, or a previous zero, is no jump."""
    with np.errstate(invalid="ignore"):
        return (previous != 0) & ((value > JUMP_FACTOR * previous) | (value < previous / JUMP_FACTOR))


def jump_warnings(observations: pd.DataFrame, combined: pd.DataFrame, keys: Keys) -> list[Problem]:
    """A figure more than 3× or under ⅓ of the previous quarter's deserves a second look. `combined` is
    over_stored(observations, …), whose first rows are the observations, and `keys` its Keys: each figure is matched
    to the previous quarter's by one number per (region, indicator, quarter)."""
    if observations.empty:
        return []
    region, indicator, period, periods = keys.region, keys.indicator, keys.period, keys.periods
    code_of = {value: code for code, value in enumerate(periods)}
    mine = len(observations)
    previous_of = np.full(len(periods), -1, dtype=np.int64)  # a quarter's code → the previous quarter's, -1: none
    for code in np.unique(period[:mine]).tolist():
        previous_of[code] = code_of.get(shift(periods[code], -1), -1)
    previous = previous_of[period[:mine]]
    indicators, quarters = int(indicator.max(initial=0)) + 1, len(periods) + 1  # + 1: room for "no quarter"
    key = (region * indicators + indicator) * quarters  # plus the quarter's code + 1
    pairs = pd.DataFrame({"key": key[:mine] + previous + 1, "left": np.arange(mine)}).merge(
        pd.DataFrame({"key": key + period + 1, "right": np.arange(len(combined))}), on="key"
    )
    left, right = pairs.left.to_numpy(), pairs.right.to_numpy()
    values, before = observations.value.to_numpy(dtype="float64")[left], combined.value.to_numpy(dtype="float64")[right]
    jumps = is_jump(values, before)
    jumped, before = left[jumps], before[jumps]
    order = np.argsort(observations.row.to_numpy()[jumped], kind="stable")
    rows, columns, raws = (observations[name].to_numpy()[jumped[order]].tolist() for name in ("row", "column", "raw"))
    return [
        warning("jump_from_previous", row=int(row), column=column, value=raw, details={"previous": f"{previous:g}"})
        for row, column, raw, previous in zip(rows, columns, raws, before[order].tolist(), strict=True)
    ]


def total_warnings(table, observations: pd.DataFrame, ctx: Context) -> list[Problem]:
    """A 合计 row is not imported; it is checked against the sum of the rows above it (a 小计 against the rows since
    the previous total)."""
    problems = []
    summable = set(ctx.catalogue.index[ctx.catalogue.aggregation == "sum"])
    measures = [c for c in table.columns if c.role == "measure" and c.indicator in summable]
    running = {}
    for column in measures:  # the rows above any row number: a sorted running sum per column
        mine = observations.loc[observations.column == column.label, ["row", "value"]].sort_values("row")
        running[column.label] = (mine.row.to_numpy(), np.concatenate([[0.0], mine.value.cumsum().to_numpy()]))
    previous_total = 0
    for total in table.totals:
        since = previous_total if total.label == "小计" else 0
        previous_total = total.row
        for column in measures:
            cell = total.cells.get(column.index)
            try:
                reading = read_number(cell.value) if cell is not None else None
            except NotANumber:
                continue
            if reading is None:
                continue
            rows, sums = running[column.label]
            expected = float(sums[np.searchsorted(rows, total.row)] - sums[np.searchsorted(rows, since, side="right")])
            factor = unit_factor(reading.unit or column.unit, ctx.catalogue.at[column.indicator, "unit"]) or 1.0
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


def city_warnings(observations: pd.DataFrame, ctx: Context, own: pd.DataFrame) -> list[Problem]:
    """A city's own figure that differs from the sum of all its counties' (the file's figures over the stored
    reports): the dashboard shows the city's own figure (the base_values view), so the preview says so."""
    summable = set(ctx.catalogue.index[ctx.catalogue.aggregation == "sum"])
    chosen = observations.indicator.isin(summable).to_numpy()
    mine = observations[chosen].assign(at=np.flatnonzero(chosen))
    if mine.empty:
        return []
    regions = set(mine.region.unique()) | (set(own.region.unique()) if own is not None and not own.empty else set())
    if all(ctx.levels.get(region) != "city" for region in regions):
        return []  # no city figure, in the file or stored, to hold against its counties
    mine = mine.assign(level=mapped(mine.region, ctx.levels), parent=mapped(mine.region, ctx.parents))
    touched = pd.concat(
        [
            mine.loc[mine.level == "city", KEY],
            mine.loc[mine.level == "county", ["parent", "indicator", "period"]].rename(columns={"parent": "region"}),
        ]
    ).drop_duplicates()
    if touched.empty:
        return []
    stored = own[KEY + ["value"]] if own is not None and not own.empty else pd.DataFrame(columns=KEY + ["value"])
    figures = over_stored(mine, stored)
    figures = figures.assign(level=mapped(figures.region, ctx.levels), parent=mapped(figures.region, ctx.parents))
    counties = figures[figures.level == "county"]
    counties = counties.assign(file_at=counties["at"].where(counties["at"] >= 0, np.inf))
    sums = county_sums(counties)
    sums = sums[sums.reported == sums.region.map(ctx.county_counts)]
    cities = figures.loc[figures.level == "city", KEY + ["value", "at"]]
    rows = touched.merge(cities, on=KEY).merge(sums, on=KEY)
    off = rows[(rows.value - rows.expected).abs() > 1e-6 * np.maximum(1.0, rows.expected.abs())]
    far = (off.value * CITY_FAR < off.expected) | (off.value > off.expected * CITY_FAR)
    problems = []
    for r, is_far in zip(off.itertuples(index=False), far, strict=True):
        in_file = r.at >= 0
        where = observations.iloc[int(r.at if in_file else r.first_at)]  # the city's row, else its first county's
        problems.append(
            warning(
                "city_far_from_counties" if is_far and in_file else "city_disagrees_with_counties",
                row=int(where.row),
                column=where.column,
                value=where.raw if in_file else None,
                details={
                    "region": ctx.name(r.region),
                    "indicator": ctx.indicator_name(r.indicator),
                    "value": f"{r.value:g}",
                    "expected": f"{r.expected:g}",
                },
            )
        )
    return sorted(problems, key=lambda p: p.row)


def county_sums(counties: pd.DataFrame) -> pd.DataFrame:
    """Per (parent, indicator, period) of the counties: their sum, how many reported, the first file position among
    them. Grouped by numbers rather than DataFrame.groupby, whose fixed cost (~10 ms) dominated a small file's check."""
    group = np.zeros(len(counties), dtype=np.int64)
    known = np.ones(len(counties), dtype=bool)
    for column in ("parent", "indicator", "period"):
        codes, uniques = pd.factorize(counties[column])
        known &= codes >= 0  # like groupby, a row with a missing key is left out
        group = group * (len(uniques) + 1) + codes + 1
    ids, _ = pd.factorize(group[known])
    count = int(ids.max()) + 1 if len(ids) else 0
    first = np.unique(ids, return_index=True)[1]
    kept = counties[known]
    first_at = np.full(count, np.inf)
    np.minimum.at(first_at, ids, kept["file_at"].to_numpy(dtype="float64"))
    return pd.DataFrame(
        {
            "region": pd.Series(kept.parent.to_numpy()[first], dtype=object),
            "indicator": pd.Series(kept.indicator.to_numpy()[first], dtype=object),
            "period": pd.Series(kept.period.to_numpy()[first], dtype=object),
            "expected": np.bincount(ids, weights=kept.value.to_numpy(dtype="float64"), minlength=count),
            "reported": np.bincount(ids, minlength=count),
            "first_at": first_at,
        }
    )


def level_warnings(observations: pd.DataFrame, ctx: Context) -> list[Problem]:
    """A row for a region at a level the federation does not report (a province, the country): held until someone
    says it is meant, one problem per file row."""
    if all(ctx.levels.get(region) in REPORTED_LEVELS for region in observations.region.unique()):
        return []  # the usual file: every region a city or a county
    levels = mapped(observations.region, ctx.levels)
    outside = observations[levels.notna() & ~levels.isin(REPORTED_LEVELS)].drop_duplicates("row")
    return [
        warning("level_not_reported", row=int(r.row), column="地区", value=ctx.name(r.region),
                details={"region": ctx.name(r.region)})
        for r in outside.sort_values("row", kind="stable").itertuples(index=False)
    ]  # fmt: skip


def missing_county_warnings(observations: pd.DataFrame, ctx: Context) -> list[Problem]:
    """For each city whose counties the file reports, a county that reported last quarter but not now."""
    problems = []
    reporting = ctx.stored.reporting if ctx.stored else {}
    if not any(reporting.values()):
        return problems  # no county reported before: none can be missing now
    for period, group in observations.groupby("period"):
        previous = shift(period, -1)
        regions = group.region.unique()
        present = set(regions) | reporting.get(period, set())
        cities = {ctx.parents.get(r) for r in regions} - {None}
        for county in sorted(reporting.get(previous, set())):
            if ctx.parents.get(county) in cities and county not in present:
                problems.append(
                    warning(
                        "county_missing",
                        details={"county": ctx.name(county), "previous_period": previous, "period": period},
                    )
                )
    return problems
