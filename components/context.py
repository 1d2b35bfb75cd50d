"""Shared setup every page calls first: the store, the language, the data version, the demo notice."""

from dataclasses import dataclass

import pandas as pd
import streamlit as st
from streamlit import runtime

from components import data
from components.strings import LANGUAGES, t
from components.url_state import from_url, to_url
from components.warm import warm_in_background
from unionbench import settings as settings_core
from unionbench.i18n import known_language, unavailable_note
from unionbench.paths import resolve_db_path
from unionbench.read import views
from unionbench.settings import Settings
from unionbench.store import NotInitialised, Replica, Store, replica


@dataclass(frozen=True)
class PageContext:
    store: Store
    lang: str
    data_version: str
    last_change: str
    is_demo: bool = False
    settings: Settings = Settings(None, None)  # the federation's home, benchmark set, reference and deadline
    ready: bool = True  # figures are stored and the home city is set


@st.cache_resource
def shared_replica(db_path: str) -> Replica:
    """The server process's reader of the newest published snapshot (one connection, a cursor per query). Each
    snapshot it moves to (the first at start, then each publish) has its default views warmed in the background."""
    path = resolve_db_path(db_path)
    reader = replica(path)
    if served():
        reader.on_switch(lambda store, name: warm_in_background(store, cache_version(path, name)))
    return reader


def served() -> bool:
    """Whether this is a dashboard server, shared by viewers: not a script under AppTest (tests, bench/pages.py),
    whose stand-in runtime is a mock, and where nobody else would ask for a warmed answer."""
    return runtime.exists() and type(runtime.get_instance()) is runtime.Runtime


def refresh_data() -> None:
    """After this session wrote (an upload, a revert): read the new snapshot on the next run, without waiting."""
    shared_replica(str(resolve_db_path(None))).refresh()


def language_switch() -> str:
    """中文 / English in the sidebar; kept in the URL (?lang=en) so a shared link keeps its language."""
    from_url("lang", list(LANGUAGES), "zh", quiet=True)  # open_context names the language, in every one we speak
    choice = st.sidebar.segmented_control(
        "语言 · Language", list(LANGUAGES), format_func=LANGUAGES.get, required=True, key="lang"
    )
    to_url("lang")
    return choice or "zh"


def cache_version(db_path, snapshot: str) -> str:
    """The cache key of the data a page reads: the database and its published snapshot. Every cached answer
    changes when new data is published, and two databases opened by one process never share one (their
    snapshots are both called v1, v2 …)."""
    return f"{db_path}#{snapshot}"


def current_store() -> tuple[Store, str]:
    """The newest published data and its version, for parts that rerun on their own (fragments)."""
    db_path = resolve_db_path(None)
    reader = shared_replica(str(db_path))
    return reader.current(), cache_version(db_path, reader.version)


def open_context(kiosk: bool = False) -> tuple[PageContext, int]:
    """Open the store (or explain why not and stop), read the data version and the settings, and show the demo
    notice; the page's context and how many figures are stored. A kiosk page (the wall screen) draws no sidebar and
    no banner: its language comes from the link and it shows the demo tag itself."""
    asked = st.query_params.get("lang")
    lang = known_language(asked) if kiosk else language_switch()
    if note := unavailable_note(asked):  # ?lang=fr: say so, in every language the product speaks
        st.caption(note)
    db_path = resolve_db_path(None)
    if not db_path.is_file():
        st.error(t("no_database", lang, path=db_path))
        st.stop()
    reader = shared_replica(str(db_path))
    try:
        store = reader.current()
    except NotInitialised:
        st.error(t("not_initialised", lang))
        st.stop()
    version = cache_version(db_path, reader.version)
    status = data.read(store, version, views.data_status)
    found = data.read(store, version, settings_core.read_settings)
    if status["has_demo"] and not kiosk:
        st.info(t("demo_banner", lang))
    last_change = status["last_change"]
    ctx = PageContext(
        store,
        lang,
        version,
        last_change.strftime("%Y-%m-%d %H:%M") if not pd.isna(last_change) else "—",  # NaT before any upload
        bool(status["has_demo"]),
        found,
        status["observations"] > 0 and found.home is not None,
    )
    return ctx, int(status["observations"])
