"""Wall screen for leadership: a dark 16:9 kiosk that tells where the city lags and by how much, rotating through
its story and refreshing itself. Everything is set in the link, because a TV has no keyboard:

/screen?embed=true&home=<city code>&bench=<set id>&indicators=outdoor_stations,org_rate&seconds=15&lang=en

Without home= or bench=, the federation's settings (unionbench.settings) say which city and set.

Every value is checked; a bad one falls back to its default with a small note on the screen, never a traceback.
"""

import datetime as dt
from dataclasses import replace

import streamlit as st

from components import data
from components.context import current_store
from components.errors import log_failure, show_failure
from components.page import page_setup
from components.screen import build_frame, css, read_link, scale_for
from components.strings import t
from unionbench.read import quarters, views
from unionbench.read.selection import Selection, selection_from_params

ctx = page_setup(kiosk=True)
params = {key: st.query_params.get(key) for key in st.query_params}
catalogue = data.read(ctx.store, ctx.data_version, views.catalogue, ctx.lang)
link = read_link(params, set(catalogue))
homes = data.read(ctx.store, ctx.data_version, views.home_regions, ctx.lang)
sets = data.read(ctx.store, ctx.data_version, views.benchmark_sets).set_index("id")
defaults = Selection.default(ctx.settings, homes, sets.index, lang=ctx.lang)
first, _ = selection_from_params({**params, "period": None}, defaults, set(homes), set(sets.index), [])
periods = data.read(ctx.store, ctx.data_version, views.periods_with_data, first.home)
if not periods:  # a home with no quarter yet: the default home, named in the note
    first = replace(first, home=defaults.home)
    params = {**params, "home": defaults.home}
    link = replace(link, ignored=(*link.ignored, "home"))
    periods = data.read(ctx.store, ctx.data_version, views.periods_with_data, defaults.home)
opens_on = data.read(ctx.store, ctx.data_version, quarters.quarters, first.home).newest  # the city's own newest quarter
selection, ignored = selection_from_params(
    params, replace(defaults, home=first.home, period=opens_on), set(homes), set(sets.index), periods
)
ignored = list(dict.fromkeys([*ignored, *link.ignored]))
notes = [t("screen_link_note", ctx.lang, keys=", ".join(ignored))] if ignored else []

st.html(css(scale_for(link.vw, link.vh)))


@st.fragment(run_every=link.seconds)
def canvas() -> None:
    """One frame; reruns every `seconds` with the next slide and the newest published data."""
    tick = st.session_state.get("screen_tick", -1) + 1
    st.session_state["screen_tick"] = tick
    try:
        store, version = current_store()
        shown = selection
        if "period" in ignored or not params.get("period"):  # follow the newest quarter as soon as it is published
            shown = replace(selection, period=data.read(store, version, quarters.quarters, selection.home).newest)
        partly = data.read(store, version, quarters.partly_reported, shown)
        partly_notes = [p.text(ctx.lang) for p in partly]  # a partly reported quarter is named, never hidden
        html, _ = build_frame(store, version, shown, link, tick, [*notes, *partly_notes])
        st.session_state["screen_last_good"] = html
        st.session_state["screen_last_good_at"] = dt.datetime.now().strftime("%H:%M:%S")
    except Exception:  # the store is briefly unreachable: keep the last good frame and say so, quietly
        error_id = log_failure("wall screen frame")  # a fragment's rerun is outside run_logged: log it here
        html = st.session_state.get("screen_last_good")
        if html is None:  # nothing to keep showing: the id to quote; the next tick tries again
            show_failure(error_id, ctx.lang)
            return
        stale = t("screen_stale", ctx.lang, time=st.session_state["screen_last_good_at"])
        html = html.replace('<div class="meta">', f'<div class="meta"><div class="sc-note">{stale}</div>', 1)
    st.html(html)


canvas()
