"""Every formula the pages use, in plain words (catalogue messages "method.…"): the methodology page shows these, then
the exact rules from the functions' own docstrings with the source that runs, so the words and the code cannot
drift apart."""

import inspect
from dataclasses import dataclass

from unionbench.read import analysis, comparison, similar, targets
from unionbench.store import load_query


@dataclass(frozen=True)
class Section:
    """A section's title and plain-words body, as catalogue keys (locales/*/messages.po)."""

    title: str
    body: str


SECTIONS = (
    Section("method.rates_roll_ups.title", "method.rates_roll_ups.body"),
    Section("method.basis_comparison.title", "method.basis_comparison.body"),
    Section("method.like_like.title", "method.like_like.body"),
    Section("method.benchmark_values.title", "method.benchmark_values.body"),
    Section("method.which_quarter_benchmark.title", "method.which_quarter_benchmark.body"),
    Section("method.gaps_verdicts.title", "method.gaps_verdicts.body"),
    Section("method.small_numbers.title", "method.small_numbers.body"),
    Section("method.how_numbers_are.title", "method.how_numbers_are.body"),
    Section("method.stocks_flows_their.title", "method.stocks_flows_their.body"),
    Section("method.trend_catch_up.title", "method.trend_catch_up.body"),
    Section("method.quarters_reporting.title", "method.quarters_reporting.body"),
    Section("method.rankings_composite_index.title", "method.rankings_composite_index.body"),
    Section("method.county_contributions_targets.title", "method.county_contributions_targets.body"),
    Section("method.similar_places_custom.title", "method.similar_places_custom.body"),
)

# The exact rules, as the functions state them (English): shown under the plain-words sections.
RULES = (
    comparison.basis_of,
    comparison.reference_regions,
    similar.similar_peers,
    comparison.shared_period,
    comparison.verdict_of,
    comparison.is_small,
    comparison.strengths_and_weaknesses,
    *analysis.METHODS,
    targets.target_progress,
)
# The rules read in SQL (the p90 reference: quantile_cont over the province's field), shown with their header.
QUERIES = ("reference_levels",)


@dataclass(frozen=True)
class Rule:
    title: str
    words: str
    source: str
    language: str


def shown_rules() -> list[Rule]:
    """Each rule as the page shows it: its name, its rule in words (the docstring, or a query's header comment) and
    the source that runs (inspect.getsource of the function the rows are computed with, or the query's text)."""
    rules = [
        Rule(f"{f.__module__.split('.')[-1]}.{f.__name__}", inspect.getdoc(f) or "", inspect.getsource(f), "python")
        for f in RULES
    ]
    for name in QUERIES:
        text = load_query(name)
        header = "\n".join(line[3:] for line in text.splitlines() if line.startswith("-- "))
        rules.append(Rule(f"queries/{name}.sql", header, text, "sql"))
    return rules
