"""Entry point: page config and navigation, nothing else. Run with `make run`."""

import streamlit as st

from components.errors import run_logged, setup_logging
from components.strings import t

st.set_page_config(page_title="工会对标看板 · Union Benchmark", page_icon="📊", layout="wide")
setup_logging()

lang = st.session_state.get("lang") or st.query_params.get("lang", "zh")
analysis = [
    st.Page("app_pages/overview.py", title=t("overview", lang), url_path="overview", default=True),
    st.Page("app_pages/map.py", title=t("map", lang), url_path="map"),
    st.Page("app_pages/gaps.py", title=t("gaps", lang), url_path="gaps"),
    st.Page("app_pages/rankings.py", title=t("rankings", lang), url_path="rankings"),
    st.Page("app_pages/targets.py", title=t("targets", lang), url_path="targets"),
    st.Page("app_pages/trends.py", title=t("trends", lang), url_path="trends"),
    st.Page("app_pages/explorer.py", title=t("explorer", lang), url_path="explorer"),
    st.Page("app_pages/upload.py", title=t("upload", lang), url_path="upload"),
    st.Page("app_pages/tracker.py", title=t("tracker", lang), url_path="tracker"),
    st.Page("app_pages/method.py", title=t("method", lang), url_path="method"),
    st.Page("app_pages/sets.py", title=t("sets_page", lang), url_path="sets"),
    st.Page("app_pages/screen.py", title=t("screen", lang), url_path="screen"),
]
admin = [
    st.Page("app_pages/setup.py", title=t("setup.page", lang), url_path="setup"),
    st.Page("app_pages/accounts.py", title=t("accounts.page", lang), url_path="accounts"),
    st.Page("app_pages/indicators.py", title=t("adm_ind_nav", lang), url_path="indicators"),
]
# Expanded: a collapsed menu would hide the admin section behind "View N more". A failure is logged with an id the
# user can quote.
run_logged(st.navigation({"": analysis, t("admin_section", lang): admin}, expanded=True), lang)
