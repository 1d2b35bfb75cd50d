"""Overview: the home city's headline figures against a benchmark set, and a map of its counties."""

import streamlit as st

from components import data
from components.choropleth import boundaries, region_map
from components.context import page_setup
from components.kpi import kpi_tiles
from components.strings import t
from components.style import inject_css
from components.url_state import flag_from_url, from_url, to_url
from unionbench.formatting import period_text
from unionbench.paths import cache_dir_for, resolve_db_path

HOME = "510800"  # 广元市; the shared home-region filter arrives with the analysis pages
DEFAULT_BENCHMARK = "suineilu"
DEFAULT_MAP_INDICATOR = "outdoor_stations"

ctx = page_setup()
lang, store, version = ctx.lang, ctx.store, ctx.data_version
inject_css()

sets = data.benchmark_sets(store, version)
set_names = dict(zip(sets.id, sets["name_zh" if lang == "zh" else "name_en"], strict=True))
from_url("bench", list(set_names), DEFAULT_BENCHMARK)
set_id = st.sidebar.selectbox(t("benchmark_set", lang), list(set_names), format_func=set_names.get, key="bench")
periods = data.periods(store, version, HOME)
home_name = data.region_name(store, version, HOME)
if not periods:
    st.warning(t("no_periods", lang, home=home_name))
    st.stop()
from_url("period", periods, periods[0])
period = st.sidebar.selectbox(t("quarter", lang), periods, format_func=lambda p: period_text(p, lang), key="period")

st.title(t("overview_heading", lang, home=home_name, period=period_text(period, lang), bench=set_names[set_id]))
st.caption(t("data_as_of", lang, time=ctx.last_change))

kpi_tiles(data.overview_kpis(store, version, HOME, set_id, period, lang), set_names[set_id], lang)

catalogue = data.catalogue(store, version, lang)
mappable = [i for i, ind in catalogue.items() if ind.direction != "neutral"]
st.divider()
heading, pick, scale = st.columns([3, 2, 1], vertical_alignment="bottom")
from_url("indicator", mappable, DEFAULT_MAP_INDICATOR)
indicator_id = pick.selectbox(t("indicator", lang), mappable, format_func=lambda i: catalogue[i].name, key="indicator")
indicator = catalogue[indicator_id]
flag_from_url("per10k")
per_10k = scale.toggle(t("per_10k_toggle", lang), key="per10k", disabled=indicator.per_capita_base is None)
per_10k = per_10k and indicator.per_capita_base is not None
to_url("bench", "period", "indicator", "per10k")

values = data.county_values(store, version, HOME, indicator, period, per_10k)
heading.subheader(t("map_heading", lang, city=home_name, indicator=indicator.name))
left, right = st.columns([2, 1])
geojson, bounds = boundaries(tuple(values["region"]), str(cache_dir_for(resolve_db_path(None))))
left.plotly_chart(
    region_map(values, geojson, bounds, indicator, per_10k, lang, height=430),
    key="county_map",
    config={"displaylogo": False, "scrollZoom": False},
)
column = "per_10k" if per_10k else "value"
table = values.sort_values("rank", na_position="last")[["rank", "region_name", column]]
table.columns = [
    t("map_rank", lang),
    t("region", lang),
    f"{t('value', lang)} ({indicator.unit}{' / ' + t('per_10k_short', lang) if per_10k else ''})",
]
right.dataframe(
    table,
    hide_index=True,
    width="stretch",
    column_config={
        table.columns[2]: st.column_config.NumberColumn(format=f"%.{2 if per_10k else indicator.decimals}f")
    },
)
