"""Map: one indicator over a peer scope; a click on a region opens its profile, a click on a city its counties."""

import streamlit as st

from components import data
from components.choropleth import county_map_with_table
from components.context import page_setup
from components.filters import scope_picker, shared_filters
from components.profile import profile_table
from components.strings import t
from components.style import inject_css
from unionbench.formatting import period_text

MAP_SCOPES = ("counties", "benchmark_counties", "province_cities")

ctx = page_setup()
inject_css()
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
        st.session_state["drill_city"] = region


scope, scope_name = scope_picker(MAP_SCOPES, f.home_name, lang)
drill = st.session_state.get("drill_city") if scope == "province_cities" else None
regions = data.peer_regions(store, version, scope, f.home, f.set_id)
names = data.region_names(store, version, regions)
shown = data.peer_regions(store, version, "counties", drill, f.set_id) if drill else regions
area = t("scope_counties", lang, home=names.get(drill, drill)) if drill else scope_name

st.title(t("map_page_heading", lang, scope=area, indicator=f.indicator.name, period=period_text(f.period, lang)))
if drill and st.button(t("back_to", lang, scope=scope_name), icon=":material/arrow_back:"):
    st.session_state.pop("drill_city")
    st.rerun()
st.caption(t("map_click_hint", lang))
values = data.region_values(store, version, shown, f.indicator, f.period, f.per_10k)
county_map_with_table(values, f.indicator, f.per_10k, lang, key="region_map", height=560, on_select=remember_click)

st.divider()
# The city in view first (the home city, or the city drilled into), then the regions on the map.
city = drill or (f.home if scope != "province_cities" else None)
profile_names = {
    **({city: data.region_name(store, version, city)} if city else {}),
    **data.region_names(store, version, shown),
}
if st.session_state.get("profile_region") not in profile_names:
    st.session_state["profile_region"] = f.home if f.home in profile_names else next(iter(profile_names))
region = st.selectbox(t("profile_pick", lang), list(profile_names), format_func=profile_names.get, key="profile_region")
st.subheader(t("profile_heading", lang, region=profile_names[region], period=period_text(f.period, lang)))
peers = shown if region in shown else data.peer_regions(store, version, "province_cities", f.home, f.set_id)
profile_table(data.region_profile(store, version, region, tuple(peers), f.set_id, f.period, lang), lang)
