"""Cached access to the read model. One generic cached call, `read`, serves every page and component: the
answer of a read-model function for the data version, computed once per process and shared by every session.
The few wrappers below do more than pass a call through (a fallback, a combination, files kept on a tighter
bound). Every cache key includes the data version, so a commit shows at once."""

from collections.abc import Callable
from typing import TypeVar

import pandas as pd
import streamlit as st

from components.memo import Answers, key
from unionbench import accounts as accounts_core
from unionbench import ingest, target_import, target_template, templates
from unionbench import submissions as submissions_core
from unionbench.ingest import review
from unionbench.names import texts
from unionbench.read import comparison, drilldown, quarters, rankings, similar, views
from unionbench.read.selection import Selection
from unionbench.store import Store

T = TypeVar("T")
MAX_ANSWERS = 4096  # the default views of every quarter (components/warm.py) and what sessions open besides
TTL_SECONDS = 6 * 3600


_answers = Answers(MAX_ANSWERS, TTL_SECONDS)


def own_copy(answer: T) -> T:
    """What a caller may change without changing the shared answer: a shallow copy of a frame (copy-on-write: the
    data is copied only when written), a dictionary or a list, and so each part of a tuple; other answers are
    immutable (frozen dataclasses)."""
    if isinstance(answer, pd.DataFrame | pd.Series):
        return answer.copy(deep=False)
    if type(answer) is tuple:
        return tuple(own_copy(part) for part in answer)
    return answer.copy() if isinstance(answer, dict | list) else answer


def read(store: Store, version: str, function: Callable[..., T], *args, **kwargs) -> T:
    """`function(store, *args, **kwargs)` of the read model (unionbench.read …), cached for the data `version`:
    e.g. read(store, version, comparison.comparison, sel). The cache is process-wide, so every session shares
    one answer; it keeps at most 4,096 answers and none for longer than six hours (an old version's answers
    are never asked for again once a commit publishes a new one)."""
    name = f"{function.__module__}.{function.__qualname__}"
    try:
        found = (name, version, key(args), key(kwargs))
        hash(found)
    except TypeError:  # an argument that cannot be a key (none of the read model's): answered for this caller alone
        return function(store, *args, **kwargs)
    return own_copy(_answers.get(found, lambda: function(store, *args, **kwargs)))


def comparison_with_change(store: Store, version: str, selection: Selection) -> pd.DataFrame:
    """comparison.comparison_with_change, cached, from each quarter's rows as `read` keeps them: the selection's own
    (which the strengths, the contributions and other pages read too) and the previous quarter's are each computed
    once, and a quarter moved to finds its neighbour's rows already read."""
    return read(store, version, _with_change, version, selection)


def _with_change(store: Store, version: str, selection: Selection) -> pd.DataFrame:
    return comparison.comparison_with_change(
        store, selection, lambda s, sel: read(s, version, comparison.comparison, sel)
    )


def composite_ranking(
    store: Store, version: str, selection: Selection, regions: list[str], weights: dict[str, float] | None
) -> pd.DataFrame:
    """rankings.composite_ranking, cached, from each quarter's composite scores as `read` keeps them: the quarter
    before, read for the rank moves, is the next quarter back's own, so a quarter moved back computes one index."""
    return read(store, version, _composite_ranking, version, selection, regions, weights)


def _composite_ranking(store: Store, version: str, selection: Selection, regions: list[str], weights) -> pd.DataFrame:
    def scores_of(store: Store, regions: list[str], period: str, weights) -> pd.DataFrame:
        return read(store, version, rankings.composite_scores, regions, period, weights)

    return rankings.composite_ranking(store, selection, regions, weights, scores_of)


@st.cache_data(max_entries=32, show_spinner=False)
def region_name(_store: Store, version: str, adcode: str, lang: str = "zh") -> str:
    return views.region_names(_store, [adcode], lang).get(adcode, adcode)


@st.cache_data(max_entries=32, show_spinner=False)
def latest_period(_store: Store, version: str, region: str) -> str | None:
    """The region's own newest quarter (a quarter only some of its counties have reported is not yet the city's)."""
    return read(_store, version, quarters.quarters, region).newest


@st.cache_data(max_entries=4, show_spinner=False)
def upload_preview(_store: Store, version: str, _prepared: ingest.Prepared, sha256: str, period: str | None):
    return ingest.preview(_store, _prepared)


@st.cache_data(max_entries=4, show_spinner=False)
def upload_review(_store: Store, version: str, _prepared: ingest.Prepared, sha256: str, period, lang: str):
    """The preview's rows a clerk checks, in the page's language."""
    changes = upload_preview(_store, version, _prepared, sha256, period).changes
    return review.review_rows(_store, _prepared.observations, changes, lang)


# Files (bytes) and checked uploads: each answer is large, so these keep their own small bounds.


@st.cache_data(max_entries=16, show_spinner=False)
def template_files(_store: Store, version: str, home: str, period: str, lang: str) -> dict[str, bytes]:
    return templates.template_files(_store, home, period, lang)


def county_contributions(store: Store, version: str, selection: Selection, indicator: str) -> pd.DataFrame:
    """drilldown.county_contributions from the selection's rows as `read` keeps them, once per selection."""
    return read(store, version, _county_contributions, version, selection, indicator)


def _county_contributions(store: Store, version: str, selection: Selection, indicator: str) -> pd.DataFrame:
    return drilldown.county_contributions(
        store, selection, indicator, read(store, version, comparison.comparison, selection)
    )


def strengths_weaknesses(store: Store, version: str, selection: Selection) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows furthest ahead and behind (comparison.strengths_and_weaknesses), once per selection."""
    return read(store, version, _strengths_weaknesses, version, selection)


def _strengths_weaknesses(store: Store, version: str, selection: Selection) -> tuple[pd.DataFrame, pd.DataFrame]:
    return comparison.strengths_and_weaknesses(read(store, version, comparison.comparison, selection))


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
    return similar.peers_display(result, read(_store, version, views.catalogue, lang), lang, places)


# --- accounts, submissions, the tracker ----------------------------------------------------------------


@st.cache_data(max_entries=64, show_spinner=False)
def find_account(_store: Store, version: str, secrets: tuple, name: str | None):
    """The enabled account of that name (database, or secrets.toml as an admin), or None."""
    return accounts_core.find_account(_store, dict(secrets), name)


@st.cache_data(max_entries=8, show_spinner=False)
def submission_file(_store: Store, version: str, submission_id: int):
    return submissions_core.submission_file(_store, submission_id)


@st.cache_data(max_entries=4, show_spinner=False)
def checked_for(_store: Store, version: str, upload: ingest.Upload, account):
    """A file read and checked for an account (a reporter's: its own region only), once per data version."""
    return submissions_core.check_for(_store, upload, account)


@st.cache_data(max_entries=16, show_spinner=False)
def region_template_files(_store: Store, version: str, region: str, period: str, lang: str) -> dict[str, bytes]:
    return submissions_core.region_template_files(_store, region, period, lang)


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
    names = texts(_store, "indicator", "name", lang)
    return {indicator: names[indicator] for indicator in target_template.active_indicators(_store)["id"]}


# --- the federation's settings ------------------------------------------------------------------------------------


@st.cache_data(max_entries=8, show_spinner=False)
def catalogue_listing(_store: Store, version: str):
    """The whole catalogue, active and retired, every column as text (the admin page's table and editor)."""
    from unionbench.catalogue_edit import catalogue_listing as listing

    return listing(_store)
