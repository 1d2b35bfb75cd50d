"""Offline choropleth of regions: MapLibre with the blank 'white-bg' style, so no tile or glyph server is asked."""

import math
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.strings import t
from unionbench.catalog import Indicator
from unionbench.formatting import format_number
from unionbench.geo import cached_layer, to_geojson
from unionbench.paths import cache_dir_for, resolve_db_path

SEQUENTIAL = [[0.0, "#9ecae1"], [0.5, "#4292c6"], [1.0, "#08306b"]]
NO_DATA = "#d4d4d4"
NATIONAL_HEIGHT = 760  # px: every county of China on one map needs the room


@st.cache_resource(max_entries=16, show_spinner=False)
def boundaries(adcodes: tuple[str, ...], cache_dir: str) -> tuple[dict, tuple[float, float, float, float]]:
    """GeoJSON and bounds for a set of regions, from the on-disk cache (built once)."""
    layer = cached_layer(list(adcodes), Path(cache_dir))
    return to_geojson(layer), tuple(layer.total_bounds)


def view_for(bounds: tuple[float, float, float, float], width_px: int, height_px: int) -> tuple[dict, float]:
    """Centre and zoom that fit the bounds into a map of the given size (512-px tiles, Web Mercator)."""
    west, south, east, north = bounds
    lon_span = max(east - west, 0.01)
    lat_span = max(north - south, 0.01) / math.cos(math.radians((north + south) / 2))
    zoom = math.log2(min(width_px * 360 / (512 * lon_span), height_px * 360 / (512 * lat_span))) - 0.25
    return {"lon": (west + east) / 2, "lat": (south + north) / 2}, zoom


def region_map(
    values: pd.DataFrame, geojson: dict, bounds, indicator: Indicator, per_10k: bool, lang: str
) -> go.Figure:
    """One shape per region coloured by the value (darker is better), hover with name, value and rank. Used by the
    national-scale bench (bench/national.py); the pages draw ranking_map from the shared ranking."""
    column = "per_10k" if per_10k else "value"
    unit = f"{indicator.unit} / {t('per_10k_short', lang)}" if per_10k else indicator.unit
    decimals = 2 if per_10k else indicator.decimals
    n = int(values[column].notna().sum())
    labels = [
        f"<b>{name}</b><br>{format_number(v, decimals)} {unit}<br>{t('map_rank', lang)} {int(r) if r == r else '—'}/{n}"
        for name, v, r in zip(values.region_name, values[column], values["rank"], strict=True)
    ]
    height = NATIONAL_HEIGHT
    center, zoom = view_for(bounds, 900, height)
    figure = go.Figure(
        go.Choroplethmap(
            geojson=geojson,
            locations=values["region"],
            z=values[column],
            featureidkey="id",
            colorscale="Blues",
            reversescale=indicator.direction == "lower",
            marker={"line": {"color": "#ffffff", "width": 1.2}, "opacity": 0.9},
            colorbar={"title": {"text": unit}, "thickness": 14},
            text=labels,
            hovertemplate="%{text}<extra></extra>",
        )
    )
    figure.update_layout(
        map={"style": "white-bg", "center": center, "zoom": zoom},
        height=height,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
    )
    return figure


def _rings_as_arrays(coordinates):
    """A GeoJSON coordinate tree with each ring as an (n, 2) array: Plotly deep-copies a trace's geojson two or
    three times per figure, and copying 183 counties' rings as lists of lists took ~0.8 s a rerun, as arrays
    ~0.1 s. They are written back as plain [[x, y], …] arrays (MapLibre reads them as GeoJSON)."""
    first = coordinates[0] if coordinates else None
    if isinstance(first, list) and first and isinstance(first[0], (int, float)):  # a ring: [[x, y], …]
        return np.asarray(coordinates, dtype=float)
    return [_rings_as_arrays(part) for part in coordinates]


@st.cache_resource(max_entries=16, show_spinner=False)
def features_by_region(adcodes: tuple[str, ...], cache_dir: str) -> tuple[dict[str, dict], tuple]:
    """The regions' features (ids only, rings as arrays) by adcode and the layer's bounds, shared by all sessions
    (Plotly copies what it is given, so nobody changes these)."""
    geojson, bounds = boundaries(adcodes, cache_dir)
    features = {
        feature["id"]: {
            "type": "Feature",
            "id": feature["id"],
            "properties": {},
            "geometry": {
                "type": feature["geometry"]["type"],
                "coordinates": _rings_as_arrays(feature["geometry"]["coordinates"]),
            },
        }
        for feature in geojson["features"]
    }
    return features, bounds


def collection(features: dict[str, dict], regions) -> dict:
    """A FeatureCollection of the given regions only: each trace carries its own shapes, none twice."""
    return {"type": "FeatureCollection", "features": [features[r] for r in regions if r in features]}


def ranking_map(
    frame: pd.DataFrame, features: dict[str, dict], bounds, direction: str, lang: str, height: int = 560
) -> go.Figure:
    """A ranking (rankings.indicator_ranking) on the map: one shape per region keyed by adcode, coloured by the ranked
    figure (darker is better), regions without a figure in grey; hover with the distinct label, figure and rank."""
    unit, decimals, n = frame.basis_unit.iloc[0], int(frame.decimals.iloc[0]), int(frame.rank_of.iloc[0])
    present, absent = frame[frame.figure.notna()], frame[frame.figure.isna()]
    labels = [
        f"<b>{label}</b><br>{format_number(v, decimals)} {unit}<br>{t('map_rank', lang)} {int(r)}/{n}"
        for label, v, r in zip(present.label, present.figure, present["rank"], strict=True)
    ]
    center, zoom = view_for(bounds, 900, height)
    line = {"color": "#ffffff", "width": 0.8 if len(frame) > 40 else 1.2}
    figure = go.Figure()
    if len(absent):
        figure.add_trace(
            go.Choroplethmap(
                geojson=collection(features, absent.region),
                locations=absent.region,
                z=[0] * len(absent),
                featureidkey="id",
                colorscale=[[0, NO_DATA], [1, NO_DATA]],
                showscale=False,
                marker={"line": line, "opacity": 0.9},
                text=[f"<b>{label}</b><br>{t('no_data_legend', lang)}" for label in absent.label],
                hovertemplate="%{text}<extra></extra>",
            )
        )
    figure.add_trace(
        go.Choroplethmap(
            geojson=collection(features, present.region),
            locations=present.region,
            z=present.figure,
            featureidkey="id",
            colorscale="Blues",
            reversescale=direction == "lower",
            marker={"line": line, "opacity": 0.9},
            colorbar={"title": {"text": unit, "side": "right"}, "thickness": 14, "len": 0.8},
            text=labels,
            hovertemplate="%{text}<extra></extra>",
        )
    )
    figure.update_layout(
        map={"style": "white-bg", "center": center, "zoom": zoom},
        height=height,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
    )
    return figure


@st.cache_resource(max_entries=64, show_spinner=False)
def shared_ranking_map(frame: pd.DataFrame, cache_dir: str, direction: str, lang: str, height: int) -> go.Figure:
    """ranking_map of a ranking on its regions' shapes, built once per process for everyone who views the same
    ranking (st.plotly_chart copies it to send it, so nobody changes the shared one)."""
    features, bounds = features_by_region(tuple(frame.region), cache_dir)
    return ranking_map(frame, features, bounds, direction, lang, height=height)


def ranking_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rank, label and the ranked figure, best first (regions without a figure last); the basis unit is the value
    column's help and the map's colour bar title, so the header stays short enough never to be cut."""
    table = frame[["rank", "label", "figure"]].copy()
    table.columns = [t("map_rank", lang), t("region", lang), t("value", lang)]  # the unit: the column's help
    return table


def ranking_map_with_table(
    frame: pd.DataFrame, indicator: Indicator, lang: str, key: str, height: int = 560, on_select=None
):
    """The map (two thirds) beside its rank table (one third), both from one ranking frame, so the shape, the hover
    and the table row of a region read the same figure and rank. Returns the map's selection event, if any."""
    left, right = st.columns([2, 1])
    event = left.plotly_chart(
        shared_ranking_map(frame, str(cache_dir_for(resolve_db_path(None))), indicator.direction, lang, height),
        key=key,
        config={"displaylogo": False, "scrollZoom": False},
        on_select=on_select or "ignore",
        selection_mode="points",
    )
    table = ranking_table(frame, lang)
    right.dataframe(
        table,
        hide_index=True,
        placeholder="—",
        width="stretch",
        height=min(height, 38 + 35 * len(table)),
        column_config={
            table.columns[0]: st.column_config.Column(width=56),
            table.columns[2]: st.column_config.NumberColumn(
                format=f"%.{int(frame.decimals.iloc[0])}f", help=str(frame.basis_unit.iloc[0])
            ),
        },
    )
    return event
