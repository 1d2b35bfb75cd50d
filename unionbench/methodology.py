"""Every formula the pages use, in plain words (catalogue messages "method.…"): the methodology page shows these, then
the exact rules from the analysis functions' own docstrings, so the words and the code cannot drift apart."""

from dataclasses import dataclass

from unionbench import analysis, compare, similar


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
    compare.basis_of,
    compare.reference_regions,
    similar.similar_peers,
    compare.shared_period,
    compare.verdict_of,
    compare.is_small,
    compare.strengths_and_weaknesses,
    *analysis.METHODS,
)
