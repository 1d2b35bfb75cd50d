"""Similar places and custom benchmark sets: the places most like the home city (or one of its counties)
in structure, for everyone; making, changing and removing benchmark sets, for admins. A saved set is offered by
every page's benchmark picker, the wall screen's link (?bench=) and the briefing."""

import streamlit as st

from components import data
from components.account import current_account, require_admin
from components.filters import pick
from components.page import page_setup
from components.sets_editor import peers_controls, peers_panel, saved_message, saved_sets, set_editor
from components.strings import t
from components.url_state import to_url
from unionbench.read import comparison, views
from unionbench.read.selection import Selection

ctx = page_setup()
lang, store, version = ctx.lang, ctx.store, ctx.data_version
homes = data.read(store, version, views.home_regions, lang)
home = pick(t("home_region", lang), "home", list(homes), ctx.settings.home, homes.get)
to_url("home")
st.title(t("sets_heading", lang))
saved_message(lang)

counties = data.read(
    store, version, comparison.peer_regions, Selection(home, ctx.settings.benchmark, "", scope="counties")
)
regions = {home: homes[home], **data.read(store, version, views.region_names, counties, lang)}
region, within, k = peers_controls(lang, regions, home)
peers_panel(ctx, region, regions[region], k, within)

st.divider()
st.subheader(t("editor_heading", lang))
if current_account(ctx) is None:
    st.info(t("editor_admin_only", lang))
admin = require_admin(
    ctx, "sign_in_sets"
).name  # the sign-in form until an admin signs in; a reporter is told and stops here
city_peers = data.similar_peers(store, version, home, k, within)
set_editor(ctx, admin, [] if city_peers is None else list(city_peers.peers["region_code"]), homes[home])
saved_sets(ctx)
