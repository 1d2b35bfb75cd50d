"""Cached access to the core's views. Every cache key includes the data version, so a commit shows at once."""

import streamlit as st

from unionbench import custom_sets as sets_core
from unionbench import ingest, reporting, target_import, target_template, templates
from unionbench import settings as settings_core
from unionbench.catalog import Indicator
from unionbench.ingest import review
from unionbench.read import comparison as read_comparison
from unionbench.read import drilldown, explorer, quarters, rankings, similar, views
from unionbench.read import series as trend_series
from unionbench.read.selection import Selection
from unionbench.read.targets import progress_rows
from unionbench.store import Store


@st.cache_data(max_entries=32, show_spinner=False)
def catalogue(_store: Store, version: str, lang: str) -> dict[str, Indicator]:
    return views.catalogue(_store, lang)


@st.cache_data(max_entries=32, show_spinner=False)
def benchmark_sets(_store: Store, version: str):
    return views.benchmark_sets(_store)


@st.cache_data(max_entries=32, show_spinner=False)
def periods(_store: Store, version: str, region: str) -> list[str]:
    """Every quarter in which the region or any of its counties has figures, newest first."""
    return views.periods_with_data(_store, region)


@st.cache_data(max_entries=32, show_spinner=False)
def region_quarters(_store: Store, version: str, region: str) -> quarters.Quarters:
    return quarters.quarters(_store, region)


@st.cache_data(max_entries=32, show_spinner=False)
def partly_reported(_store: Store, version: str, region: str, period: str | None, lang: str):
    return quarters.partly_reported(_store, region, period, lang)


@st.cache_data(max_entries=32, show_spinner=False)
def region_name(_store: Store, version: str, adcode: str, lang: str = "zh") -> str:
    return views.region_names(_store, [adcode], lang).get(adcode, adcode)


@st.cache_data(max_entries=128, show_spinner=False)
def comparison(_store: Store, version: str, selection: Selection):
    """The read model's rows for a selection (unionbench.read.comparison): every comparison a page shows."""
    return read_comparison.comparison(_store, selection)


@st.cache_data(max_entries=64, show_spinner=False)
def comparison_with_change(_store: Store, version: str, selection: Selection):
    """The rows with the gap's change on last quarter: the gap page's table and the wall screen's headline."""
    return read_comparison.comparison_with_change(_store, selection)


@st.cache_data(max_entries=64, show_spinner=False)
def gaps_to_each_member(_store: Store, version: str, selection: Selection, indicator: str):
    return read_comparison.gaps_to_each_member(_store, selection, indicator)


@st.cache_data(max_entries=32, show_spinner=False)
def uploads(_store: Store, version: str):
    return views.uploads(_store)


@st.cache_data(max_entries=32, show_spinner=False)
def latest_period(_store: Store, version: str, region: str) -> str | None:
    """The region's own newest quarter (a quarter only some of its counties have reported is not yet the city's)."""
    return region_quarters(_store, version, region).newest


@st.cache_data(max_entries=4, show_spinner=False)
def upload_preview(_store: Store, version: str, _prepared: ingest.Prepared, sha256: str, period: str | None):
    return ingest.preview(_store, _prepared)


@st.cache_data(max_entries=4, show_spinner=False)
def upload_review(
    _store: Store, version: str, _prepared: ingest.Prepared, _preview: ingest.Preview, sha256: str, period, lang: str
):
    """The preview's rows a clerk checks, in the page's language."""
    return review.review_rows(_store, _prepared.observations, _preview.changes, lang)


@st.cache_data(max_entries=16, show_spinner=False)
def template_files(_store: Store, version: str, home: str, period: str, lang: str) -> dict[str, bytes]:
    return templates.template_files(_store, home, period, lang)


@st.cache_data(max_entries=8, show_spinner=False)
def home_regions(_store: Store, version: str, lang: str = "zh") -> dict[str, str]:
    return views.home_regions(_store, lang)


@st.cache_data(max_entries=64, show_spinner=False)
def peer_regions(_store: Store, version: str, sel: Selection) -> tuple[str, ...]:
    """The regions of the selection's peer scope (read_comparison.peer_regions)."""
    return tuple(read_comparison.peer_regions(_store, sel))


@st.cache_data(max_entries=64, show_spinner=False)
def region_profile(_store: Store, version: str, sel: Selection, region: str):
    """The comparison rows for `region`, ranked among the selection's peers: rankings.region_profile."""
    return rankings.region_profile(_store, sel, region)


@st.cache_data(max_entries=64, show_spinner=False)
def indicator_ranking(_store: Store, version: str, sel: Selection, indicator: Indicator):
    """Every peer of the selection ranked on one indicator: rankings.indicator_ranking."""
    return rankings.indicator_ranking(_store, sel, indicator)


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
    return rankings.composite_ranking(_store, list(regions), period, lang, dict(weights) or None, home)


@st.cache_data(max_entries=64, show_spinner=False)
def region_names(_store: Store, version: str, adcodes: tuple[str, ...], lang: str = "zh") -> dict[str, str]:
    return views.region_names(_store, list(adcodes), lang)


@st.cache_data(max_entries=64, show_spinner=False)
def series(
    _store: Store,
    version: str,
    regions: tuple[str, ...],
    indicator: Indicator,
    last: str,
    count: int,
    per_10k: bool,
    lang: str = "zh",
):
    return trend_series.series(_store, list(regions), indicator, last, count, per_10k, lang)


@st.cache_data(max_entries=64, show_spinner=False)
def changes(
    _store: Store,
    version: str,
    regions: tuple[str, ...],
    indicators: tuple[Indicator, ...],
    period: str,
    lang: str = "zh",
):
    return trend_series.changes(_store, list(regions), list(indicators), period, lang)


@st.cache_data(max_entries=16, show_spinner=False)
def explorer_table(
    _store: Store,
    version: str,
    regions: tuple,
    indicators: tuple,
    first: str,
    last: str,
    provenance: bool,
    lang: str = "zh",
):
    return explorer.explorer_table(_store, list(regions), list(indicators), first, last, provenance, lang)


@st.cache_data(max_entries=16, show_spinner=False)
def target_progress(_store: Store, version: str, city: str, period: str, lang: str):
    return progress_rows(_store, city, period, lang)


@st.cache_data(max_entries=8, show_spinner=False)
def data_status(_store: Store, version: str) -> dict:
    return views.data_status(_store)


@st.cache_data(max_entries=32, show_spinner=False)
def county_contributions(_store: Store, version: str, selection: Selection, indicator: str):
    return drilldown.county_contributions(_store, selection, indicator, comparison(_store, version, selection))


@st.cache_data(max_entries=32, show_spinner=False)
def profile_scores(_store: Store, version: str, home: str, set_id: str, period: str, lang: str = "zh"):
    return drilldown.profile_scores(_store, home, set_id, period, lang)


@st.cache_data(max_entries=64, show_spinner=False)
def strengths_weaknesses(_store: Store, version: str, selection: Selection):
    """The rows furthest ahead and behind (read_comparison.strengths_and_weaknesses), once per selection."""
    return read_comparison.strengths_and_weaknesses(comparison(_store, version, selection))


@st.cache_data(max_entries=32, show_spinner=False)
def counties_comparison(_store: Store, version: str, selection: Selection):
    """Each county of the home city against the benchmark cities' counties (the wall screen's map and ranking)."""
    return read_comparison.counties_comparison(_store, selection)


@st.cache_data(max_entries=64, show_spinner=False)
def trend_lines(_store: Store, version: str, selection: Selection, indicator: str):
    return read_comparison.trend_lines(_store, selection, indicator)


# --- similar peers and custom benchmark sets ----------------------------------------------------------


@st.cache_data(max_entries=64, show_spinner=False)
def similar_peers(_store: Store, version: str, home: str, k: int, within: str) -> similar.Similar | None:
    """The k places most like `home` in structure (unionbench.read.similar), or None without a structural figure."""
    try:
        return similar.similar_peers(_store, home, k, within)
    except similar.NoPeers:
        return None


@st.cache_data(max_entries=16, show_spinner=False)
def peers_display(_store: Store, version: str, home: str, k: int, within: str, lang: str):
    """The peers panel's table and the home's figures line, in `lang` (similar.peers_display)."""
    result = similar_peers(_store, version, home, k, within)
    if result is None:
        return None
    places = views.region_names(_store, list(result.peers["region_code"]), lang)
    return similar.peers_display(result, catalogue(_store, version, lang), lang, places)


@st.cache_data(max_entries=8, show_spinner=False)
def custom_sets(_store: Store, version: str):
    """The custom benchmark sets with their members, who made and changed them, and when."""
    return sets_core.custom_sets(_store)


@st.cache_data(max_entries=8, show_spinner=False)
def cities(_store: Store, version: str, lang: str = "zh") -> dict[str, str]:
    """Every city of China (adcode → 'name · province' in `lang`), for choosing a set's members."""
    return views.cities(_store, lang)


# --- accounts, submissions, the tracker ----------------------------------------------------------------


@st.cache_data(max_entries=8, show_spinner=False)
def accounts(_store: Store, version: str):
    return reporting.accounts(_store)


@st.cache_data(max_entries=64, show_spinner=False)
def find_account(_store: Store, version: str, secrets: tuple, name: str | None):
    """The enabled account of that name (database, or secrets.toml as an admin), or None."""
    return reporting.find_account(_store, dict(secrets), name)


@st.cache_data(max_entries=16, show_spinner=False)
def submissions(_store: Store, version: str, period: str | None = None):
    return reporting.submissions(_store, period)


@st.cache_data(max_entries=8, show_spinner=False)
def submission_file(_store: Store, version: str, submission_id: int):
    return reporting.submission_file(_store, submission_id)


@st.cache_data(max_entries=4, show_spinner=False)
def checked_for(_store: Store, version: str, data: bytes, file_name: str, account, period: str | None, today):
    """A file read and checked for an account (a reporter's: its own region only), once per data version."""
    return reporting.check_for(_store, data, file_name, account, period, today)


@st.cache_data(max_entries=16, show_spinner=False)
def status_table(_store: Store, version: str, home: str, period: str, today):
    return reporting.status_table(_store, home, period, today)


@st.cache_data(max_entries=16, show_spinner=False)
def deadline_days(_store: Store, version: str) -> int:
    return reporting.deadline_days(_store)


@st.cache_data(max_entries=16, show_spinner=False)
def region_template_files(_store: Store, version: str, region: str, period: str, lang: str) -> dict[str, bytes]:
    return reporting.region_template_files(_store, region, period, lang)


@st.cache_data(max_entries=8, show_spinner=False)
def accounts_with_example_password(_store: Store, version: str) -> list[str]:
    return reporting.accounts_with_example_password(_store)


# --- targets: the admin's editor on the targets page ---


@st.cache_data(max_entries=8, show_spinner=False)
def targets_template(_store: Store, version: str, home: str, year: int, lang: str) -> bytes:
    return target_template.template_xlsx(_store, home, year, lang)


@st.cache_data(max_entries=4, show_spinner=False)
def checked_targets(_store: Store, version: str, data: bytes, file_name: str):
    return target_import.check_targets(_store, data, file_name)


@st.cache_data(max_entries=16, show_spinner=False)
def target_indicators(_store: Store, version: str, lang: str) -> dict[str, str]:
    """Active indicators a target may be set for: id → name, in catalogue order."""
    frame = target_template.active_indicators(_store)
    return dict(zip(frame["id"], frame["name_zh" if lang == "zh" else "name_en"], strict=True))


# --- the federation's settings ------------------------------------------------------------------------------------


@st.cache_data(max_entries=8, show_spinner=False)
def settings(_store: Store, version: str) -> settings_core.Settings:
    """The home city, default benchmark set, reference and deadline in force (unionbench.settings)."""
    return settings_core.read_settings(_store)


@st.cache_data(max_entries=8, show_spinner=False)
def home_and_counties(_store: Store, version: str, home: str, lang: str = "zh") -> dict[str, str]:
    return settings_core.home_and_counties(_store, home, lang)


@st.cache_data(max_entries=8, show_spinner=False)
def catalogue_listing(_store: Store, version: str):
    """The whole catalogue, active and retired, every column as text (the admin page's table and editor)."""
    from unionbench.catalogue_edit import catalogue_listing as listing

    return listing(_store)


@st.cache_data(max_entries=8, show_spinner=False)
def validation_rules(_store: Store, version: str, lang: str = "zh"):
    """The active validation rules in words (the methodology and admin pages)."""
    return views.validation_rules(_store, lang)
