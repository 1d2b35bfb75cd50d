"""What a view compares: the Selection every function of the read model takes whole, and the one way it is built
from a link's parameters (each value checked). No streamlit here."""

from collections.abc import Mapping
from dataclasses import dataclass, replace

from unionbench.i18n import LANGUAGES

# Each fixed reference and peer scope with the catalogue key of its name (written out, so a translator's tools find it).
REFERENCE_KEYS = {"average": "reference_average", "best": "reference_best", "p90": "reference_p90"}
REFERENCES = tuple(REFERENCE_KEYS)  # or one reference region's adcode
SCOPE_KEYS = {
    "counties": "scope_counties",
    "province_counties": "scope_province_counties",
    "province_cities": "scope_province_cities",
    "benchmark_cities": "scope_benchmark_cities",
    "benchmark_counties": "scope_benchmark_counties",
}
SCOPES = tuple(SCOPE_KEYS)
LANGS = LANGUAGES  # the languages the product speaks (one line each in unionbench.i18n)


class UnknownReference(ValueError):
    """A reference that is neither average, best, p90 nor one of the regions the home is compared with."""


@dataclass(frozen=True)
class Selection:
    """What a view compares: the home region (a city or a county), the benchmark set, the quarter, the reference
    (average | best | p90 | a reference region's adcode), the peers ranked (scope; by default the home city's
    counties for a county, the home and its benchmark cities for a city), whether rankings and maps show figures
    per 10,000 workers, and the language."""

    home: str
    benchmark: str
    period: str
    reference: str = "average"
    scope: str | None = None
    per_10k: bool = True
    lang: str = "zh"

    def __post_init__(self):
        if self.scope is not None and self.scope not in SCOPES:
            raise ValueError(f"unknown peer scope {self.scope!r}; expected one of {SCOPES}")

    @classmethod
    def default(cls, settings, homes, sets, period: str = "", lang: str = "zh") -> "Selection":
        """The view the federation's settings open on (`settings`: its home, benchmark and reference): the home and
        the set when among `homes` and `sets` (those a view can show; else the first of each), the reference when
        it is one any set has (a region as reference belongs to one set's cities: else the average)."""
        home = settings.home if settings.home in homes else next(iter(homes))
        benchmark = settings.benchmark if settings.benchmark in sets else next(iter(sets))
        reference = settings.reference if settings.reference in REFERENCES else "average"
        return cls(home, benchmark, period, reference, lang=lang)

    def with_home(self, home: str) -> "Selection":
        """The same view for another region (a county clicked on the map); a region-specific reference is reset."""
        keep = self.reference if self.reference in REFERENCES else "average"
        return replace(self, home=home, reference=keep, scope=None)


def selection_from_params(
    params: Mapping[str, str], defaults: Selection, homes: set[str], sets: set[str], periods: list[str]
) -> tuple[Selection, list[str]]:
    """A Selection from link parameters, every value checked: a bad or unknown one falls back to the default and is
    named in the returned notes (never an exception). `homes`, `sets` and `periods` are the allowed values."""
    notes: list[str] = []

    def pick(key: str, allowed, default):
        raw = params.get(key)
        if raw is None or raw == "":
            return default
        value = str(raw)[:64]
        if value in allowed:
            return value
        notes.append(key)
        return default

    home = pick("home", homes, defaults.home)
    benchmark = pick("bench", sets, defaults.benchmark)
    period = pick("period", set(periods), defaults.period)
    lang = pick("lang", set(LANGS), defaults.lang)
    scope = pick("scope", set(SCOPES), defaults.scope)
    reference = str(params.get("reference") or defaults.reference)[:16]
    if not (reference in REFERENCES or (reference.isdigit() and len(reference) == 6)):
        notes.append("reference")
        reference = defaults.reference
    per_10k = str(params.get("per10k", "1" if defaults.per_10k else "0")) != "0"
    return Selection(home, benchmark, period, reference, scope, per_10k, lang), notes
