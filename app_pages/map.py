"""Map: one indicator over a peer scope; a click on a region opens its profile, a click on a city its counties.

The map, the table beside it and the profile below read one ranking (same peers, same basis rule), and the profile
is compare's rows for the clicked region, so a rank in the profile is the rank in the table when the table shows
the compared basis (per 10,000 workers on, or a rate)."""

from dataclasses import replace

import streamlit as st

from components import data
from components.choropleth import ranking_map_with_table
from components.filters import quarter_notes, scope_picker, shared_filters
from components.page import page_setup
from components.profile import profile
from components.ranking import basis_label
from components.strings import t
from components.style import inject_css
from components.url_state import from_url, to_url_or_drop
from unionbench.formatting import period_text
from unionbench.read import comparison, rankings
from unionbench.read.selection import SCOPE_KEYS

MAP_SCOPES = ("counties", "benchmark_counties", "province_counties", "province_cities")

inject_css()  # first: its Markdown fetches the raw-HTML chunk the map's still drawing needs before other chunks queue
ctx = page_setup()
f = shared_filters(ctx)
lang, store, version = ctx.lang, ctx.store, ctx.data_version


def remember_click() -> None:
    """Keep the clicked region (a selection is lost when the figure changes, streamlit #16052); a city drills."""
    points = st.session_state["region_map"].selection.points
    if not points:
        return
    region = points[0]["location"]
    st.session_state["profile_region"] = region
    if st.session_state.get("scope") == "province_cities":
        st.session_state["drill"] = region


scope, scope_name = scope_picker(MAP_SCOPES, f.home_name, lang)
# The city drilled into lives in the link (?drill=510900): only one of the province's cities, on their map.
cities = (
    data.read(store, version, comparison.peer_regions, f.scoped("province_cities"))
    if scope == "province_cities"
    else ()
)
from_url("drill", ["", *cities], "")
drill = st.session_state["drill"] or None
to_url_or_drop("drill")
# What the map and its table rank: the scope around the home city, or the counties of the city drilled into.
table_home, table_scope = (drill, "counties") if drill else (f.home, scope)
ranking = data.read(
    store, version, rankings.indicator_ranking, replace(f.selection, home=table_home, scope=table_scope), f.indicator
)
drill_name = data.region_name(store, version, drill, lang) if drill else ""
area = t("scope_counties", lang, home=drill_name) if drill else scope_name

st.title(t("map_page_heading", lang, scope=area, indicator=f.indicator.name, period=period_text(f.period, lang)))
quarter_notes(ctx, f)
if drill and st.button(t("back_to", lang, scope=scope_name), icon=":material/arrow_back:"):
    st.session_state["drill"] = ""
    st.rerun()
if not ranking["figure"].notna().any():  # a city whose counties have no figures: say so, the way back is above
    empty = t("map_no_county_data" if drill else "map_no_data", lang, city=drill_name, scope=area)
    st.info(empty, icon=":material/info:")
    st.stop()
basis, unit = ranking.basis.iloc[0], ranking.basis_unit.iloc[0]
raw_count = f.indicator.per_capita_base is None and not f.indicator.is_rate
st.caption(f"{t('map_click_hint', lang)} {basis_label(basis, unit, raw_count, lang)}")
ranking_map_with_table(ranking, f.indicator, lang, key="region_map", height=560, on_select=remember_click)
if basis == "value" and f.indicator.per_capita_base:
    st.caption(t("map_basis_differs", lang, unit=t("per_10k_short", lang)))

st.divider()
# The city in view first (the home city, or the city drilled into), then the regions on the map.
city = drill or (f.home if scope != "province_cities" else None)
labels = dict(zip(ranking.region, ranking.label, strict=True))
profile_names = {**({city: data.region_name(store, version, city, lang)} if city else {}), **labels}
if st.session_state.get("profile_region") not in profile_names:
    st.session_state["profile_region"] = f.home if f.home in profile_names else next(iter(profile_names))
region = st.selectbox(t("profile_pick", lang), list(profile_names), format_func=profile_names.get, key="profile_region")
st.subheader(t("profile_heading", lang, region=profile_names[region], period=period_text(f.period, lang)))
if region in labels:  # ranked among the map's own peers, as in the table
    profile_home, profile_scope, among = table_home, table_scope, area
else:  # the city above a county map: among the province's cities when drilled from them, else its benchmark cities
    profile_home = region
    profile_scope = "province_cities" if scope == "province_cities" else "benchmark_cities"
    among = t(SCOPE_KEYS[profile_scope], lang, home=profile_names[region])
# The profile reads its rows against the set's average, whatever reference the gap page was left on.
profile_sel = replace(f.selection, home=profile_home, scope=profile_scope, reference="average")
rows = data.read(store, version, rankings.region_profile, profile_sel, region)
profile(rows, f.indicator.id, among, lang)
