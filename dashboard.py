"""Entry point: page config and navigation, nothing else. Run with `make run`."""

import copy

import streamlit as st

from components.errors import run_logged, setup_logging
from components.strings import t

st.set_page_config(page_title="工会对标看板 · Union Benchmark", page_icon="📊", layout="wide")
setup_logging()

lang = st.session_state.get("lang") or st.query_params.get("lang", "zh")


@st.cache_resource(show_spinner=False)
def made_pages() -> dict:
    """The process's pages, each made once: st.Page resolves its file on the disk, a fifth of a light page's run
    when the menu was made anew on each."""
    return {}


def page(name: str, title: str, **options) -> st.Page:
    """app_pages/<name>.py at /<name>, titled in the navigation by the catalogue key `title` (written out in each
    line, so a translator's tools find it). Adding a page is its file, one line below and its title in the
    catalogues (README, "加一个页面 · Adding a page"). Each run gets its own copy: st.navigation marks the page it
    returns as the one this run may call."""
    made, found = made_pages(), (__file__, name, title, lang, tuple(options.items()))  # __file__: an app of its own
    if found not in made:
        made[found] = st.Page(f"app_pages/{name}.py", title=t(title, lang), url_path=name, **options)
    return copy.copy(made[found])


analysis = [
    page("overview", "nav.overview", default=True),
    page("map", "nav.map"),
    page("gaps", "nav.gaps"),
    page("rankings", "nav.rankings"),
    page("targets", "nav.targets"),
    page("trends", "nav.trends"),
    page("explorer", "nav.explorer"),
    page("upload", "nav.upload"),
    page("tracker", "nav.tracker"),
    page("method", "nav.method"),
    page("sets", "nav.sets"),
    page("screen", "nav.screen"),
]
admin = [page("setup", "nav.setup"), page("accounts", "nav.accounts"), page("indicators", "nav.indicators")]
# Expanded: a collapsed menu would hide the admin section behind "View N more". A failure is logged with an id the
# user can quote.
run_logged(st.navigation({"": analysis, t("admin_section", lang): admin}, expanded=True), lang)
