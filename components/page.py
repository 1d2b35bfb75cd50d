"""Every page's first call: its context, or — until figures are stored and the home city is set — the first-run
page in its place."""

import streamlit as st

from components.context import PageContext, open_context
from components.first_run import first_run
from components.strings import t


def page_setup(kiosk: bool = False, setup_page: bool = False) -> PageContext:
    """The page's context (components.context.open_context). Until the federation is set up a page shows the
    first-run page instead (the wall screen: that there are no figures yet); a `setup_page` (upload, accounts,
    set-up, indicators: what a federation does before its first figures) works all along."""
    ctx, observations = open_context(kiosk)
    if ctx.ready or setup_page:
        return ctx
    if kiosk:
        st.warning(t("setup.no_figures" if observations == 0 else "setup.no_home_page", ctx.lang))
        st.stop()
    first_run(ctx)
    st.stop()
