"""Bench only: every county of China on one map, drawn by the map page's own component (components.choropleth
ranking_map_with_table: the still stand-in first, then the Plotly map, which pans, zooms and takes clicks, beside
the rank table), so bench/national.py can time what a person opening it waits for in chromium. Run by the bench
against a national database."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import streamlit as st  # noqa: E402

from components import data  # noqa: E402
from components.choropleth import NATIONAL_HEIGHT, ranking_map_with_table  # noqa: E402
from components.context import open_context  # noqa: E402
from components.style import inject_css  # noqa: E402
from unionbench.read import rankings, views  # noqa: E402
from unionbench.read.selection import Selection  # noqa: E402
from unionbench.store import Store  # noqa: E402

INDICATOR = "outdoor_stations"


def national_ranking(store: Store, indicator_id: str, lang: str):
    """Every county with figures ranked on the indicator in its newest quarter, per 10,000 workers."""
    counties = store.query("regions_with_data", level="county")["adcode"].tolist()
    period = store.scalar("latest_period", region=counties[0])
    indicator = views.catalogue(store, lang)[indicator_id]
    return rankings.ranking_among(store, counties, Selection("", "", period, lang=lang), indicator), indicator


st.set_page_config(page_title="national county map", layout="wide")
inject_css()  # first, as on the map page: the stand-in's rules
ctx, _ = open_context(kiosk=True)
ranking, indicator = data.read(ctx.store, ctx.data_version, national_ranking, INDICATOR, ctx.lang)
ranking_map_with_table(ranking, indicator, ctx.lang, key="national_map", height=NATIONAL_HEIGHT)
