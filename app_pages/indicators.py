"""管理 › 指标 · Admin › Indicators: the federation's catalogue and validation rules, for admins. The table shows
every indicator with its status; the editor adds or changes one, a file adds or changes many, and retiring hides
one from templates, pickers and tiles while its figures stay. The command line's checks, permission and audit."""

import streamlit as st

from components.account import require_admin
from components.catalogue_admin import (
    catalogue_table,
    file_panel,
    indicator_editor,
    retire_panel,
    rules_table,
    saved_message,
)
from components.page import page_setup
from components.strings import pgettext, t

ctx = page_setup(setup_page=True)  # a federation defines its own indicators before its first upload
lang = ctx.lang
st.title(t("adm_ind_heading", lang))
admin = require_admin(ctx, "sign_in_indicators").name
saved_message(lang)
st.caption(t("adm_ind_intro", lang))
tabs = (t("adm_ind_tab_table", lang), t("adm_ind_tab_edit", lang), t("adm_ind_tab_file", lang),
        pgettext("indicator", "stop", lang), t("adm_ind_tab_rules", lang))  # fmt: skip
table, edit, upload, retire, rules = st.tabs(tabs)
with table:
    listing = catalogue_table(ctx)
with edit:
    indicator_editor(ctx, admin, listing)
with upload:
    file_panel(ctx, admin, "catalogue")
with retire:
    retire_panel(ctx, admin, listing)
with rules:
    st.caption(t("adm_rules_intro", lang))
    rules_table(ctx)
    file_panel(ctx, admin, "rules")
