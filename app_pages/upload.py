"""Upload: signed-in staff send the quarter's file; it is checked row by row and previewed. An admin commits it
whole and reviews reporters' submissions; a reporter submits its own region's figures for review. It works
before the first figures: the first-run page leads here. The admin's template is the home city's (the setting)."""

import streamlit as st

from components import data
from components.account import signed_in_account
from components.page import page_setup
from components.review import audit_section, my_submissions, review_step
from components.strings import t
from components.upload import (
    example_password_warning,
    history,
    last_outcome,
    period_picker,
    region_template_step,
    template_step,
    upload_step,
)
from components.url_state import note_fixed

ctx = page_setup(setup_page=True)
home = ctx.settings.home
st.title(t("upload_heading", ctx.lang))
note_fixed("home", home)  # uploads are the home city's, whatever a link says
account = signed_in_account(ctx)
last_outcome(ctx.lang)
if account.is_admin:  # reviewing the counties' submissions comes first in the quarterly cycle
    example_password_warning(ctx)  # only admins can act on it (a county reporter needs not know)
    review_step(ctx, account)
    st.divider()
    period = period_picker(ctx, home or "")
    if home is None:  # no template without the home city's counties
        st.info(t("setup.no_home_upload", ctx.lang))
        st.page_link("app_pages/setup.py", label=t("setup.page", ctx.lang), icon=":material/location_city:")
    else:
        template_step(ctx, home, data.region_name(ctx.store, ctx.data_version, home, ctx.lang), period)
else:
    period = period_picker(ctx, account.region)
    region_template_step(ctx, account.region, period)
st.divider()
upload_step(ctx, account, period, home)
st.divider()
if account.is_admin:
    audit_section(ctx)
    history(ctx, account)
else:
    my_submissions(ctx, account)
