"""Cached access to the core's views. Every cache key includes the data version, so a commit shows at once."""

import streamlit as st

from unionbench import compare, explorer, gaps, ingest, peers, templates, views
from unionbench import series as trend_series
from unionbench.catalog import Indicator
from unionbench.ingest import review
from unionbench.store import Store


@st.cache_data(max_entries=32, show_spinner=False)
def catalogue(_store: Store, version: str, lang: str) -> dict[str, Indicator]:
    return views.catalogue(_store, lang)


@st.cache_data(max_entries=32, show_spinner=False)
def benchmark_sets(_store: Store, version: str):
    return views.benchmark_sets(_store)


@st.cache_data(max_entries=32, show_spinner=False)
def periods(_store: Store, version: str, region: str) -> list[str]:
    return views.periods_with_data(_store, region)


@st.cache_data(max_entries=32, show_spinner=False)
def region_name(_store: Store, version: str, adcode: str) -> str:
    return views.region_names(_store, [adcode]).get(adcode, adcode)


@st.cache_data(max_entries=128, show_spinner=False)
def comparison(_store: Store, version: str, selection: compare.Selection):
    """The read model's rows for a selection (unionbench.compare): every comparison a page shows."""
    return compare.comparison(_store, selection)


@st.cache_data(max_entries=64, show_spinner=False)
def gaps_to_each_member(_store: Store, version: str, selection: compare.Selection, indicator: str):
    return compare.gaps_to_each_member(_store, selection, indicator)


@st.cache_data(max_entries=32, show_spinner=False)
def uploads(_store: Store, version: str):
    return views.uploads(_store)


@st.cache_data(max_entries=32, show_spinner=False)
def latest_period(_store: Store, version: str, region: str) -> str | None:
    found = periods(_store, version, region)
    return found[0] if found else None


@st.cache_data(max_entries=4, show_spinner=False)
def prepared_file(_store: Store, version: str, data: bytes, file_name: str, period: str | None, today):
    """A file read and checked once per data version (a rerun of the page does not read it again)."""
    return ingest.prepare(data, file_name, _store, period, today)


@st.cache_data(max_entries=4, show_spinner=False)
def upload_preview(_store: Store, version: str, _prepared: ingest.Prepared, sha256: str, period: str | None):
    return ingest.preview(_store, _prepared)


@st.cache_data(max_entries=4, show_spinner=False)
def upload_review(
    _store: Store, version: str, _prepared: ingest.Prepared, _preview: ingest.Preview, sha256: str, period, lang: str
):
    """The preview's rows a clerk checks (issue 14 item 4), in the page's language."""
    return review.review_rows(_store, _prepared.observations, _preview.changes, lang)


@st.cache_data(max_entries=16, show_spinner=False)
def template_files(_store: Store, version: str, home: str, period: str, lang: str) -> dict[str, bytes]:
    return templates.template_files(_store, home, period, lang)


@st.cache_data(max_entries=8, show_spinner=False)
def home_regions(_store: Store, version: str) -> dict[str, str]:
    return views.home_regions(_store)


@st.cache_data(max_entries=64, show_spinner=False)
def peer_regions(_store: Store, version: str, scope: str, home: str, set_id: str) -> tuple[str, ...]:
    return tuple(peers.peer_regions(_store, scope, home, set_id))


@st.cache_data(max_entries=64, show_spinner=False)
def region_profile(
    _store: Store, version: str, home: str, set_id: str, period: str, scope: str | None, lang: str, region: str
):
    """compare's rows for `region`, ranked among the peers of (home, scope): peers.region_profile."""
    return peers.region_profile(_store, peers.selection(home, set_id, period, scope, True, lang), region)


@st.cache_data(max_entries=64, show_spinner=False)
def indicator_ranking(
    _store: Store,
    version: str,
    home: str,
    set_id: str,
    period: str,
    scope: str | None,
    indicator: Indicator,
    per_10k: bool,
    lang: str,
):
    """Every peer of (home, scope) ranked on one indicator: peers.indicator_ranking."""
    return peers.indicator_ranking(_store, peers.selection(home, set_id, period, scope, per_10k, lang), indicator)


@st.cache_data(max_entries=64, show_spinner=False)
def composite_ranking(
    _store: Store,
    version: str,
    regions: tuple[str, ...],
    period: str,
    lang: str,
    weights: tuple,
    home: str | None = None,
):
    return peers.composite_ranking(_store, list(regions), period, lang, dict(weights) or None, home)


@st.cache_data(max_entries=64, show_spinner=False)
def region_names(_store: Store, version: str, adcodes: tuple[str, ...]) -> dict[str, str]:
    return views.region_names(_store, list(adcodes))


@st.cache_data(max_entries=64, show_spinner=False)
def series(
    _store: Store, version: str, regions: tuple[str, ...], indicator: Indicator, last: str, count: int, per_10k: bool
):
    return trend_series.series(_store, list(regions), indicator, last, count, per_10k)


@st.cache_data(max_entries=64, show_spinner=False)
def changes(_store: Store, version: str, regions: tuple[str, ...], indicators: tuple[Indicator, ...], period: str):
    return trend_series.changes(_store, list(regions), list(indicators), period)


@st.cache_data(max_entries=16, show_spinner=False)
def explorer_table(
    _store: Store, version: str, regions: tuple, indicators: tuple, first: str, last: str, provenance: bool
):
    return explorer.explorer_table(_store, list(regions), list(indicators), first, last, provenance)


@st.cache_data(max_entries=16, show_spinner=False)
def target_progress(_store: Store, version: str, city: str, period: str, lang: str):
    return views.target_progress(_store, city, period, lang)


@st.cache_data(max_entries=8, show_spinner=False)
def data_status(_store: Store, version: str) -> dict:
    return views.data_status(_store)


@st.cache_data(max_entries=32, show_spinner=False)
def county_contributions(_store: Store, version: str, selection: compare.Selection, indicator: str):
    return gaps.county_contributions(_store, selection, indicator, comparison(_store, version, selection))


@st.cache_data(max_entries=32, show_spinner=False)
def profile_scores(_store: Store, version: str, home: str, set_id: str, period: str):
    return gaps.profile_scores(_store, home, set_id, period)


@st.cache_data(max_entries=64, show_spinner=False)
def strengths_weaknesses(_store: Store, version: str, selection: compare.Selection):
    """The rows furthest ahead and behind (compare.strengths_and_weaknesses), once per selection."""
    return compare.strengths_and_weaknesses(comparison(_store, version, selection))


@st.cache_data(max_entries=32, show_spinner=False)
def counties_comparison(_store: Store, version: str, selection: compare.Selection):
    """Each county of the home city against the benchmark cities' counties (the wall screen's map and ranking)."""
    return compare.counties_comparison(_store, selection)


@st.cache_data(max_entries=64, show_spinner=False)
def trend_lines(_store: Store, version: str, selection: compare.Selection, indicator: str):
    return compare.trend_lines(_store, selection, indicator)
