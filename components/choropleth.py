"""Offline choropleth of regions: Plotly's geo map with every base layer hidden (SVG, no WebGL, no tile or glyph
server), and still SVG drawings of the same shapes that paint without chart code."""

from dataclasses import replace
from html import escape
from pathlib import Path
from urllib.parse import quote

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from plotly.colors import sample_colorscale, sequential, unlabel_rgb

from components.charts import sealed
from components.memo import arrow_table, shared
from components.screen_drawing import (
    MAP,
    Size,
    county_paths,
    drawing_html,
    filled_paths,
    grouped_paths,
    label,
    mercator_paths,
    northing,
)
from components.strings import t
from components.style import as_markdown_block
from unionbench.catalog import Indicator
from unionbench.formatting import format_number
from unionbench.geo import cached_layer, to_geojson
from unionbench.paths import cache_dir_for, resolve_db_path

SEQUENTIAL = [[0.0, "#9ecae1"], [0.5, "#4292c6"], [1.0, "#08306b"]]
NO_DATA = "#d4d4d4"
NATIONAL_HEIGHT = 760  # px: every county of China on one map needs the room
# plotly.js's geo map asks its CDN for a world topology before it draws, even with every base layer hidden (it
# draws only our GeoJSON): it is handed an empty topology inline instead, so nothing is asked of any server.
EMPTY_TOPOLOGY = "data:application/json," + quote('{"type":"Topology","objects":{},"arcs":[]}') + "#"

PAN_IS_NOT_A_CLICK = """<script>
if (!window.ubPanIsNotAClick) {
  window.ubPanIsNotAClick = true;
  let down = null;
  window.addEventListener('mousedown', e => { down = [e.clientX, e.clientY]; }, true);
  window.addEventListener('click', e => {
    const moved = down && Math.hypot(e.clientX - down[0], e.clientY - down[1]) > 3;
    if (moved && e.target.closest && e.target.closest('.js-plotly-plot .geo')) e.stopPropagation();
  }, true);
}
</script><span class="ub-script"></span>"""


@st.cache_resource(max_entries=16, show_spinner=False)
def boundaries(adcodes: tuple[str, ...], cache_dir: str) -> tuple[dict, tuple[float, float, float, float]]:
    """GeoJSON and bounds for a set of regions, from the on-disk cache (built once)."""
    layer = cached_layer(list(adcodes), Path(cache_dir))
    return to_geojson(layer), tuple(layer.total_bounds)


def padded(bounds: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """The bounds with the margin the map leaves around its regions (4 % of each span)."""
    west, south, east, north = bounds
    pad_lon, pad_lat = max(east - west, 0.01) * 0.04, max(north - south, 0.01) * 0.04
    return west - pad_lon, south - pad_lat, east + pad_lon, north + pad_lat


def framed(traces: list, bounds: tuple[float, float, float, float], height: int) -> go.Figure:
    """The traces on a blank geo map (no base map, no WebGL: SVG), in Web Mercator, framed on the bounds. The layout
    goes in the constructor: update_layout's merging cost more than the rest of the build."""
    west, south, east, north = padded(bounds)
    # centred halfway between north and south as drawn, not in degrees: plotly.js's default put a national map's
    # middle 3.6° too far south, cutting off its north; its still stand-in (mercator_paths) is drawn so too
    middle = (northing(south) + northing(north)) / 2
    geo = {
        "visible": False,
        "projection": {"type": "mercator"},
        "lonaxis": {"range": [west, east]},
        "lataxis": {"range": [south, north]},
        "center": {"lon": (west + east) / 2, "lat": float(np.degrees(np.arctan(np.sinh(middle))))},
        "bgcolor": "rgba(0,0,0,0)",
    }
    return go.Figure(traces, layout={"geo": geo, "height": height, "margin": {"l": 0, "r": 0, "t": 0, "b": 0}})


@st.cache_resource(max_entries=16, show_spinner=False)
def region_shapes(
    adcodes: tuple[str, ...], cache_dir: str, size: Size = MAP, pad: float = 24
) -> dict[str, tuple[str, float, float]]:
    """The regions' outlines as SVG paths and their name points (screen_drawing.county_paths), once per set."""
    return county_paths(*boundaries(adcodes, cache_dir), size=size, pad=pad)


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


def border_width(regions: int) -> float:
    """The white border between regions on the map (and its stand-in), thinner when there are many."""
    return 0.8 if regions > 40 else 1.2


def ranking_map(
    frame: pd.DataFrame, features: dict[str, dict], bounds, direction: str, lang: str, height: int = 560
) -> go.Figure:
    """A ranking (rankings.indicator_ranking) on the map: one shape per region keyed by adcode, coloured by the ranked
    figure (darker is better), regions without a figure in grey; hover with the distinct label, figure and rank.
    Drawn as SVG on a blank geo subplot (no base map, no WebGL), framed on the regions, in Web Mercator."""
    unit, decimals, n = frame.basis_unit.iloc[0], int(frame.decimals.iloc[0]), int(frame.rank_of.iloc[0])
    present, absent = frame[frame.figure.notna()], frame[frame.figure.isna()]
    # What differs between regions goes as data, the words they share once in the template: a national map's
    # 2,840 hover texts repeated its unit and the word for rank ~280 KB.
    shown = [
        [label, format_number(v, decimals), int(r)]
        for label, v, r in zip(present.label, present.figure, present["rank"], strict=True)
    ]
    hover = f"<b>%{{customdata[0]}}</b><br>%{{customdata[1]}} {unit}<br>{t('map_rank', lang)} %{{customdata[2]}}/{n}"
    line = {"color": "#ffffff", "width": border_width(len(frame))}
    traces = []
    if len(absent):
        traces.append(
            go.Choropleth(
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
    traces.append(
        go.Choropleth(
            geojson=collection(features, present.region),
            locations=present.region,
            z=present.figure,
            featureidkey="id",
            colorscale="Blues",
            reversescale=direction == "lower",
            marker={"line": line, "opacity": 0.9},
            colorbar={"title": {"text": unit, "side": "right"}, "thickness": 14, "len": 0.8},
            customdata=shown,
            hovertemplate=hover + "<extra></extra>",
        )
    )
    return framed(traces, bounds, height)


def shapes_map(frame: pd.DataFrame, cache_dir: str, direction: str, lang: str, height: int) -> go.Figure:
    """ranking_map of a ranking on its regions' shapes."""
    features, bounds = features_by_region(tuple(frame.region), cache_dir)
    return sealed(ranking_map(frame, features, bounds, direction, lang, height=height))


def ranking_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rank, label and the ranked figure, best first (regions without a figure last); the basis unit is the value
    column's help and the map's colour bar title, so the header stays short enough never to be cut."""
    table = frame[["rank", "label", "figure"]].copy()
    table.columns = [t("map_rank", lang), t("region", lang), t("value", lang)]  # the unit: the column's help
    return table


def figure_colours(figures: pd.Series, direction: str) -> list[str]:
    """Each figure's colour on the Blues scale as the Plotly map draws it (the lowest figure lightest, the highest
    darkest; the other way round when lower is better), no figure in grey."""
    present = figures.dropna()
    low, high = (float(present.min()), float(present.max())) if len(present) else (0.0, 0.0)
    fractions = [0.5 if high == low else (v - low) / (high - low) for v in figures.fillna(low)]
    if direction == "lower":
        fractions = [1 - f for f in fractions]
    colours = sample_colorscale(BLUES, fractions)
    return [NO_DATA if v != v else c for v, c in zip(figures, colours, strict=True)]


BLUES = sequential.Blues  # the Plotly map's colorscale="Blues", as plotly.py resolves the name
OVERVIEW_MAP = Size(940, 600)


def _light(colour: str) -> bool:
    """Whether dark text (#111) has more contrast than white on `colour` (WCAG relative luminance)."""
    rgb = unlabel_rgb(colour) if colour.startswith("rgb") else [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    linear = [c / 255 / 12.92 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return (luminance + 0.05) / (0.0056 + 0.05) > 1.05 / (luminance + 0.05)


def ranking_drawing(frame: pd.DataFrame, shapes: dict, direction: str, lang: str, title: str) -> str:
    """A ranking (rankings.indicator_ranking) as a labelled SVG map: each region in its figure's colour (the Plotly
    map's), its label, figure and rank written on it, and the colour legend below; no chart code, no WebGL."""
    decimals, n = int(frame.decimals.iloc[0]), int(frame.rank_of.iloc[0])
    colours = figure_colours(frame.figure, direction)
    drawn = [(r, c) for r, c in zip(frame.itertuples(), colours, strict=True) if r.region in shapes]
    labels = []
    for r, colour in drawn:
        figure = (
            f"{escape(format_number(r.figure, decimals))} · {escape(t('map_rank', lang))} {int(r.rank)}/{n}"
            if r.figure == r.figure
            else escape(t("map_drawing_no_figure", lang))
        )
        tone = "ub-place light" if _light(colour) else "ub-place"
        labels.append(label(*shapes[r.region][1:], OVERVIEW_MAP, f"<b>{escape(r.label)}</b><br>{figure}", tone))
    box = f'class="ub-drawing" style="aspect-ratio:{OVERVIEW_MAP.width}/{OVERVIEW_MAP.height}"'
    desc = t("map_drawing_desc", lang)
    paths = filled_paths({r.region: c for r, c in drawn}, shapes, "#ffffff", 1.5)
    drawing = drawing_html(paths, OVERVIEW_MAP, labels, "ranking-map", box, (title, desc))
    return drawing + colour_legend(frame, direction, lang)


def colour_legend(frame: pd.DataFrame, direction: str, lang: str) -> str:
    """The colour bar under the drawn map: the unit, the lowest and highest figure at the ends of the scale, and the
    grey of no figure when a region has none."""
    present = frame.figure.dropna()
    decimals = int(frame.decimals.iloc[0])
    stops = BLUES[:: -1 if direction == "lower" else 1]
    ends = (
        f"<span>{escape(format_number(present.min(), decimals))}</span>"
        f'<span class="bar" style="background:linear-gradient(to right,{",".join(stops)})"></span>'
        f"<span>{escape(format_number(present.max(), decimals))}</span>"
        if len(present)
        else ""
    )
    grey = (
        f'<span class="swatch" style="background:{NO_DATA}"></span><span>{escape(t("no_data_legend", lang))}</span>'
        if frame.figure.isna().any()
        else ""
    )
    unit = escape(frame.basis_unit.iloc[0])
    return f'<div class="ub-map-legend" data-testid="ranking-map-legend"><b>{unit}</b>{ends}{grey}</div>'


def rank_table(column, frame: pd.DataFrame, lang: str, height: int) -> None:
    """The rank table beside a map: rank, label and figure, the unit as the value column's help."""
    table = arrow_table(ranking_table, frame, lang)
    column.dataframe(
        table,
        hide_index=True,
        placeholder="—",
        width="stretch",
        height=min(height, 38 + 35 * table.num_rows),
        column_config={
            table.column_names[0]: st.column_config.Column(width=56),
            table.column_names[2]: st.column_config.NumberColumn(
                format=f"%.{int(frame.decimals.iloc[0])}f", help=str(frame.basis_unit.iloc[0])
            ),
        },
    )


def ranking_drawing_with_table(frame: pd.DataFrame, indicator: Indicator, lang: str, title: str) -> None:
    """The drawn map (two thirds) beside its rank table (one third), both from one ranking frame: it paints with
    the page's first script bundle, where the Plotly map waited for its chart code and a WebGL first draw."""
    left, right = st.columns([2, 1])
    cache_dir = str(cache_dir_for(resolve_db_path(None)))
    left.markdown(shared(drawing_block, frame, cache_dir, indicator.direction, lang, title), unsafe_allow_html=True)
    rank_table(right, frame, lang, 560)


STANDIN_MAP = Size(940, 560)
STANDIN_WIDTH = 800  # design px: the stand-in shows at most ~800 px wide (the map's column at 1920 px, 560 px high)


@st.cache_resource(max_entries=16, show_spinner=False)
def standin_shapes(adcodes: tuple[str, ...], cache_dir: str) -> tuple[Size, dict[str, tuple[str, float, float]]]:
    """The regions' outlines framed as the Plotly map frames them, on whole design px (mercator_paths), once per
    set of regions and process."""
    geojson, bounds = boundaries(adcodes, cache_dir)
    return mercator_paths(geojson, padded(bounds), STANDIN_WIDTH, 0.8)


def standin_drawing(frame: pd.DataFrame, shapes: dict, direction: str, height: int, size: Size = STANDIN_MAP) -> str:
    """The ranking's shapes in the Plotly map's colours as a still SVG image, shown where the map goes until the map
    has drawn: it paints with the page's first bundle, the map only after Plotly's chunk (4.6 MB) is loaded and run.
    The stylesheet hides it once the map's shapes are drawn, and it never takes a click (the map does); its image
    has an empty alt text, as a stand-in for the map that follows."""
    fills = {r: c for r, c in zip(frame.region, figure_colours(frame.figure, direction), strict=True) if r in shapes}
    paths = f'<g fill-opacity="0.9">{grouped_paths(fills, shapes, "#ffffff", border_width(len(frame)))}</g>'
    box = f'class="ub-standin" style="height:{height}px"'
    # the shapes keep their proportions, centred in the box, as the Plotly map fits its framed regions in its own
    return drawing_html(paths, replace(size, aspect="xMidYMid meet"), [], "map-standin", box)


def standin_block(frame: pd.DataFrame, cache_dir: str, direction: str, height: int) -> str:
    """The map's stand-in drawing as the Markdown block the map page sends."""
    size, shapes = standin_shapes(tuple(frame.region), cache_dir)
    return as_markdown_block(standin_drawing(frame, shapes, direction, height, size))


def drawing_block(frame: pd.DataFrame, cache_dir: str, direction: str, lang: str, title: str) -> str:
    """The drawn map of a ranking as the Markdown block the overview sends."""
    shapes = region_shapes(tuple(frame.region), cache_dir, OVERVIEW_MAP, 16)
    return as_markdown_block(ranking_drawing(frame, shapes, direction, lang, title))


def ranking_map_with_table(
    frame: pd.DataFrame, indicator: Indicator, lang: str, key: str, height: int = 560, on_select=None
):
    """The map (two thirds) beside its rank table (one third), both from one ranking frame, so the shape, the hover
    and the table row of a region read the same figure and rank. Returns the map's selection event, if any."""
    left, right = st.columns([2, 1])
    cache_dir = str(cache_dir_for(resolve_db_path(None)))
    standin = shared(standin_block, frame, cache_dir, indicator.direction, height)
    left.markdown(standin, unsafe_allow_html=True)  # sent first: it paints before the map
    event = left.plotly_chart(
        shared(shapes_map, frame, cache_dir, indicator.direction, lang, height),
        key=key,
        config={"displaylogo": False, "scrollZoom": False, "topojsonURL": EMPTY_TOPOLOGY},
        on_select=on_select or "ignore",
        selection_mode="points",
    )
    # plotly.js's geo map takes the click that ends a pan for a click on the region under the pointer (MapLibre
    # did not): a click whose pointer moved more than MapLibre's tolerance (3 px) since it went down is a pan and
    # does not reach the map, so panning never opens a profile.
    left.html(PAN_IS_NOT_A_CLICK, unsafe_allow_javascript=True)
    rank_table(right, frame, lang, height)
    return event
