"""A warm cache for the views people open first: when the server reads a new snapshot (at start, and after every
publish), a background thread computes the default views' answers through the same cached calls the pages make
(components/data.read), so the first visitor after a publish finds them ready instead of every session waiting
on the same computation. Every answer is keyed by the new data version: nothing stale can be served."""

import logging
import threading
import time
from dataclasses import replace

import duckdb

from components import data
from unionbench import settings as settings_core
from unionbench.periods import year_of
from unionbench.read import comparison, drilldown, rankings, series, targets, views
from unionbench.read import quarters as read_quarters
from unionbench.read.selection import Selection
from unionbench.store import Store

LANGUAGES = ("zh", "en")  # the default language first: most visitors open the dashboard in it

log = logging.getLogger("unionbench.warm")  # the project's logger: its records reach the server's log
_started: set[str] = set()
_started_lock = threading.Lock()


def warm_in_background(store: Store, version: str) -> threading.Thread | None:
    """Start warming `version` (once per process and version); returns the thread, or None if already started."""
    with _started_lock:
        if version in _started:
            return None
        _started.add(version)
    thread = threading.Thread(target=warm, args=(store, version), name=f"warm {version}", daemon=True)
    thread.start()
    return thread


def warm(store: Store, version: str, earlier_quarters: int | None = None) -> None:
    """The default views (the federation's home city and benchmark set, its newest quarter, the first indicator)
    of every analysis page, in each language; then the same views for every earlier quarter of the home, newest
    first, in the default language: the quarter is the filter people move most, and a room of people clicking
    through quarters would otherwise each wait on a computation (a fifth of a second of the one core the interpreter
    lock leaves a server) that the warm-up does once. `earlier_quarters` stops after that many earlier quarters."""
    started = time.perf_counter()
    try:
        earlier = []
        for lang in LANGUAGES:
            earlier = default_views(store, version, lang)[:earlier_quarters]
        for period in earlier:
            default_views(store, version, LANGUAGES[0], period)
    except (duckdb.InterruptException, duckdb.ConnectionException):  # the snapshot closed under it: a server stopping
        log.info("warming the page cache for %s stopped: its snapshot was closed", version)
        return
    except Exception:  # a warm-up is only ever a head start: the page computes what is missing and shows errors
        log.exception("warming the page cache for %s failed", version)
        return
    log.info("page cache warm for %s: %d quarters in %.1f s", version, len(earlier) + 1, time.perf_counter() - started)


def default_views(store: Store, version: str, lang: str, period: str | None = None) -> list[str]:
    """The reads the pages make for their default view (in `period`, by default the home's newest), argument for
    argument as the pages and shared_filters build them (a different argument would be a different cache entry;
    tests/test_warm.py checks they hit). Returns the home's other quarters, newest first."""

    def read(function, *args):
        return data.read(store, version, function, *args)

    status = read(views.data_status)
    found = read(settings_core.read_settings)
    homes = read(views.home_regions, lang)
    if not status["observations"] or found.home not in homes:
        return []
    set_names = read(views.set_names, lang)
    default = Selection.default(found, homes, set_names, lang=lang)  # as filters.shared_filters opens
    home = default.home
    quarters = read(read_quarters.quarters, home)
    period = period or quarters.newest
    if period is None:
        return []
    catalogue = read(views.catalogue, lang)
    scored = [i for i, ind in catalogue.items() if ind.direction != "neutral"]
    indicator = catalogue[scored[0]]
    reference = read(comparison.applicable_reference, default, found.reference)
    plain = replace(default, period=period, reference=reference, per_10k=False)  # pages without the toggle
    selection = replace(plain, per_10k=indicator.per_capita_base is not None)  # the per-10,000 toggle's default
    for shown in (selection, plain):  # every page's quarter notes
        read(read_quarters.partly_reported, shown)
    counties = replace(selection, scope="counties")
    cities = read(comparison.peer_regions, replace(selection, scope="benchmark_cities"))
    regions = read(comparison.peer_regions, counties)
    # overview, map, rankings
    read(comparison.comparison, selection)
    ranking = read(rankings.indicator_ranking, counties, indicator)
    if ranking["figure"].notna().any():  # the map's profile opens on the home city, among its benchmark cities
        read(rankings.region_profile, replace(selection, scope="benchmark_cities", reference="average"), home)
    data.composite_ranking(store, version, selection, regions, {i: 1.0 for i in scored})
    # trends: the first four regions in view (the home city, its benchmark cities, its counties), twelve quarters
    in_view = [*cities, *regions]
    read(views.region_names, tuple(in_view), lang)
    read(series.series, selection, in_view[:4], indicator, 12)
    read(series.changes, selection, tuple(in_view[:4]), (indicator,))
    # gaps and targets
    read(comparison.peer_regions, replace(plain, scope="counties"))
    read(comparison.peer_regions, replace(plain, scope="benchmark_cities"))
    rows = data.comparison_with_change(store, version, plain)
    data.strengths_weaknesses(store, version, plain)
    read(drilldown.profile_scores, plain)
    if rows.set_index("indicator").loc[indicator.id].judged:  # the gaps page's county contributions
        data.county_contributions(store, version, plain, indicator.id)
    read(targets.progress_rows, plain)
    data.targets_template(store, version, home, year_of(period), lang)  # the targets page's download, an xlsx
    return [p for p in quarters.periods if p != period]
