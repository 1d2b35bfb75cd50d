"""The wall screen's drawings: the county map and the trend as SVG shapes with their words laid over them as HTML text
(components/screen.py puts them on the canvas). Pure geometry: design pixels in, markup out; the screen's palette is
here because the shapes are drawn in it.
"""

import base64
import math
from dataclasses import dataclass
from html import escape

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import shape

from components.style import STATUS_COLOURS, STATUS_SYMBOLS
from unionbench.formatting import format_number, period_tick

BACKGROUND, PANEL, TEXT, MUTED, RULE = "#0b1526", "#13223a", "#f2f5fa", "#c3cfdf", "#2a4066"
HOME_COLOUR = "#f0e442"  # Okabe–Ito yellow: the home city on every chart
LINE_COLOURS = ["#56b4e9", "#e69f00", "#cc79a7", "#009e73", "#ffffff"]  # benchmark cities (Okabe–Ito)
REFERENCE_COLOUR = "#ffffff"

# Text on the status colours: white (each colour has ≥ 4.5:1 against it, see components.style).


# --- the county map: outlines and names in SVG ---------------------------------------------------------------------


@dataclass(frozen=True)
class Size:
    """A drawing's size in design px: its shapes are drawn in these units and its words placed in % of them."""

    width: int
    height: int
    # how the shapes fit a box of other proportions (the SVG's preserveAspectRatio): by default they stretch with
    # the box, as the words placed in % of it do
    aspect: str = "none"


MAP_W, MAP_H, MAP_PAD = 940, 620, 24
MAP = Size(MAP_W, MAP_H)


def drawing_html(
    svg_body: str,
    size: Size,
    labels: list[str],
    testid: str,
    box: str = "",
    about: tuple[str, str] = ("", ""),
) -> str:
    """A drawing of `width`×`height` design px: the shapes as an SVG image (the HTML sanitiser of st.html drops
    inline SVG; an image of shapes without text needs no font) and every word laid over it as HTML text,
    positioned in % of the box — so all text is real text, measurable and sharp at any scale. `box` is the box's
    class and size (the screen's in its own units by default); `about` is the title and description that name and
    describe the drawing for a screen reader (the image's alt text, and the SVG's own title and desc)."""
    width, height, aspect = size.width, size.height, size.aspect
    title, desc = about
    about = f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>" if title else ""
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" preserveAspectRatio="{aspect}">'
        f"{about}{svg_body}</svg>"
    )
    source = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    box = box or f'class="sc-drawing" style="width:calc(var(--u) * {width});height:calc(var(--u) * {height})"'
    alt = escape(f"{title}. {desc}" if desc else title)
    return f'<div {box} data-testid="{testid}"><img src="{source}" alt="{alt}">{"".join(labels)}</div>'


def label(x: float, y: float, size: Size, text: str, css_class: str, anchor: str = "center") -> str:
    """Text at (x, y) of a drawing: centred on the point, or starting / ending there ('start' | 'end')."""
    shift = {"center": "-50%", "start": "0", "end": "-100%"}[anchor]
    return (
        f'<span class="{css_class}" style="left:{100 * x / size.width:.3f}%;top:{100 * y / size.height:.3f}%;'
        f'transform:translate({shift},-50%)">{text}</span>'
    )


def county_paths(
    geojson: dict, bounds: tuple[float, float, float, float], size: Size = MAP, pad: float = MAP_PAD
) -> dict[str, tuple[str, float, float]]:
    """Per county: an SVG path in the drawing's design px (equirectangular, x shrunk by cos(latitude)) and the point
    where its name goes (shapely's representative_point: always inside the shape, unlike a centroid)."""
    west, south, east, north = bounds
    shrink = math.cos(math.radians((north + south) / 2))
    span_x, span_y = max((east - west) * shrink, 1e-6), max(north - south, 1e-6)
    k = min((size.width - 2 * pad) / span_x, (size.height - 2 * pad) / span_y)
    off_x = (size.width - span_x * k) / 2
    off_y = (size.height - span_y * k) / 2

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return off_x + (lon - west) * shrink * k, off_y + (north - lat) * k

    shapes = {}
    for feature in geojson["features"]:
        geometry = shape(feature["geometry"])
        path = []
        for polygon in getattr(geometry, "geoms", [geometry]):
            for ring in [polygon.exterior, *polygon.interiors]:
                points = [xy(x, y) for x, y in ring.coords]
                path.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
        point = shapely.get_coordinates(geometry.representative_point())[0]
        shapes[feature["id"]] = ("".join(path), *xy(*point))
    return shapes


def northing(lat):
    """Web Mercator's y of a latitude (degrees; a number or an array), in radians of longitude."""
    return np.arcsinh(np.tan(np.radians(np.clip(lat, -85, 85))))


def mercator_paths(geojson: dict, bounds: tuple[float, float, float, float], width: int, tolerance: float):
    """The Size of a drawing `width` design px wide of `bounds` (west, south, east, north) in Web Mercator, as
    Plotly's geo map frames them, and per region (as county_paths) its outline as a short SVG path and the point
    where its name goes. Outlines are simplified by `tolerance` px along shared edges (no gap opens between
    neighbours) and put on whole px, each point written as its move from the one before: all of China's 2,840
    counties in ~200 KB (county_paths: 1.3 MB)."""
    west, south, east, north = bounds
    top = northing(north)
    k = width / max(np.radians(east - west), 1e-9)
    size = Size(width, max(1, round(float(top - northing(south)) * k)))
    geometries = [shape(feature["geometry"]) for feature in geojson["features"]]
    drawn = shapely.transform(
        np.array(geometries),
        lambda xy: np.column_stack([np.radians(xy[:, 0] - west) * k, (top - northing(xy[:, 1])) * k]),
    )
    simplified = shapely.coverage_simplify(drawn, tolerance) if tolerance else drawn
    points = shapely.get_coordinates(shapely.point_on_surface(drawn))
    return size, {
        feature["id"]: ("".join(_ring_path(ring) for ring in _rings(geometry)), float(x), float(y))
        for feature, geometry, (x, y) in zip(geojson["features"], simplified, points, strict=True)
    }


def _rings(geometry):
    for polygon in getattr(geometry, "geoms", [geometry]):
        yield polygon.exterior
        yield from polygon.interiors


def _ring_path(ring) -> str:
    """A ring on whole px as `M x y l dx dy …z` (a minus sign needs no space before it); '' when it is under a px."""
    points = np.rint(shapely.get_coordinates(ring)).astype(int)
    points = points[np.r_[True, (np.diff(points, axis=0) != 0).any(axis=1)]]
    if len(points) < 4:  # closed: at least three corners and the first again
        return ""
    moves = np.diff(points[:-1], axis=0).ravel().tolist()
    return f"M{points[0, 0]} {points[0, 1]}l" + "".join(f"{v}" if v < 0 else f" {v}" for v in moves).lstrip() + "z"


def grouped_paths(fills: dict[str, str], shapes: dict[str, tuple[str, float, float]], stroke: str, width: float) -> str:
    """As filled_paths, one path per colour: a national map's 2,840 counties in a few hundred elements."""
    by_colour: dict[str, list[str]] = {}
    for region, fill in fills.items():
        if region in shapes:
            by_colour.setdefault(fill, []).append(shapes[region][0])
    return "".join(
        f'<path d="{"".join(paths)}" fill="{fill}" stroke="{stroke}" stroke-width="{width}"/>'
        for fill, paths in by_colour.items()
    )


def filled_paths(fills: dict[str, str], shapes: dict[str, tuple[str, float, float]], stroke: str, width: float) -> str:
    """Each region's outline (county_paths) filled in its colour, the borders in `stroke`."""
    return "".join(
        f'<path d="{shapes[region][0]}" fill="{fill}" stroke="{stroke}" stroke-width="{width}"/>'
        for region, fill in fills.items()
        if region in shapes
    )


def county_map_html(counties: pd.DataFrame, shapes: dict[str, tuple[str, float, float]]) -> str:
    """Each county filled in its verdict colour, with its name, verdict symbol and gap written on the shape."""
    drawn = counties[counties["region"].isin(shapes)]
    fills = {r.region: STATUS_COLOURS.get(r.verdict, STATUS_COLOURS[""]) for r in drawn.itertuples()}
    labels = [
        label(
            *shapes[r.region][1:],
            MAP,
            f'<b data-testid="screen-map-name">{escape(r.region_name)}</b>'
            f"<br>{STATUS_SYMBOLS.get(r.verdict, '—')} {escape(r.lead_text)}",
            "sc-place",
        )
        for r in drawn.itertuples()
    ]
    return drawing_html(filled_paths(fills, shapes, BACKGROUND, 4), MAP, labels, "screen-map")


# --- the trend: lines with their names at the end -----------------------------------------------------------------

TREND = Size(1800, 650)
PLOT_L, PLOT_R, PLOT_T, PLOT_B = 120, 1330, 24, 584


def _ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round tick values covering [low, high]."""
    span = (high - low) or abs(high) or 1.0
    raw = span / count
    step = 10 ** math.floor(math.log10(raw))
    step *= next(m for m in (1, 2, 2.5, 5, 10) if raw <= m * step)
    start = math.floor(low / step) * step
    return [start + i * step for i in range(int(math.ceil((high - start) / step)) + 1)]


def trend_drawing(lines: pd.DataFrame, periods: list[str], lang: str = "zh") -> str:
    """Home (yellow, thick, dotted with markers), the benchmark level (white, dashed) and each benchmark city over
    eight quarters, each named at its last point (no legend to clip), quarters along the bottom, round gridlines."""
    if lines.empty:
        return drawing_html("", TREND, [], "screen-trend")
    ticks = _ticks(min(0.0, float(lines["figure"].min())), float(lines["figure"].max()))
    low, high = ticks[0], ticks[-1]
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1
    decimals = 0 if step >= 1 else 1 if step >= 0.1 else 2

    def x(period: str) -> float:
        return PLOT_L + periods.index(period) * (PLOT_R - PLOT_L) / max(1, len(periods) - 1)

    def y(value: float) -> float:
        return PLOT_B - (value - low) / (high - low or 1) * (PLOT_B - PLOT_T)

    shapes, labels = [], []
    for tick in ticks:
        shapes.append(f'<line x1="{PLOT_L}" x2="{PLOT_R}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="{RULE}" '
                      'stroke-width="2"/>')  # fmt: skip
        labels.append(label(PLOT_L - 16, y(tick), TREND, format_number(tick, decimals), "sc-tick", "end"))
    for n, period in enumerate(periods):  # quarters in the screen's language, the year where it starts
        # the year on each first quarter, and on the first tick unless a first quarter follows right beside it
        first = n == 0 and not (len(periods) > 1 and periods[1].endswith("Q1"))
        tick = period_tick(period, first or period.endswith("Q1"), lang)
        labels.append(label(x(period), PLOT_B + 40, TREND, escape(tick), "sc-tick"))
    ends = []
    order = {"member": 0, "reference": 1, "home": 2}  # the home is drawn last, on top
    members = list(lines.loc[lines["role"] == "member", "region"].unique())
    for (role, region), line in sorted(lines.groupby(["role", "region"]), key=lambda g: order[g[0][0]]):
        line = line[line["period"].isin(periods)].sort_values("period")
        if line.empty:
            continue
        colour = {"home": HOME_COLOUR, "reference": REFERENCE_COLOUR}.get(role)
        colour = colour or LINE_COLOURS[members.index(region) % len(LINE_COLOURS)]
        width = {"home": 10, "reference": 5}.get(role, 4)
        dash = ' stroke-dasharray="18 12"' if role == "reference" else ""
        points = " ".join(f"{x(p):.1f},{y(v):.1f}" for p, v in zip(line["period"], line["figure"], strict=True))
        shapes.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="{width}"{dash}/>')
        if role == "home":
            shapes += [f'<circle cx="{x(p):.1f}" cy="{y(v):.1f}" r="10" fill="{colour}"/>'
                       for p, v in zip(line["period"], line["figure"], strict=True)]  # fmt: skip
        last = line.iloc[-1]
        ends.append([y(last["figure"]), f"{last['region_name']} {last['figure_label']}", colour, role])
    for end_y, text, colour, role in _spread(ends, 46, PLOT_T + 20, PLOT_B):
        labels.append(label(PLOT_R + 24, end_y, TREND, escape(text), f"sc-end {role}", "start")
                      .replace('style="', f'style="color:{colour};', 1))  # fmt: skip
    return drawing_html("".join(shapes), TREND, labels, "screen-trend")


def _spread(ends: list[list], gap: float, top: float, bottom: float) -> list[list]:
    """End labels moved apart vertically (at least `gap` between them, within [top, bottom]) so none overlap."""
    ends = sorted(ends, key=lambda e: e[0])
    for i in range(1, len(ends)):
        ends[i][0] = max(ends[i][0], ends[i - 1][0] + gap)
    overshoot = ends[-1][0] - bottom if ends else 0
    if overshoot > 0:
        for e in ends:
            e[0] -= overshoot
    for i in range(len(ends)):
        ends[i][0] = max(ends[i][0], top + i * gap)
    return ends
