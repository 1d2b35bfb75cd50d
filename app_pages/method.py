"""Methodology: every formula in plain words (Chinese and English), then the exact rules from the code."""

import inspect

import streamlit as st

from components.context import page_setup
from components.strings import t
from unionbench.methodology import RULES, SECTIONS

ctx = page_setup()
lang = ctx.lang
st.title(t("method_heading", lang))
for section in SECTIONS:
    st.subheader(section.title_zh if lang == "zh" else section.title_en)
    st.markdown(section.body_zh if lang == "zh" else section.body_en)
    st.caption(section.body_en if lang == "zh" else section.body_zh)
st.divider()
with st.expander(t("method_rules", lang), icon=":material/functions:"):
    for rule in RULES:
        st.markdown(f"**`{rule.__module__.split('.')[-1]}.{rule.__name__}`**")
        st.text(inspect.getdoc(rule))
