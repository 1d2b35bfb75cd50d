"""Entry point: page config and navigation, nothing else. Run with `make run`."""

import streamlit as st

from components.strings import t

st.set_page_config(page_title="工会对标看板 · Union Benchmark", page_icon="📊", layout="wide")

lang = st.session_state.get("lang") or st.query_params.get("lang", "zh")
pages = [
    st.Page("app_pages/overview.py", title=t("overview", lang), url_path="overview", default=True),
    st.Page("app_pages/upload.py", title=t("upload", lang), url_path="upload"),
]
st.navigation(pages).run()
