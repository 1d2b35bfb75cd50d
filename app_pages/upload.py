"""Upload: signed-in staff send the quarter's file; it is checked row by row, previewed, then committed whole."""

import streamlit as st

from components import data
from components.context import page_setup
from components.strings import t
from components.upload import (
    example_password_warning,
    history,
    last_outcome,
    period_picker,
    signed_in_user,
    template_step,
    upload_step,
)

HOME = "510800"  # 广元市

ctx = page_setup()
st.title(t("upload_heading", ctx.lang))
example_password_warning(ctx)
user = signed_in_user(ctx.lang)
last_outcome(ctx.lang)
home_name = data.region_name(ctx.store, ctx.data_version, HOME)
period = period_picker(ctx, HOME)
template_step(ctx, HOME, home_name, period)
st.divider()
upload_step(ctx, user, period, HOME)
st.divider()
history(ctx, user)
