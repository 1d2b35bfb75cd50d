"""Bench only: every county of China on one map, drawn the way the dashboard draws maps (components.choropleth),
so bench/national.py can time its first paint in chromium. Run by the bench against a national database."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import streamlit as st  # noqa: E402

from components.choropleth import EMPTY_TOPOLOGY, boundaries, region_map  # noqa: E402
from unionbench.paths import cache_dir_for, resolve_db_path  # noqa: E402
from unionbench.read import views  # noqa: E402
from unionbench.store import replica  # noqa: E402

st.set_page_config(page_title="national county map", layout="wide")
db = resolve_db_path(None)
store = replica(db).current()
counties = store.query("regions_with_data", level="county")["adcode"].tolist()
indicator = views.catalogue(store, "zh")["outdoor_stations"]
values = views.region_values(store, counties, indicator, store.scalar("latest_period", region=counties[0]), True)
geojson, bounds = boundaries(tuple(values["region"]), str(cache_dir_for(db)))
figure = region_map(values, geojson, bounds, indicator, True, "zh")
st.plotly_chart(figure, key="national_map", config={"topojsonURL": EMPTY_TOPOLOGY})
