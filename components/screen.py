"""The wall screen: one dark 16:9 canvas for the back of a meeting room, drawn as one piece of HTML with
inline SVG (no Plotly, no map library: nothing to fetch, nothing to log, on screen with the first frame).

Every slide answers "where do we lag, and by how much?": a headline sentence across the top, then the story —
overview → each lagging indicator, worst first → the counties on a named map and a ranking → the trend. Every
figure and word comes from the read model's rows (unionbench.read.comparison); this module only lays them out.

Sizes are design pixels on a 1920×1080 canvas multiplied by --u (the screen's scale, from the viewport in CSS, or
from ?vw=&vh= when a TV browser misreports its size). No text is under 28 design px: ≥ 28 px at 1920×1080,
≥ 19.9 px at 1366×768, ≥ 56 px at 3840×2160.
"""

import base64
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape

import pandas as pd
import shapely
import streamlit as st
from shapely.geometry import shape

from components import data
from components.choropleth import boundaries
from components.strings import t
from components.style import STATUS_COLOURS, STATUS_SYMBOLS
from unionbench.formatting import format_number, period_text, period_tick
from unionbench.placenames import short_english
from unionbench.read import comparison, views

BASE_WIDTH, BASE_HEIGHT = 1920, 1080
BACKGROUND, PANEL, TEXT, MUTED, RULE = "#0b1526", "#13223a", "#f2f5fa", "#c3cfdf", "#2a4066"
HOME_COLOUR = "#f0e442"  # Okabe–Ito yellow: the home city on every chart
LINE_COLOURS = ["#56b4e9", "#e69f00", "#cc79a7", "#009e73", "#ffffff"]  # benchmark cities (Okabe–Ito)
REFERENCE_COLOUR = "#ffffff"
# Text on the status colours: white (each colour has ≥ 4.5:1 against it, see components.style).
DEFAULT_SECONDS, MIN_SECONDS, MAX_SECONDS = 15, 5, 3600
MAX_INDICATORS = 30
ROWS_THAT_FIT = 9


# --- the link ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """The kiosk link's own values, each checked: seconds per slide, the indicators to tell (None: every lagging
    one), an explicit canvas size, and the names of the parameters that were ignored."""

    seconds: int = DEFAULT_SECONDS
    indicators: tuple[str, ...] | None = None
    vw: int | None = None
    vh: int | None = None
    ignored: tuple[str, ...] = field(default_factory=tuple)


def _whole(raw: str | None, low: int, high: int) -> int | None:
    """An integer written with ASCII digits only (no '²', no sign, at most 6 digits) within [low, high], else None."""
    if raw is None or not re.fullmatch(r"[0-9]{1,6}", raw):
        return None
    value = int(raw)
    return value if low <= value <= high else None


def read_link(params: Mapping[str, str], catalogue_ids: set[str]) -> Link:
    """The screen's parameters from the link; a bad one falls back to its default and is named in `ignored`
    (home, bench, period and lang are checked by unionbench.read.comparison.selection_from_params)."""
    ignored = []
    seconds = DEFAULT_SECONDS
    if params.get("seconds") not in (None, ""):
        asked = _whole(params.get("seconds"), 0, 999_999)
        if asked is None or not MIN_SECONDS <= asked <= MAX_SECONDS:
            ignored.append("seconds")  # not a whole number of seconds: the default; out of range: the nearest bound
        if asked is not None:
            seconds = min(max(asked, MIN_SECONDS), MAX_SECONDS)
    indicators = None
    if params.get("indicators") not in (None, ""):
        asked = str(params.get("indicators"))[:2000].split(",")
        known = tuple(dict.fromkeys(i for i in asked if i in catalogue_ids))[:MAX_INDICATORS]
        if len(known) < len([i for i in asked if i]):
            ignored.append("indicators")
        indicators = known or None
    vw, vh = _whole(params.get("vw"), 320, 16_000), _whole(params.get("vh"), 240, 9_000)
    for key, value in (("vw", vw), ("vh", vh)):
        if params.get(key) not in (None, "") and value is None:
            ignored.append(key)
    if vw is None or vh is None:
        vw = vh = None
    if params.get("per10k") not in (None, "") and str(params.get("per10k")).lower() not in PER_10K_WORDS:
        ignored.append("per10k")
    return Link(seconds, indicators, vw, vh, tuple(ignored))


PER_10K_WORDS = ("0", "1", "true", "false", "yes", "no")


def scale_for(width: int | None, height: int | None) -> float | None:
    """How much bigger than the 1920×1080 design an explicit canvas is (0.71 at 1366×768, 2 at 3840×2160);
    None leaves it to the viewport."""
    if not width or not height:
        return None
    return max(0.25, min(width / BASE_WIDTH, height / BASE_HEIGHT))


# --- the story --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Slide:
    kind: str  # overview | indicator | ranking | trend
    indicator: str | None = None


def story(rows: pd.DataFrame, lagging: list[str], chosen: tuple[str, ...] | None) -> list[Slide]:
    """Overview → each lagging indicator, worst first (`lagging`, from the read model) → the county ranking and the
    trend of the largest gap. Indicators chosen in the link that are not behind follow the lagging ones."""
    told = list(lagging)
    if chosen:
        told += [i for i in chosen if i not in told and i in set(rows["indicator"])]
    judged = rows[rows["verdict"] != ""]["indicator"].tolist()
    focus = told[0] if told else (judged[0] if judged else None)
    slides = [Slide("overview"), *(Slide("indicator", i) for i in told)]
    if focus:
        slides += [Slide("ranking", focus), Slide("trend", focus)]
    return slides


# --- the stylesheet -----------------------------------------------------------------------------------------------


def css(scale: float | None) -> str:
    """The kiosk stylesheet: no sidebar, header, toolbar or scrollbars; a dark canvas; sizes in design px × --u."""
    unit = f"{scale:.4f}px" if scale else f"min(100vw / {BASE_WIDTH}, 100vh / {BASE_HEIGHT})"
    return f"""
<style>
:root {{ --u: {unit}; }}
html, body, .stApp, [data-testid=stAppViewContainer], [data-testid=stMain] {{
  background: {BACKGROUND} !important; color: {TEXT}; overflow: hidden !important; scrollbar-width: none;
}}
::-webkit-scrollbar {{ display: none; }}
[data-testid=stSidebar], [data-testid=stSidebarCollapsedControl], [data-testid=stHeader],
[data-testid=stToolbar], [data-testid=stDecoration], [data-testid=stStatusWidget], footer {{
  display: none !important;
}}
[data-testid=stMainBlockContainer], .block-container {{ padding: 0 !important; max-width: 100% !important; }}
[data-stale=true] {{ opacity: 1 !important; transition: none !important; }}
.sc {{ position: fixed; left: 0; top: 0; z-index: 10; box-sizing: border-box; overflow: hidden;
  width: calc(var(--u) * 1920); height: calc(var(--u) * 1080); padding: calc(var(--u) * 20) calc(var(--u) * 28);
  display: flex; flex-direction: column; gap: calc(var(--u) * 12); background: {BACKGROUND}; color: {TEXT};
  font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
  line-height: 1.45; }}  /* Noto Sans CJK: ascent + descent ≈ 1.45 em */
.sc * {{ box-sizing: border-box; }}
.sc-title, .sc-headline, .sc-slide {{ line-height: 1.45; flex: none; }}  /* CJK glyphs need ~1.45 em */
.sc-title {{ display: flex; justify-content: space-between; align-items: baseline; gap: calc(var(--u) * 24); }}
.sc-title h1 {{ font-size: calc(var(--u) * 38); margin: 0; padding: 0; color: {TEXT}; font-weight: 700;
  white-space: nowrap; }}
.sc-title .meta {{ font-size: calc(var(--u) * 28); color: {MUTED}; text-align: right; }}
.sc-tag {{ display: inline-block; border: 2px solid {MUTED}; border-radius: calc(var(--u) * 8); color: {MUTED};
  padding: 0 calc(var(--u) * 10); margin-left: calc(var(--u) * 14); font-size: calc(var(--u) * 28);
  font-weight: 400; vertical-align: middle; }}
.sc-note {{ color: #ffd166; }}
.sc-headline {{ font-size: calc(var(--u) * 42); font-weight: 700; color: #ffffff; }}
.sc-slide {{ display: flex; justify-content: space-between; align-items: baseline;
  border-top: 2px solid {RULE}; padding-top: calc(var(--u) * 10); }}
.sc-slide .what {{ font-size: calc(var(--u) * 36); font-weight: 700; }}
.sc-slide .what .basis {{ font-weight: 400; color: {MUTED}; font-size: calc(var(--u) * 30); }}
.sc-slide .progress {{ font-size: calc(var(--u) * 28); color: {MUTED}; white-space: nowrap; }}
.sc-body {{ flex: 1; min-height: 0; display: flex; gap: calc(var(--u) * 20); }}
.sc-tiles {{ flex: 1; display: grid; grid-template-columns: repeat(3, 1fr); grid-template-rows: 1fr 1fr;
  gap: calc(var(--u) * 18); min-height: 0; }}
.sc-tile, .sc-panel {{ background: {PANEL}; border-radius: calc(var(--u) * 12); overflow: hidden; min-width: 0;
  min-height: 0; padding: calc(var(--u) * 16) calc(var(--u) * 24); border-left: calc(var(--u) * 10) solid {PANEL}; }}
.sc-tile {{ display: flex; flex-direction: column; gap: calc(var(--u) * 2); }}
.sc-tile .name {{ font-size: calc(var(--u) * 32); color: {MUTED}; font-weight: 700; }}
.sc-verdict {{ display: flex; align-items: center; gap: calc(var(--u) * 16); flex-wrap: wrap; }}
.sc-badge {{ display: inline-block; border-radius: calc(var(--u) * 10); padding: calc(var(--u) * 2) calc(var(--u) * 14);
  font-weight: 700; color: #fff; font-size: calc(var(--u) * 36); white-space: nowrap; }}
.sc-lead {{ font-size: calc(var(--u) * 68); font-weight: 800; line-height: 1; white-space: nowrap; }}
.sc-tile .gap {{ font-size: calc(var(--u) * 30); }}
/* Chinese is about half as long as English for the same words: its tiles have room for larger type */
.sc:lang(zh) .sc-tile .name {{ font-size: calc(var(--u) * 36); }}
.sc:lang(zh) .sc-tile .sc-lead {{ font-size: calc(var(--u) * 84); }}
.sc:lang(zh) .sc-tile .gap {{ font-size: calc(var(--u) * 34); }}
.sc:lang(zh) .sc-tile .figures {{ font-size: calc(var(--u) * 32); }}
.sc-tile .figures, .sc-tile .value {{ font-size: calc(var(--u) * 28); color: {MUTED}; }}
.sc-panel {{ display: flex; flex-direction: column; gap: calc(var(--u) * 12); }}
.sc-panel h2 {{ font-size: calc(var(--u) * 34); margin: 0; padding: 0; color: {TEXT}; font-weight: 700; }}
.sc-big .sc-lead {{ font-size: calc(var(--u) * 128); white-space: normal; }}
.sc-tile .sc-lead {{ white-space: normal; }}  /* a small-number gap is written out in full: it may wrap */
.sc-big .sc-badge {{ font-size: calc(var(--u) * 52); }}
.sc-facts {{ display: grid; grid-template-columns: auto 1fr; column-gap: calc(var(--u) * 24);
  row-gap: calc(var(--u) * 8); font-size: calc(var(--u) * 36); }}
.sc-facts .label {{ color: {MUTED}; }}
.sc-big .line {{ font-size: calc(var(--u) * 34); color: {MUTED}; }}
.sc-drag {{ font-size: calc(var(--u) * 34); margin-top: auto; }}
.sc-drag b {{ color: #ff7f50; }}
.sc-member {{ display: grid; grid-template-columns: 1fr auto; align-items: center; row-gap: calc(var(--u) * 4);
  column-gap: calc(var(--u) * 16); padding: calc(var(--u) * 14) 0; border-bottom: 2px solid {RULE}; }}
.sc-member .who {{ font-size: calc(var(--u) * 40); font-weight: 700; }}
.sc-member .figure {{ font-size: calc(var(--u) * 30); color: {MUTED}; grid-column: 1 / -1; }}
.sc-member .sc-lead {{ font-size: calc(var(--u) * 48); }}
.sc-member .sc-badge {{ font-size: calc(var(--u) * 32); }}
.sc-list {{ flex: 1; min-height: 0; overflow: hidden; }}
.sc-row {{ display: grid; grid-template-columns: calc(var(--u) * 56) 1fr auto; align-items: center;
  column-gap: calc(var(--u) * 14); height: calc(var(--u) * 66); font-size: calc(var(--u) * 34);
  border-bottom: 2px solid {RULE}; white-space: nowrap; }}
.sc-row .rank {{ color: {MUTED}; }}
.sc-row .lead {{ font-weight: 700; }}
.sc-roll {{ animation: sc-roll var(--roll) linear infinite; }}
@keyframes sc-roll {{ from {{ transform: translateY(0); }} to {{ transform: translateY(-50%); }} }}
.sc-drawing {{ position: relative; flex: none; }}
.sc-drawing img {{ position: absolute; inset: 0; width: 100%; height: 100%; }}
.sc-drawing > span {{ position: absolute; white-space: nowrap; line-height: 1.1; }}
.sc-place {{ text-align: center; font-size: calc(var(--u) * 30); color: #fff;
  text-shadow: 0 0 calc(var(--u) * 4) {BACKGROUND}, 0 0 calc(var(--u) * 4) {BACKGROUND}; }}
.sc-place b {{ font-size: calc(var(--u) * 34); }}
.sc-tick {{ font-size: calc(var(--u) * 28); color: {MUTED}; }}
.sc-end {{ font-size: calc(var(--u) * 32); }}
.sc-end.home {{ font-weight: 700; font-size: calc(var(--u) * 36); }}
.sc-legend {{ display: flex; gap: calc(var(--u) * 28); font-size: calc(var(--u) * 28); color: {MUTED};
  flex-wrap: wrap; }}
</style>
"""


# --- pieces -----------------------------------------------------------------------------------------------------


def badge(verdict: str, words: str) -> str:
    """The verdict as colour, symbol and word together (never colour alone)."""
    colour = STATUS_COLOURS.get(verdict, STATUS_COLOURS[""])
    symbol = STATUS_SYMBOLS.get(verdict, "—")
    return f'<span class="sc-badge" style="background:{colour}">{symbol} {escape(words)}</span>'


def accent(verdict: str) -> str:
    return f"border-left-color:{STATUS_COLOURS.get(verdict, PANEL)}"


def header_html(
    home_name: str, period: str, set_name: str, lang: str, demo: bool, updated: str, notes: list[str], headline: str
) -> str:
    """Title, data time, the benchmark's as-of note and link notes, and the headline sentence."""
    tag = f'<span class="sc-tag">{escape(t("demo_tag", lang))}</span>' if demo else ""
    title = f"{t('screen_heading', lang, home=home_name)} · {period} · {t('vs_bench', lang, bench=set_name)}"
    meta = escape(t("screen_data_as_of", lang, time=updated))
    meta += "".join(f'<div class="sc-note">{escape(note)}</div>' for note in notes if note)
    return (
        f'<div class="sc-title" data-testid="screen-title"><h1>{escape(title)}{tag}</h1>'
        f'<div class="meta">{meta}</div></div>'
        f'<div class="sc-headline" data-testid="screen-headline">{escape(headline)}</div>'
    )


def slide_heading_html(slide: Slide, row: Mapping | None, period: str, position: int, count: int, lang: str) -> str:
    """What this slide shows — its indicator, the basis it is compared on, the quarter — and where the story is."""
    key = slide.kind
    if slide.kind == "indicator" and row is not None and row["verdict"] != "behind":
        key = "chosen"  # asked for in the link, not behind: not called a weakness
    kind = t(f"screen_slide_{key}", lang)
    if row is None:
        basis = t("screen_overview_what", lang)
        what = f'{escape(kind)} <span class="basis">· {escape(basis)} · {escape(period)}</span>'
    else:
        basis = t("screen_basis", lang, unit=row["basis_unit"])
        what = f'{escape(kind)} · {escape(row["name"])} <span class="basis">· {escape(basis)} · {escape(period)}</span>'
    return (
        f'<div class="sc-slide" data-testid="screen-slide" data-kind="{slide.kind}" '
        f'data-indicator="{escape(slide.indicator or "overview")}"><span class="what">{what}</span>'
        f'<span class="progress">{position + 1} / {count}</span></div>'
    )


def tile_html(row: Mapping, lang: str) -> str:
    """One headline indicator: the verdict and the gap first and largest, then both figures on the compared basis
    (the absolute total is on the indicator's own slide: English units leave no room for it here)."""
    gap = ""
    if row["gap_text"] != row["lead_text"]:
        gap = f'<div class="gap">{escape(t("gap", lang))} {escape(row["gap_text"])}</div>'
    return (
        f'<div class="sc-tile" data-testid="screen-tile" data-status="{escape(row["verdict"])}" '
        f'style="{accent(row["verdict"])}"><div class="name">{escape(row["name"])}</div>'
        f'<div class="sc-verdict">{badge(row["verdict"], row["verdict_text"])}'
        f'<span class="sc-lead">{escape(row["lead_text"])}</span></div>{gap}'
        f'<div class="figures">{escape(t("home_figure", lang))} {escape(row["home_text"])} · '
        f"{escape(t('benchmark', lang))} {escape(row['benchmark_text'])}</div>"
        "</div>"
    )


def overview_html(rows: pd.DataFrame, lang: str) -> str:
    tiles = "".join(tile_html(row, lang) for _, row in rows[rows["headline"]].head(6).iterrows())
    return f'<div class="sc-tiles">{tiles}</div>'


def indicator_html(
    row: Mapping, members: pd.DataFrame, counties: pd.DataFrame, home_name: str, set_name: str, lang: str
) -> str:
    """One lagging indicator: the verdict and gap very large, both figures, rank, trend and what it takes; beside
    it the home against each benchmark city on its own (comparison.gaps_to_each_member) and the counties furthest
    behind (their own comparison rows)."""
    pairs = [(t("home_figure", lang), row["home_text"]), (t("benchmark", lang), row["benchmark_text"])]
    if row["gap_text"] != row["lead_text"]:  # a rate's gap is its lead: said once
        pairs.insert(0, (t("gap", lang), row["gap_text"]))
    if row["value_text"] != row["home_text"]:  # a rate is its own total
        pairs.append((t("total_context", lang), row["value_text"]))
    facts = "".join(f'<span class="label">{escape(k)}</span><span>{escape(v)}</span>' for k, v in pairs)
    lines = [t("screen_rank_trend", lang, rank=row["rank_text"], trend=row["trend_text"])]
    if row["needed_text"] != "—":
        lines.append(t("screen_needed", lang, needed=row["needed_text"]))
    more = "".join(f'<div class="line">{escape(line)}</div>' for line in lines)
    if row["as_of_text"]:
        more += f'<div class="line sc-note">{escape(row["as_of_text"])}</div>'
    big = (
        f'<div class="sc-panel sc-big" style="flex:1.15;{accent(row["verdict"])}">'
        f'<div class="sc-verdict">{badge(row["verdict"], row["verdict_text"])}</div>'
        f'<div class="sc-lead">{escape(row["lead_text"])}</div><div class="sc-facts">{facts}</div>{more}</div>'
    )
    cities = "".join(
        f'<div class="sc-member"><span class="who">{escape(m.region_name)}</span>'
        f'<span class="sc-verdict">{badge(m.verdict, m.verdict_text)}<span class="sc-lead">{escape(m.lead_text)}</span>'
        f'</span><span class="figure">{escape(t("benchmark", lang))} {escape(m.benchmark_text)}</span></div>'
        for m in members.itertuples()
    )
    behind = counties[counties["verdict"] == "behind"].sort_values("lead").head(3)
    drag = ""
    if len(behind):
        names = t("list_sep", lang).join(
            f'<span style="white-space:nowrap">{escape(r.region_name)} {escape(r.lead_text)}</span>'
            for r in behind.itertuples()
        )
        drag = f'<div class="sc-drag">{escape(t("screen_drag", lang, bench=set_name))}<br><b>{names}</b></div>'
    side = (
        f'<div class="sc-panel" style="flex:1" data-testid="screen-gaps">'
        f"<h2>{escape(t('screen_each_member', lang, home=home_name))}</h2>{cities}{drag}</div>"
    )
    return big + side


def ranking_list_html(counties: pd.DataFrame, heading: str) -> str:
    """The counties best first, each with its figure and verdict against the benchmark cities' counties; a list
    longer than fits rolls slowly upwards (drawn twice for a seamless loop)."""
    ordered = counties.sort_values("rank", na_position="last")
    rows = "".join(
        f'<div class="sc-row" data-testid="screen-county"><span class="rank">'
        f"{int(r.rank) if r.rank == r.rank else '—'}</span>"
        f"<span>{escape(r.region_name)} {escape(r.home_text)}</span>"
        f'<span class="lead" style="color:{text_colour(r.verdict)}">{STATUS_SYMBOLS.get(r.verdict, "—")} '
        f"{escape(r.lead_text)}</span></div>"
        for r in ordered.itertuples()
    )
    rolling = len(ordered) > ROWS_THAT_FIT
    body = f'<div class="sc-roll" style="--roll:{3 * len(ordered)}s">{rows}{rows}</div>' if rolling else rows
    return (
        f'<div class="sc-panel" style="flex:0 0 calc(var(--u) * 800)" data-testid="screen-ranking">'
        f'<h2>{escape(heading)}</h2><div class="sc-list">{body}</div></div>'
    )


# Verdict colours lightened for text on the dark panel (the badges keep the darker fills): blue, grey, vermillion.
TEXT_COLOURS = {"ahead": "#56b4e9", "level": "#d9d9d9", "behind": "#ff7f50", "": MUTED}


def text_colour(verdict: str) -> str:
    return TEXT_COLOURS.get(verdict, MUTED)


# --- the county map: outlines and names in SVG ---------------------------------------------------------------------

MAP_W, MAP_H, MAP_PAD = 940, 620, 24


def drawing_html(svg_body: str, width: int, height: int, labels: list[str], testid: str) -> str:
    """A drawing of `width`×`height` design px: the shapes as an SVG image (the HTML sanitiser of st.html drops
    inline SVG; an image of shapes without text needs no font) and every word laid over it as HTML text,
    positioned in % of the box — so all text is real text, measurable and sharp at any scale."""
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" preserveAspectRatio="none">'
        f"{svg_body}</svg>"
    )
    source = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    return (
        f'<div class="sc-drawing" data-testid="{testid}" '
        f'style="width:calc(var(--u) * {width});height:calc(var(--u) * {height})">'
        f'<img src="{source}" alt="">{"".join(labels)}</div>'
    )


def label(x: float, y: float, width: int, height: int, text: str, css_class: str, anchor: str = "center") -> str:
    """Text at (x, y) of a drawing: centred on the point, or starting / ending there ('start' | 'end')."""
    shift = {"center": "-50%", "start": "0", "end": "-100%"}[anchor]
    return (
        f'<span class="{css_class}" style="left:{100 * x / width:.3f}%;top:{100 * y / height:.3f}%;'
        f'transform:translate({shift},-50%)">{text}</span>'
    )


@st.cache_resource(max_entries=16, show_spinner=False)
def county_shapes(adcodes: tuple[str, ...], cache_dir: str) -> dict[str, tuple[str, float, float]]:
    """Per county: an SVG path in map design px (equirectangular, x shrunk by cos(latitude)) and the point where its
    name goes (shapely's representative_point: always inside the shape, unlike a centroid)."""
    geojson, (west, south, east, north) = boundaries(adcodes, cache_dir)
    shrink = math.cos(math.radians((north + south) / 2))
    span_x, span_y = (east - west) * shrink, north - south
    k = min((MAP_W - 2 * MAP_PAD) / span_x, (MAP_H - 2 * MAP_PAD) / span_y)
    off_x = (MAP_W - span_x * k) / 2
    off_y = (MAP_H - span_y * k) / 2

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


def county_map_html(counties: pd.DataFrame, shapes: dict[str, tuple[str, float, float]]) -> str:
    """Each county filled in its verdict colour, with its name, verdict symbol and gap written on the shape."""
    paths, labels = [], []
    for r in counties.itertuples():
        if r.region not in shapes:
            continue
        path, x, y = shapes[r.region]
        fill = STATUS_COLOURS.get(r.verdict, STATUS_COLOURS[""])
        paths.append(f'<path d="{path}" fill="{fill}" stroke="{BACKGROUND}" stroke-width="4"/>')
        text = (
            f'<b data-testid="screen-map-name">{escape(r.region_name)}</b>'
            f"<br>{STATUS_SYMBOLS.get(r.verdict, '—')} {escape(r.lead_text)}"
        )
        labels.append(label(x, y, MAP_W, MAP_H, text, "sc-place"))
    return drawing_html("".join(paths), MAP_W, MAP_H, labels, "screen-map")


def ranking_html(counties: pd.DataFrame, shapes: dict, heading: str, legend: str) -> str:
    """The county slide: the named map and the ranking list."""
    map_panel = (
        f'<div class="sc-panel" style="flex:1;align-items:center">{county_map_html(counties, shapes)}'
        f'<div class="sc-legend">{legend}</div></div>'
    )
    return map_panel + ranking_list_html(counties, heading)


def legend_html(lang: str) -> str:
    return "".join(f"<span>{badge(v, t(f'screen_legend_{v}', lang))}</span>" for v in ("ahead", "level", "behind"))


# --- the trend: lines with their names at the end -----------------------------------------------------------------

TREND_W, TREND_H = 1800, 650
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
        return drawing_html("", TREND_W, TREND_H, [], "screen-trend")
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
        labels.append(label(PLOT_L - 16, y(tick), TREND_W, TREND_H, format_number(tick, decimals), "sc-tick", "end"))
    for n, period in enumerate(periods):  # quarters in the screen's language, the year where it starts
        # the year on each first quarter, and on the first tick unless a first quarter follows right beside it
        first = n == 0 and not (len(periods) > 1 and periods[1].endswith("Q1"))
        tick = period_tick(period, first or period.endswith("Q1"), lang)
        labels.append(label(x(period), PLOT_B + 40, TREND_W, TREND_H, escape(tick), "sc-tick"))
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
        labels.append(label(PLOT_R + 24, end_y, TREND_W, TREND_H, escape(text), f"sc-end {role}", "start")
                      .replace('style="', f'style="color:{colour};', 1))  # fmt: skip
    return drawing_html("".join(shapes), TREND_W, TREND_H, labels, "screen-trend")


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


def trend_html(lines: pd.DataFrame, periods: list[str], heading: str, lang: str = "zh") -> str:
    return (
        f'<div class="sc-panel" style="flex:1;align-items:center"><h2 style="align-self:flex-start">{escape(heading)}'
        f"</h2>{trend_drawing(lines, periods, lang)}</div>"
    )


def canvas_html(header: str, heading: str, body: str, kind: str, lang: str) -> str:
    return (
        f'<div class="sc" lang="{"zh-CN" if lang == "zh" else "en"}" data-testid="screen" data-kind="{kind}">'
        f"{header}{heading}"
        f'<div class="sc-body" data-testid="screen-body">{body}</div></div>'
    )


# --- one frame ----------------------------------------------------------------------------------------------------


def short_name(name: str, lang: str) -> str:
    """A place as the screen names it: 广元市, or Guangyuan without its suffix (English names run longer)."""
    return short_english(name) if lang == "en" else name


def short_names(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return frame.assign(region_name=[short_name(n, lang) for n in frame["region_name"]]) if lang == "en" else frame


def build_frame(store, version: str, sel, set_name: str, link: Link, tick: int, notes: list[str], cache_dir: str):
    """The HTML of slide number `tick` of the story and the slide it shows, from the read model's rows."""
    lang = sel.lang
    rows = data.read(
        store, version, comparison.comparison_with_change, sel
    )  # the gap page's rows: one count of what improved
    headline = comparison.headline_sentence(rows, sel, set_name)
    slides = story(rows, comparison.lagging_worst_first(rows, list(link.indicators) if link.indicators else None),
                   link.indicators)  # fmt: skip
    position = tick % len(slides)
    slide = slides[position]
    status = data.read(store, version, views.data_status)
    updated = status["last_change"].strftime("%Y-%m-%d %H:%M") if status["last_change"] is not None else "—"
    home_name = short_name(data.region_name(store, version, sel.home, sel.lang), lang)
    period = period_text(sel.period, lang)
    header = header_html(
        home_name, period, set_name, lang, bool(status["has_demo"]), updated,
        [comparison.as_of_note(rows, sel), *notes], headline,
    )  # fmt: skip
    by_id = rows.set_index("indicator", drop=False)
    row = by_id.loc[slide.indicator] if slide.indicator else None
    if slide.kind == "overview":
        body = overview_html(rows, lang)
    elif slide.kind == "indicator":
        members = short_names(data.read(store, version, comparison.gaps_to_each_member, sel, slide.indicator), lang)
        counties = short_names(data.read(store, version, comparison.counties_comparison, sel), lang)
        counties = counties[counties["indicator"] == slide.indicator]
        body = indicator_html(row, members, counties, home_name, set_name, lang)
    elif slide.kind == "ranking":
        counties = short_names(data.read(store, version, comparison.counties_comparison, sel), lang)
        counties = counties[counties["indicator"] == slide.indicator]
        shapes = county_shapes(tuple(counties["region"]), cache_dir) if len(counties) else {}
        heading = t("screen_county_heading", lang, city=home_name, bench=set_name)
        body = ranking_html(counties, shapes, heading, legend_html(lang))
    else:
        lines = short_names(data.read(store, version, comparison.trend_lines, sel, slide.indicator), lang)
        heading = t("screen_trend_heading", lang, home=home_name, bench=set_name)
        body = trend_html(lines, comparison.history_periods(sel.period), heading, lang)
    heading_html = slide_heading_html(slide, row, period, position, len(slides), lang)
    return canvas_html(header, heading_html, body, slide.kind, lang), slide
