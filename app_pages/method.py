"""Methodology: every formula in plain words (Chinese and English), then the exact rules from the code."""

import streamlit as st

from components import data
from components.page import page_setup
from components.plain import plain_table
from components.strings import t
from unionbench.i18n import other_language
from unionbench.methodology import SECTIONS, shown_rules
from unionbench.read import views

ctx = page_setup()
lang = ctx.lang
st.title(t("method_heading", lang))
for section in SECTIONS:
    st.subheader(t(section.title, lang))
    st.markdown(t(section.body, lang))
    st.caption(t(section.body, other_language(lang)))  # the other language beneath, for a reader of both
st.subheader(t("adm_rules_heading", lang))
st.markdown(t("method_rules_intro", lang))
rules = data.read(ctx.store, ctx.data_version, views.validation_rules, lang)
plain_table(rules.rename(columns=lambda c: t(views.RULE_COLUMN_KEYS[c], lang)), "ub-method-rules")
st.divider()
with st.expander(t("method_rules", lang), icon=":material/functions:"):
    for rule in shown_rules():
        st.markdown(f"**`{rule.title}`**")
        st.text(rule.words)
        st.code(rule.source, language=rule.language)
