"""The wall screen: one dark 16:9 canvas — title, KPI tiles, county ranking, county map, gaps to the benchmark
cities and a trend strip — that rotates through indicators and refreshes itself, with nobody at the keyboard.

Sizes are designed for 1920×1080 and multiplied by the screen's scale, so text stays sharp at 4K and nothing
overlaps at 1366×768. The browser reports its size once through the link (?vw=&vh=); see SIZE_PROBE.
"""

from dataclasses import dataclass
from html import escape

import pandas as pd
import plotly.graph_objects as go

from components import data
from components.choropleth import boundaries, view_for
from components.strings import t
from components.style import STATUS_COLOURS, STATUS_SYMBOLS
from unionbench.catalog import Indicator
from unionbench.compare import Selection, as_of_note
from unionbench.formatting import format_number, period_text

BASE_WIDTH, BASE_HEIGHT = 1920, 1080
BACKGROUND, PANEL, TEXT, MUTED = "#0b1526", "#13223a", "#eef2f8", "#a9b7cc"
# Lines on a projector: Okabe–Ito hues, bright enough on the dark background; home is always the first.
LINE_COLOURS = ["#f0e442", "#56b4e9", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#ffffff"]
MAP_SCALE = [[0.0, "#1d3b63"], [0.5, "#3a7cc3"], [1.0, "#a8d4ff"]]
DARK_MAP_STYLE = {  # MapLibre style with only a background: nothing is fetched
    "version": 8,
    "sources": {},
    "layers": [{"id": "background", "type": "background", "paint": {"background-color": PANEL}}],
}

# Reports the window's size in the link once (and again if the window changes), so the server can size the canvas.
SIZE_PROBE = """
<script>
(function () {
  const w = window.parent || window, url = new URL(w.location.href);
  const vw = w.innerWidth, vh = w.innerHeight;
  const known = Number(url.searchParams.get("vw")), knownH = Number(url.searchParams.get("vh"));
  if (Math.abs(known - vw) > 8 || Math.abs(knownH - vh) > 8) {
    url.searchParams.set("vw", vw); url.searchParams.set("vh", vh); w.location.replace(url.toString());
  }
})();
</script>
"""


def scale_for(width: int | None, height: int | None) -> float:
    """How much bigger than the 1920×1080 design the screen is (0.71 at 1366×768, 2 at 3840×2160)."""
    if not width or not height:
        return 1.0
    return max(0.5, min(width / BASE_WIDTH, height / BASE_HEIGHT))


def css(scale: float) -> str:
    """The kiosk stylesheet: no sidebar, header, toolbar or scrollbars; dark canvas; sizes in design px × scale."""
    u = f"{scale:.4f}px"
    return f"""
<style>
:root {{ --u: {u}; }}
html, body, .stApp, [data-testid=stAppViewContainer], [data-testid=stMain] {{
  background: {BACKGROUND} !important; color: {TEXT}; overflow: hidden !important; scrollbar-width: none;
}}
::-webkit-scrollbar {{ display: none; }}
[data-testid=stSidebar], [data-testid=stSidebarCollapsedControl], [data-testid=stHeader],
[data-testid=stToolbar], [data-testid=stDecoration], [data-testid=stStatusWidget], footer {{
  display: none !important;
}}
[data-testid=stMainBlockContainer], .block-container {{
  padding: calc(var(--u) * 14) calc(var(--u) * 20) 0 !important; max-width: 100% !important;
}}
[data-testid=stVerticalBlock] {{ gap: calc(var(--u) * 10) !important; }}
[data-testid=stElementContainer]:has(> [data-testid=stHtml] > :is(style, script):only-child) {{ display: none; }}
.sc-title {{ display: flex; justify-content: space-between; align-items: baseline; height: calc(var(--u) * 64); }}
.sc-title h1 {{ font-size: calc(var(--u) * 40); margin: 0; padding: 0; color: {TEXT}; font-weight: 700; }}
.sc-title .meta {{ font-size: calc(var(--u) * 20); color: {MUTED}; text-align: right; }}
.sc-tag {{ display: inline-block; border: 1px solid {MUTED}; border-radius: calc(var(--u) * 6);
  padding: 0 calc(var(--u) * 8); margin-left: calc(var(--u) * 10); font-size: calc(var(--u) * 18); }}
.sc-stale {{ color: #ffb000; }}
.sc-tiles {{ display: grid; grid-template-columns: repeat(6, 1fr); gap: calc(var(--u) * 14);
  height: calc(var(--u) * 176); }}
.sc-tile {{ background: {PANEL}; border-radius: calc(var(--u) * 10); padding: calc(var(--u) * 12) calc(var(--u) * 16);
  overflow: hidden; }}
.sc-tile .name {{ font-size: calc(var(--u) * 21); color: {MUTED}; white-space: nowrap; }}
.sc-tile .value {{ font-size: calc(var(--u) * 46); font-weight: 700; line-height: 1.15; white-space: nowrap; }}
.sc-tile .unit {{ font-size: calc(var(--u) * 20); font-weight: 400; color: {MUTED}; margin-left: calc(var(--u) * 6); }}
.sc-tile .line {{ font-size: calc(var(--u) * 19); white-space: nowrap; }}
.sc-badge {{ display: inline-block; border-radius: calc(var(--u) * 14); padding: 0 calc(var(--u) * 10);
  font-weight: 700; color: #fff; margin-right: calc(var(--u) * 8); font-size: calc(var(--u) * 19); }}
.sc-panel {{ background: {PANEL}; border-radius: calc(var(--u) * 10); padding: calc(var(--u) * 12) calc(var(--u) * 16);
  height: calc(var(--u) * 540); overflow: hidden; }}
.sc-panel h2 {{ font-size: calc(var(--u) * 26); margin: 0 0 calc(var(--u) * 10); padding: 0; color: {TEXT}; }}
.sc-row {{ display: grid; grid-template-columns: calc(var(--u) * 44) 1fr auto; align-items: center;
  height: calc(var(--u) * 54); font-size: calc(var(--u) * 24); border-bottom: 1px solid #22375a; }}
.sc-row.home {{ color: #f0e442; font-weight: 700; }}
.sc-row .rank {{ color: {MUTED}; }}
.sc-gap {{ font-size: calc(var(--u) * 19); color: {MUTED}; display: block; margin-top: calc(var(--u) * 4); }}
.sc-row.tall {{ height: auto; padding: calc(var(--u) * 10) 0; }}
.sc-list {{ height: calc(var(--u) * 462); overflow: hidden; }}
.sc-roll {{ animation: sc-roll var(--roll) linear infinite; }}
@keyframes sc-roll {{ from {{ transform: translateY(0); }} to {{ transform: translateY(-50%); }} }}
.sc-slide {{ font-size: calc(var(--u) * 30); font-weight: 700; height: calc(var(--u) * 44); }}
.sc-slide .dots {{ font-size: calc(var(--u) * 20); color: {MUTED}; margin-left: calc(var(--u) * 14); }}
</style>
"""


@dataclass(frozen=True)
class Slide:
    """What one indicator's slide shows, assembled while the data is reachable (kept as the last good frame)."""

    indicator: Indicator
    counties: pd.DataFrame  # region, region_name, value, per_10k, rank
    cities: pd.DataFrame  # home and its benchmark cities: region, region_name, value, per_10k, rank
    trend: pd.DataFrame  # region, region_name, period, value
    per_10k: bool
    member_gaps: pd.DataFrame  # the home against each benchmark city (compare.gaps_to_each_member)


def badge(verdict: str, words: str) -> str:
    colour = STATUS_COLOURS.get(verdict, STATUS_COLOURS[""])
    symbol = STATUS_SYMBOLS.get(verdict, "—")
    return f'<span class="sc-badge" style="background:{colour}">{symbol} {escape(words)}</span>'


def title_html(
    home_name: str,
    period: str,
    set_name: str,
    as_of: str,
    lang: str,
    demo: bool,
    stale: str | None,
    bench_note: str = "",
) -> str:
    tags = f'<span class="sc-tag">{escape(t("demo_tag", lang))}</span>' if demo else ""
    note = "".join(f'<div class="sc-stale">{escape(text)}</div>' for text in (bench_note, stale) if text)
    return (
        f'<div class="sc-title" data-testid="screen-title"><h1>{escape(t("screen_heading", lang, home=home_name))} · '
        f"{escape(period_text(period, lang))} · {escape(t('vs_bench', lang, bench=set_name))}{tags}</h1>"
        f'<div class="meta">{escape(t("data_as_of", lang, time=as_of))}{note}</div></div>'
    )


def tiles_html(rows: pd.DataFrame, lang: str) -> str:
    """The headline comparison rows (unionbench.compare): verdict and gap first, then both figures."""
    tiles = []
    for _, row in rows[rows.headline].iterrows():
        tiles.append(
            f'<div class="sc-tile" data-testid="screen-tile" data-status="{escape(row.verdict)}">'
            f'<div class="name">{escape(row["name"])}</div>'
            f'<div class="line">{badge(row.verdict, row.verdict_text)}{escape(row.gap_text)}</div>'
            f'<div class="line">{escape(row.home_text)} · {escape(row.benchmark_text)}</div>'
            f'<div class="line">{escape(t("total_context", lang))} {escape(row.value_text)}</div></div>'
        )
    return f'<div class="sc-tiles">{"".join(tiles)}</div>'


def shown(slide: Slide) -> tuple[str, str, int]:
    """The column compared on this slide, its unit text and decimals."""
    ind = slide.indicator
    if slide.per_10k:
        return "per_10k", f"{ind.unit}/万人" if ind.unit else "/万人", 2
    return "value", ind.unit, ind.decimals


def ranking_html(slide: Slide, home_name: str, lang: str, rows_that_fit: int = 9) -> str:
    """The counties best first; a list longer than fits rolls slowly upwards (drawn twice for a seamless loop)."""
    column, unit, decimals = shown(slide)
    ordered = slide.counties.sort_values("rank", na_position="last")
    rows = "".join(
        f'<div class="sc-row"><span class="rank">{int(r) if r == r else "—"}</span><span>{escape(name)}</span>'
        f"<span>{format_number(v, decimals)}</span></div>"
        for r, name, v in zip(ordered["rank"], ordered.region_name, ordered[column], strict=True)
    )
    rolling = len(ordered) > rows_that_fit
    body = f'<div class="sc-roll" style="--roll:{2.5 * len(ordered):.0f}s">{rows}{rows}</div>' if rolling else rows
    heading = escape(t("screen_ranking", lang, city=home_name, unit=unit))
    return (
        f'<div class="sc-panel" data-testid="screen-ranking"><h2>{heading}</h2><div class="sc-list">{body}</div></div>'
    )


def gaps_html(slide: Slide, home: str, bench_name: str, lang: str) -> str:
    """Home against each benchmark city on this slide's indicator: the read model's row for each city."""
    column, unit, decimals = shown(slide)
    cities = slide.cities.set_index("region")
    rows = []
    if home in cities.index:
        rows.append(
            f'<div class="sc-row home"><span>★</span><span>{escape(cities.at[home, "region_name"])}</span>'
            f"<span>{escape(slide.member_gaps.home_text.iloc[0] if len(slide.member_gaps) else '—')}</span></div>"
        )
    for _, row in slide.member_gaps.iterrows():
        rows.append(
            f'<div class="sc-row tall"><span></span><span>{escape(row.region_name)}'
            f'<span class="sc-gap">{badge(row.verdict, row.verdict_text)}{escape(row.gap_text)}</span></span>'
            f"<span>{escape(row.benchmark_text)}</span></div>"
        )
    heading = t("screen_gaps", lang, bench=bench_name, unit=unit)
    return f'<div class="sc-panel" data-testid="screen-gaps"><h2>{escape(heading)}</h2>{"".join(rows)}</div>'


def slide_heading_html(slide: Slide, position: int, count: int, lang: str) -> str:
    """The slide's indicator (and the unit its charts use), with where the rotation stands."""
    _, unit, _ = shown(slide)
    dots = "".join("●" if i == position else "○" for i in range(count))
    return (
        f'<div class="sc-slide" data-testid="screen-slide" data-indicator="{escape(slide.indicator.id)}">'
        f'{escape(slide.indicator.name)}（{escape(unit)}）<span class="dots">{dots} {position + 1}/{count}</span></div>'
    )


def dark_layout(figure: go.Figure, height: int, scale: float) -> go.Figure:
    figure.update_layout(
        height=height,
        paper_bgcolor=PANEL,
        plot_bgcolor=PANEL,
        font={"color": TEXT, "size": round(19 * scale)},
        margin={"l": round(16 * scale), "r": round(16 * scale), "t": round(12 * scale), "b": round(12 * scale)},
    )
    return figure


def county_map(slide: Slide, cache_dir: str, scale: float, lang: str) -> go.Figure:
    """The home city's counties coloured by the slide's figure (lighter is better). No names on the shapes: map
    text needs a glyph server; the ranking beside the map names them."""
    column, unit, decimals = shown(slide)
    frame = slide.counties
    geojson, bounds = boundaries(tuple(frame.region), cache_dir)
    height = round(540 * scale)
    center, zoom = view_for(bounds, round(900 * scale), height)
    labels = [f"{name} {format_number(v, decimals)}" for name, v in zip(frame.region_name, frame[column], strict=True)]
    figure = go.Figure(
        go.Choroplethmap(
            geojson=geojson,
            locations=frame.region,
            z=frame[column],
            featureidkey="id",
            colorscale=MAP_SCALE,
            reversescale=slide.indicator.direction == "lower",
            marker={"line": {"color": BACKGROUND, "width": 2}},
            colorbar={"title": {"text": unit}, "thickness": round(16 * scale), "tickfont": {"color": TEXT}},
            text=labels,
            hovertemplate="%{text}<extra></extra>",
        )
    )
    figure.update_layout(map={"style": DARK_MAP_STYLE, "center": center, "zoom": zoom})
    return dark_layout(figure, height, scale)


def trend_strip(slide: Slide, home: str, scale: float, lang: str) -> go.Figure:
    """Home (yellow, thick) and each benchmark city over the last eight quarters."""
    _, unit, _ = shown(slide)
    figure = go.Figure()
    order = [home, *[r for r in slide.trend.region.unique() if r != home]]
    for n, region in enumerate(order):
        line = slide.trend[slide.trend.region == region].sort_values("period")
        if line.empty:
            continue
        figure.add_trace(
            go.Scatter(
                x=[period_text(p, lang) for p in line.period],
                y=line.value,
                name=line.region_name.iloc[0],
                mode="lines+markers",
                line={"color": LINE_COLOURS[n % len(LINE_COLOURS)], "width": (5 if region == home else 2.5) * scale},
                marker={"size": (9 if region == home else 6) * scale},
            )
        )
    figure.update_layout(
        xaxis={"type": "category", "gridcolor": "#22375a", "tickfont": {"size": round(18 * scale)}},
        yaxis={"gridcolor": "#22375a", "rangemode": "tozero", "nticks": 4, "tickfont": {"size": round(18 * scale)}},
        legend={"orientation": "v", "x": 1.01, "y": 1, "font": {"size": round(19 * scale)}},
    )
    dark_layout(figure, round(170 * scale), scale)
    figure.update_layout(margin={"l": round(56 * scale), "b": round(40 * scale), "t": round(14 * scale)})
    return figure


@dataclass(frozen=True)
class Frame:
    """Everything one screen shows: the last good one is kept when the data cannot be read."""

    home_name: str
    set_name: str
    period: str
    as_of: str
    demo: bool
    rows: pd.DataFrame  # the read model's comparison rows for the home city
    bench_note: str  # '对标数据截至…' when the benchmark cities have not reported the newest quarter yet
    slide: Slide
    position: int
    count: int


def load_frame(store, version: str, home: str, set_id: str, indicator_ids: list[str], tick: int, lang: str, per_10k):
    """Read what the screen needs for slide number `tick` (rotating through `indicator_ids`)."""
    catalogue = data.catalogue(store, version, lang)
    position = tick % len(indicator_ids)
    ind = catalogue[indicator_ids[position]]
    period = data.periods(store, version, home)[0]
    sets = data.benchmark_sets(store, version).set_index("id")
    status = data.data_status(store, version)
    use_per_10k = (per_10k is not False) and ind.per_capita_base is not None
    selection = Selection(home, set_id, period, lang=lang)
    rows = data.comparison(store, version, selection)
    members = data.peer_regions(store, version, "benchmark_cities", home, set_id)
    counties = data.peer_regions(store, version, "counties", home, set_id)
    slide = Slide(
        ind,
        data.region_values(store, version, counties, ind, period, use_per_10k),
        data.region_values(store, version, members, ind, period, use_per_10k),
        data.series(store, version, members, ind, period, 8, use_per_10k),
        use_per_10k,
        data.gaps_to_each_member(store, version, selection, ind.id),
    )
    last_change = status["last_change"]
    return Frame(
        data.region_name(store, version, home),
        sets.at[set_id, "name_zh" if lang == "zh" else "name_en"],
        period,
        last_change.strftime("%Y-%m-%d %H:%M") if last_change is not None else "—",
        bool(status["has_demo"]),
        rows,
        as_of_note(rows, selection),
        slide,
        position,
        len(indicator_ids),
    )
