"""The wall screen's link, checked before use: a TV has no keyboard, so everything comes from the URL, and a bad
value (`vw=abc`, `seconds=²`, 5,000 digits, `bench=nope`, `home=<script>`) falls back to its default and is
named in a small note instead of raising (issue 12 item 8, issue 13 item 6). `screen_link` is a pure function;
`screen_link_of` feeds it the page's link and the store's choices.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

import streamlit as st

from components import data
from components.filters import DEFAULT_BENCHMARK, DEFAULT_HOME
from components.strings import LANGUAGES, t

ASCII_NUMBER = re.compile(r"[0-9]{1,6}")  # "²".isdigit() is True and int("²") raises; 5,000 digits raise too
TRUE, FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")
DEFAULT_SECONDS, SECONDS_RANGE = 15, (5, 3600)
SIZE_RANGE = (320, 16_000)  # window sizes the page reports of itself (vw, vh)
MAX_INDICATORS = 40


@dataclass(frozen=True)
class ScreenLink:
    home: str
    set_id: str
    indicators: list[str]
    seconds: int
    per_10k: bool | None
    width: int  # 0: not reported yet
    height: int
    ignored: tuple[str, ...] = ()  # parameters whose value could not be used


def bounded_int(raw: str | None, low: int, high: int) -> int | None:
    if raw is None or not ASCII_NUMBER.fullmatch(raw):
        return None
    value = int(raw)
    return value if low <= value <= high else None


def screen_link(
    params: Mapping[str, str],
    *,
    homes: list[str],
    sets: list[str],
    indicators: list[str],
    headline: list[str],
    default_home: str,
    default_set: str,
    languages: tuple[str, ...] = ("zh", "en"),
) -> ScreenLink:
    """The screen's settings from its link; every unusable value replaced by its default and named in `ignored`."""
    ignored = []

    def choice(key: str, options: list[str], default: str) -> str:
        raw = params.get(key)
        if raw is None:
            return default
        if raw in options:
            return raw
        ignored.append(key)
        return default

    home = choice("home", homes, default_home if default_home in homes else (homes[0] if homes else default_home))
    set_id = choice("bench", sets, default_set if default_set in sets else (sets[0] if sets else default_set))
    choice("lang", list(languages), languages[0])
    asked = [i for i in (params.get("indicators") or "").split(",") if i]
    known = list(dict.fromkeys(i for i in asked if i in indicators))
    if len(known) > MAX_INDICATORS or any(i not in indicators for i in asked):
        ignored.append("indicators")
    known = known[:MAX_INDICATORS]
    seconds = DEFAULT_SECONDS
    if params.get("seconds") is not None:
        seconds = bounded_int(params.get("seconds"), *SECONDS_RANGE) or DEFAULT_SECONDS
        if bounded_int(params.get("seconds"), *SECONDS_RANGE) is None:
            ignored.append("seconds")
    per_10k = None
    raw = params.get("per10k")
    if raw is not None:
        if raw.lower() in TRUE + FALSE:
            per_10k = raw.lower() in TRUE
        else:
            ignored.append("per10k")
    sizes = []
    for key in ("vw", "vh"):
        raw = params.get(key)
        value = bounded_int(raw, *SIZE_RANGE) if raw not in (None, "", "0") else 0
        if value is None:
            ignored.append(key)
        sizes.append(value or 0)
    return ScreenLink(home, set_id, known or list(headline), seconds, per_10k, sizes[0], sizes[1], tuple(ignored))


def screen_link_of(ctx) -> ScreenLink:
    """The current page's link checked against the data the screen can show."""
    catalogue = data.catalogue(ctx.store, ctx.data_version, ctx.lang)
    params = {key: st.query_params.get(key) for key in st.query_params}
    return screen_link(
        params,
        homes=list(data.home_regions(ctx.store, ctx.data_version)),
        sets=list(data.benchmark_sets(ctx.store, ctx.data_version)["id"]),
        indicators=list(catalogue),
        headline=[i for i, indicator in catalogue.items() if indicator.headline],
        default_home=DEFAULT_HOME,
        default_set=DEFAULT_BENCHMARK,
        languages=tuple(LANGUAGES),
    )


def ignored_note_html(ignored: tuple[str, ...], lang: str) -> str:
    """A small corner note naming the link's unusable parameters (names only: the values are never echoed)."""
    return (
        '<div data-testid="screen-link-note" style="position:fixed;right:0.6vw;bottom:0.4vh;z-index:10;'
        'font-size:max(14px,0.8vw);color:#9aa4b2;opacity:0.85">'
        f"{escape(t('link_ignored', lang, keys=', '.join(ignored)))}</div>"
    )
