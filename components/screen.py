"""The wall screen: one dark 16:9 canvas for the back of a meeting room, drawn as one piece of HTML with
inline SVG (no Plotly, no map library: nothing to fetch, nothing to log, on screen with the first frame).

Every slide answers "where do we lag, and by how much?": a headline sentence across the top, then the story —
overview → each lagging indicator, worst first → the counties on a named map and a ranking → the trend. Every
figure and word comes from the read model's rows (unionbench.read.comparison); this module only lays them out.

Sizes are design pixels on a 1920×1080 canvas multiplied by --u (the screen's scale, from the viewport in CSS, or
from ?vw=&vh= when a TV browser misreports its size). No text is under 28 design px: ≥ 28 px at 1920×1080,
≥ 19.9 px at 1366×768, ≥ 56 px at 3840×2160.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from html import escape
from pathlib import Path

import pandas as pd

from components import data
from components.choropleth import region_shapes
from components.memo import shared
from components.screen_drawing import (
    BACKGROUND,
    MUTED,
    PANEL,
    RULE,
    TEXT,
    county_map_html,
    trend_drawing,
)
from components.strings import t
from components.style import STATUS_COLOURS, STATUS_SYMBOLS
from unionbench.formatting import period_text
from unionbench.paths import cache_dir_for, resolve_db_path
from unionbench.placenames import short_english, written_in_chinese
from unionbench.read import comparison, views

BASE_WIDTH, BASE_HEIGHT = 1920, 1080
STYLESHEET = Path(__file__).with_name("screen.css")
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
    """The kiosk stylesheet (components/screen.css) after the scale and the palette it reads as custom properties."""
    unit = f"{scale:.4f}px" if scale else f"min(100vw / {BASE_WIDTH}, 100vh / {BASE_HEIGHT})"
    colours = {"background": BACKGROUND, "panel": PANEL, "text": TEXT, "muted": MUTED, "rule": RULE}
    palette = " ".join(f"--sc-{name}: {colour};" for name, colour in colours.items())
    return f"\n<style>\n:root {{ --u: {unit}; {palette} }}\n{stylesheet()}</style>\n"


@cache
def stylesheet() -> str:
    return STYLESHEET.read_text(encoding="utf-8")


# --- pieces -----------------------------------------------------------------------------------------------------


def badge(verdict: str, words: str) -> str:
    """The verdict as colour, symbol and word together (never colour alone)."""
    colour = STATUS_COLOURS.get(verdict, STATUS_COLOURS[""])
    symbol = STATUS_SYMBOLS.get(verdict, "—")
    return f'<span class="sc-badge" style="background:{colour}">{symbol} {escape(words)}</span>'


def accent(verdict: str) -> str:
    return f"border-left-color:{STATUS_COLOURS.get(verdict, PANEL)}"


def screen_title(home_name: str, period: str, set_name: str, lang: str) -> str:
    """The screen's title line: the home place, the quarter and the benchmark set."""
    return f"{t('screen_heading', lang, home=home_name)} · {period} · {t('vs_bench', lang, bench=set_name)}"


def header_html(title: str, lang: str, demo: bool, updated: str, notes: list[str], headline: str) -> str:
    """Title, data time, the benchmark's as-of note and link notes, and the headline sentence."""
    tag = f'<span class="sc-tag">{escape(t("demo_tag", lang))}</span>' if demo else ""
    meta = escape(t("screen_data_as_of", lang, time=updated))
    meta += "".join(f'<div class="sc-note">{escape(note)}</div>' for note in notes if note)
    return (
        f'<div class="sc-title" data-testid="screen-title"><h1>{escape(title)}{tag}</h1>'
        f'<div class="meta">{meta}</div></div>'
        f'<div class="sc-headline" data-testid="screen-headline">{escape(headline)}</div>'
    )


SLIDE_KEYS = {  # a slide's kind → the catalogue key of its heading ("chosen": an indicator asked for, not behind)
    "overview": "screen_slide_overview",
    "indicator": "screen_slide_indicator",
    "chosen": "screen_slide_chosen",
    "ranking": "screen_slide_ranking",
    "trend": "screen_slide_trend",
}


def slide_heading_html(slide: Slide, row: Mapping | None, period: str, position: int, count: int, lang: str) -> str:
    """What this slide shows — its indicator, the basis it is compared on, the quarter — and where the story is."""
    key = slide.kind
    if slide.kind == "indicator" and row is not None and row["verdict"] != "behind":
        key = "chosen"  # asked for in the link, not behind: not called a weakness
    kind = t(SLIDE_KEYS[key], lang)
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


# --- the county map and the trend (drawn by components.screen_drawing) ---------------------------------------


def ranking_html(counties: pd.DataFrame, shapes: dict, heading: str, legend: str) -> str:
    """The county slide: the named map and the ranking list."""
    map_panel = (
        f'<div class="sc-panel" style="flex:1;align-items:center">{county_map_html(counties, shapes)}'
        f'<div class="sc-legend">{legend}</div></div>'
    )
    return map_panel + ranking_list_html(counties, heading)


def legend_html(lang: str) -> str:
    legend = {"ahead": "screen_legend_ahead", "level": "screen_legend_level", "behind": "screen_legend_behind"}
    return "".join(f"<span>{badge(v, t(key, lang))}</span>" for v, key in legend.items())


def trend_html(lines: pd.DataFrame, periods: list[str], heading: str, lang: str = "zh") -> str:
    return (
        f'<div class="sc-panel" style="flex:1;align-items:center"><h2 style="align-self:flex-start">{escape(heading)}'
        f"</h2>{trend_drawing(lines, periods, lang)}</div>"
    )


def canvas_html(header: str, heading: str, body: str, kind: str, lang: str) -> str:
    return (
        f'<div class="sc" lang="{t("html_lang", lang)}" data-testid="screen" data-kind="{kind}">'
        f"{header}{heading}"
        f'<div class="sc-body" data-testid="screen-body">{body}</div></div>'
    )


# --- one frame ----------------------------------------------------------------------------------------------------


def short_name(name: str) -> str:
    """A place as the screen names it: 广元市 in full, Guangyuan without its suffix (names in letters run longer)."""
    return name if written_in_chinese(name) else short_english(name)


def short_names(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(region_name=[short_name(n) for n in frame["region_name"]])


def build_frame(store, version: str, sel, link: Link, tick: int, notes: list[str]):
    """The HTML of slide number `tick` of the story and the slide it shows, from the read model's rows. Each slide
    of a story is built once per process and shown as it is to every screen on it, round after round."""
    slides = shared(story_slides, store, version, sel, link)
    return shared(frame_at, store, version, sel, link, tick % len(slides), notes)


def story_slides(store, version: str, sel, link: Link) -> list[Slide]:
    rows = data.comparison_with_change(store, version, sel)
    lagging = comparison.lagging_worst_first(rows, list(link.indicators) if link.indicators else None)
    return story(rows, lagging, link.indicators)


def frame_at(store, version: str, sel, link: Link, position: int, notes: list[str]):
    """build_frame's slide at `position` of the story."""
    lang = sel.lang
    set_name = data.read(store, version, views.set_names, lang)[sel.benchmark]
    cache_dir = str(cache_dir_for(resolve_db_path(None)))
    rows = data.comparison_with_change(store, version, sel)  # the gap page's rows: one count of what improved
    headline = comparison.headline_sentence(rows, sel, set_name)
    slides = shared(story_slides, store, version, sel, link)
    slide = slides[position]
    status = data.read(store, version, views.data_status)
    updated = status["last_change"].strftime("%Y-%m-%d %H:%M") if status["last_change"] is not None else "—"
    home_name = short_name(data.region_name(store, version, sel.home, sel.lang))
    period = period_text(sel.period, lang)
    header = header_html(
        screen_title(home_name, period, set_name, lang), lang, bool(status["has_demo"]), updated,
        [comparison.as_of_note(rows, sel), *notes], headline,
    )  # fmt: skip
    by_id = rows.set_index("indicator", drop=False)
    row = by_id.loc[slide.indicator] if slide.indicator else None
    if slide.kind == "overview":
        body = overview_html(rows, lang)
    elif slide.kind == "indicator":
        members = short_names(data.read(store, version, comparison.gaps_to_each_member, sel, slide.indicator))
        counties = short_names(data.read(store, version, comparison.counties_comparison, sel))
        counties = counties[counties["indicator"] == slide.indicator]
        body = indicator_html(row, members, counties, home_name, set_name, lang)
    elif slide.kind == "ranking":
        counties = short_names(data.read(store, version, comparison.counties_comparison, sel))
        counties = counties[counties["indicator"] == slide.indicator]
        shapes = region_shapes(tuple(counties["region"]), cache_dir) if len(counties) else {}
        heading = t("screen_county_heading", lang, city=home_name, bench=set_name)
        body = ranking_html(counties, shapes, heading, legend_html(lang))
    else:
        lines = short_names(data.read(store, version, comparison.trend_lines, sel, slide.indicator))
        heading = t("screen_trend_heading", lang, home=home_name, bench=set_name)
        body = trend_html(lines, comparison.history_periods(sel.period), heading, lang)
    heading_html = slide_heading_html(slide, row, period, position, len(slides), lang)
    return canvas_html(header, heading_html, body, slide.kind, lang), slide
