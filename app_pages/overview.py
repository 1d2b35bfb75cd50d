"""Overview: the home city's headline figures against a benchmark set, and a map of its counties."""

import streamlit as st

from components import data
from components.choropleth import ranking_drawing_with_table
from components.filters import quarter_notes, shared_filters
from components.kpi import kpi_tiles
from components.page import page_setup
from components.strings import t
from components.style import inject_css
from unionbench.formatting import period_text
from unionbench.read import comparison, rankings
from unionbench.read.comparison import as_of_note

inject_css()  # first: its Markdown fetches the raw-HTML chunk the tiles need before the widgets' chunks queue up
ctx = page_setup()
f = shared_filters(ctx)
lang, store, version = ctx.lang, ctx.store, ctx.data_version

st.title(t("overview_heading", lang, home=f.home_name, period=period_text(f.period, lang), bench=f.set_name))
quarter_notes(ctx, f)
st.caption(t("data_as_of", lang, time=ctx.last_change))
rows = data.read(store, version, comparison.comparison, f.selection)
if note := as_of_note(rows, f.selection):
    st.info(note)
kpi_tiles(rows, f.set_name, lang)

st.divider()
map_heading = t("map_heading", lang, city=f.home_name, indicator=f.indicator.name)
st.subheader(map_heading)
ranking = data.read(store, version, rankings.indicator_ranking, f.scoped("counties"), f.indicator)
ranking_drawing_with_table(ranking, f.indicator, lang, map_heading)
