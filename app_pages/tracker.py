"""Submission tracker (报送进度): which county has sent the quarter's figures, which is late, and what to tell it."""

import datetime as dt

import streamlit as st

from components.account import signed_in_account
from components.page import page_setup
from components.strings import t
from components.tracker import tracker
from components.url_state import note_fixed

ctx = page_setup()
st.title(t("tracker_heading", ctx.lang))
note_fixed("home", ctx.settings.home)  # the tracker is the home city's, whatever a link says
viewer = signed_in_account(ctx, "sign_in_tracker")
tracker(ctx, ctx.settings.home, dt.date.today(), viewer)  # the home city's counties; a reporter sees its own in full
