"""Wall screen for leadership: a dark 16:9 kiosk that rotates through indicators and refreshes itself.

Everything is set in the link, because a TV has no keyboard:
/screen?home=510800&bench=suineilu&indicators=outdoor_stations,org_rate&seconds=15&lang=zh
"""

import datetime as dt

import streamlit as st

from components.context import current_store, page_setup
from components.link import ignored_note_html, screen_link_of
from components.screen import (
    SIZE_PROBE,
    county_map,
    css,
    gaps_html,
    load_frame,
    ranking_html,
    scale_for,
    slide_heading_html,
    tiles_html,
    title_html,
    trend_strip,
)
from components.strings import t
from unionbench.paths import cache_dir_for, resolve_db_path

ctx = page_setup(kiosk=True)
lang = ctx.lang
link = screen_link_of(ctx)  # every parameter checked; a bad one falls back to its default (issue 12 item 8)
home, set_id, indicators, seconds, per_10k = link.home, link.set_id, link.indicators, link.seconds, link.per_10k
scale = scale_for(link.width, link.height)
cache_dir = str(cache_dir_for(resolve_db_path(None)))

st.html(css(scale))
st.html(SIZE_PROBE, unsafe_allow_javascript=True)
if link.ignored:
    st.html(ignored_note_html(link.ignored, lang))


@st.fragment(run_every=seconds)
def canvas() -> None:
    """One frame; reruns every `seconds` with the next indicator and the newest published data."""
    tick = st.session_state.get("screen_tick", -1) + 1
    st.session_state["screen_tick"] = tick
    stale = None
    try:
        store, version = current_store()
        frame = load_frame(store, version, home, set_id, indicators, tick, lang, per_10k)
        st.session_state["screen_last_good"] = frame
        st.session_state["screen_last_good_at"] = dt.datetime.now().strftime("%H:%M:%S")
    except Exception:  # the store is briefly unreachable: keep the last good frame and say so, quietly
        frame = st.session_state.get("screen_last_good")
        if frame is None:
            raise
        stale = t("screen_stale", lang, time=st.session_state["screen_last_good_at"])
    st.html(
        title_html(
            frame.home_name, frame.period, frame.set_name, frame.as_of, lang, frame.demo, stale, frame.bench_note
        )
    )
    st.html(tiles_html(frame.rows, lang))
    st.html(slide_heading_html(frame.slide, frame.position, frame.count, lang))
    left, middle, right = st.columns([1, 2, 1])
    left.html(ranking_html(frame.slide, frame.home_name, lang))
    middle.plotly_chart(
        county_map(frame.slide, cache_dir, scale, lang), key="screen_map", config={"staticPlot": True}, theme=None
    )
    right.html(gaps_html(frame.slide, home, frame.set_name, lang))
    st.plotly_chart(
        trend_strip(frame.slide, home, scale, lang), key="screen_trend", config={"staticPlot": True}, theme=None
    )


canvas()
