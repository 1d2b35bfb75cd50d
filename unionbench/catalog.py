"""The indicator catalogue and the benchmark sets: data files, checked, loaded into the store, read back."""

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from unionbench.paths import BENCHMARK_SETS_CSV, INDICATORS_CSV, VALIDATION_RULES_CSV

KINDS = {"count", "amount", "rate", "people"}
DIRECTIONS = {"higher", "lower", "neutral"}
AGGREGATIONS = {"sum", "ratio", "difference"}
RULES = {"members", "province_average", "province_best"}


def read_indicators(path: Path = INDICATORS_CSV) -> pd.DataFrame:
    """data/indicators.csv as a frame, one row per indicator, in display order."""
    frame = pd.read_csv(path, dtype=str, encoding="utf-8")  # empty cells are missing (NaN), read with text_or_none
    frame["amber_band"] = frame["amber_band"].astype(float)
    frame["headline"] = frame["headline"].map({"1": True, "0": False})
    frame["structural"] = frame["structural"].map({"1": True, "0": False})  # a size figure peers share
    frame["decimals"] = frame["decimals"].astype(int)
    frame["sort_order"] = frame["sort_order"].astype(int)
    return frame.sort_values("sort_order").reset_index(drop=True)


def catalogue_problems(frame: pd.DataFrame) -> list[str]:
    """Every way the catalogue breaks its own rules; empty when it is sound."""
    problems = []
    ids = set(frame["id"])
    if frame["id"].duplicated().any():
        problems.append(f"duplicate ids: {sorted(frame.loc[frame['id'].duplicated(), 'id'])}")
    for row in frame.itertuples():
        for column in ("name_zh", "name_en", "unit", "unit_en", "description_zh", "description_en"):
            if not text_or_none(getattr(row, column)):
                problems.append(f"{row.id}: {column} is empty")
        if row.stock_flow not in ("stock", "flow"):
            problems.append(f"{row.id}: stock_flow {row.stock_flow!r} is neither 'stock' nor 'flow'")
        if row.headline not in (True, False):
            problems.append(f"{row.id}: headline must be 1 or 0")
        if row.structural not in (True, False):
            problems.append(f"{row.id}: structural must be 1 or 0")
        elif row.structural and (row.aggregation != "sum" or row.kind == "rate"):
            problems.append(f"{row.id}: a structural figure is a summed size (a count or people), not a rate")
        if row.kind not in KINDS:
            problems.append(f"{row.id}: kind {row.kind!r} not in {sorted(KINDS)}")
        if row.direction not in DIRECTIONS:
            problems.append(f"{row.id}: direction {row.direction!r} not in {sorted(DIRECTIONS)}")
        if row.aggregation not in AGGREGATIONS:
            problems.append(f"{row.id}: aggregation {row.aggregation!r} not in {sorted(AGGREGATIONS)}")
        derived = row.aggregation in ("ratio", "difference")
        for part in map(text_or_none, (row.numerator, row.denominator)):
            if derived and part not in ids:
                problems.append(f"{row.id}: {row.aggregation} refers to unknown indicator {part!r}")
            if not derived and part:
                problems.append(f"{row.id}: a summed indicator has no numerator or denominator")
        if row.aggregation == "ratio" and (row.kind != "rate" or row.unit != "%"):
            problems.append(f"{row.id}: a ratio is a rate in %")
        base = text_or_none(row.per_capita_base)
        if base and base not in ids:
            problems.append(f"{row.id}: per-capita base {row.per_capita_base!r} is not an indicator")
    return problems


def read_validation_rules(path: Path = VALIDATION_RULES_CSV) -> pd.DataFrame:
    """data/validation_rules.csv as a frame: the cross-checks a new database starts with."""
    return pd.read_csv(path, dtype=str, encoding="utf-8", keep_default_na=False)


def read_benchmark_sets(path: Path = BENCHMARK_SETS_CSV) -> tuple[pd.DataFrame, pd.DataFrame]:
    """data/benchmark_sets.csv as (sets, members)."""
    sets = pd.read_csv(path, dtype=str, encoding="utf-8")
    sets["sort_order"] = sets["sort_order"].astype(int)
    members = [(row.id, code) for row in sets.itertuples() for code in (text_or_none(row.members) or "").split()]
    return sets, pd.DataFrame(members, columns=["set_id", "adcode"])


def benchmark_set_problems(sets: pd.DataFrame, members: pd.DataFrame, adcodes: set[str]) -> list[str]:
    """Every benchmark set that cannot be computed: unknown rule, missing members or scope, unknown regions."""
    problems = []
    for row in sets.itertuples():
        own = members.loc[members.set_id == row.id, "adcode"]
        if row.rule not in RULES:
            problems.append(f"{row.id}: rule {row.rule!r} not in {sorted(RULES)}")
        elif row.rule == "members" and own.empty:
            problems.append(f"{row.id}: a members set needs members")
        elif row.rule != "members" and text_or_none(row.scope) not in adcodes:
            problems.append(f"{row.id}: scope {row.scope!r} is not a region")
        problems += [f"{row.id}: member {code} is not a region" for code in own if code not in adcodes]
    return problems


@dataclass(frozen=True)
class Indicator:
    """One catalogue row, with its names in the chosen language."""

    id: str
    name: str
    unit: str
    group: str
    direction: str
    aggregation: str
    stock_flow: str
    per_capita_base: str | None
    decimals: int
    amber_band: float  # % of the benchmark; percentage points for a rate
    description: str
    kind: str = "count"
    numerator: str | None = None
    denominator: str | None = None
    headline: bool = False  # a tile on the overview and the wall screen
    structural: bool = False  # a size figure similar peers are found by

    @property
    def is_rate(self) -> bool:
        return self.kind == "rate"


def text_or_none(value) -> str | None:
    """A catalogue cell as text, or None when empty (pandas may hand an empty cell back as None or NaN)."""
    return value if isinstance(value, str) and value.strip() else None


def indicator_from_row(row: pd.Series, words: dict[str, str] | None = None) -> Indicator:
    """An Indicator from a catalogue row, its name, unit, group and description the `words` given (in a language,
    from unionbench.names), else the row's official Chinese texts."""
    words = words or {"name": row["name_zh"], "unit": row["unit"], "group": row["group_zh"],
                      "description": row["description_zh"]}  # fmt: skip
    return Indicator(
        id=row["id"],
        name=words["name"],
        unit=words["unit"],
        group=words["group"],
        direction=row["direction"],
        aggregation=row["aggregation"],
        stock_flow=row["stock_flow"],
        per_capita_base=text_or_none(row["per_capita_base"]),
        decimals=int(row["decimals"]),
        amber_band=float(row["amber_band"]),
        description=words["description"],
        kind=row["kind"],
        numerator=text_or_none(row["numerator"]),
        denominator=text_or_none(row["denominator"]),
        headline=bool(row.get("headline", False)),
        structural=bool(row.get("structural", False)),
    )


def common_base(indicators: dict[str, Indicator]) -> str | None:
    """The per-capita base most indicators use (workers in the shipped catalogue): what a figure without a base of
    its own is spread over, and whose count a briefing quotes. None when no indicator has a base."""
    bases = Counter(ind.per_capita_base for ind in indicators.values() if ind.per_capita_base)
    return bases.most_common(1)[0][0] if bases else None
