"""KPI tiles: each headline indicator's comparison row (unionbench.read.comparison) as a tile. The tile leads with the
verdict and the gap on the compared basis, shows both figures on that basis with the unit, and keeps the absolute
value and its change as labelled context. Every word and number comes from the row."""

import math
from html import escape

import pandas as pd
import streamlit as st

from components.memo import shared
from components.strings import t
from components.style import STATUS_COLOURS, STATUS_SYMBOLS, as_markdown_block


def status_badge(verdict: str, words: str) -> str:
    """Shape, word and colour: ▲ 领先 / ● 持平 / ▼ 落后, or the row's reason for having none."""
    return (
        f'<span class="ub-badge" style="background:{STATUS_COLOURS.get(verdict, STATUS_COLOURS[""])}">'
        f"{STATUS_SYMBOLS.get(verdict, '—')} {escape(words)}</span>"
    )


def tile_html(row: pd.Series, bench_name: str, lang: str) -> str:
    """One tile: name; verdict and the gap in one short figure (% of the benchmark, or points); home, benchmark and
    the gap on one basis with the unit; the absolute value and its change as context."""
    as_of = f" · {escape(row.as_of_text)}" if row.as_of_text else ""
    compared = t("vs_previous_quarter" if row.stock_flow == "stock" else "vs_last_year", lang)
    gap = "" if row.lead_text == row.gap_text else f"<br>{escape(t('gap', lang))} {escape(row.gap_text)}"
    total = "" if row.is_rate else f"{escape(t('total_context', lang))} {escape(row.value_text)} · "
    return (
        f'<div class="ub-tile" data-testid="kpi-tile" data-indicator="{escape(row.indicator)}" '
        f'data-status="{escape(row.verdict)}">'
        f'<div class="name">{escape(row["name"])}</div>'
        f'<div class="verdict">{status_badge(row.verdict, row.verdict_text)}'
        f'<span class="gap">{escape(row.lead_text)}</span></div>'
        f'<div class="basis">{escape(t("home_region", lang))} <b>{escape(row.home_text)}</b><br>'
        f"{escape(bench_name)} {escape(row.benchmark_text)}{as_of}{gap}</div>"
        f'<div class="change">{total}{escape(compared)} {escape(row.change_text)}</div>'
        "</div>"
    )


def tiles_markup(rows: pd.DataFrame, bench_name: str, lang: str) -> str:
    """The headline rows' tiles in one grid, as the Markdown block sent: up to six a row on a wide screen, and on a
    narrower one (an old 1366×768 projector beside the sidebar) half as many a row, never six narrow columns of
    broken lines."""
    tiles = [tile_html(row, bench_name, lang) for _, row in rows[rows.headline].iterrows()]
    wide = math.ceil(len(tiles) / math.ceil(len(tiles) / 6)) if tiles else 1  # 7 tiles: 4 + 3, not 6 + 1
    narrow = math.ceil(wide / 2)
    return as_markdown_block(f'<div class="ub-tiles" style="--wide: {wide}; --narrow: {narrow}">{"".join(tiles)}</div>')


def kpi_tiles(rows: pd.DataFrame, bench_name: str, lang: str) -> None:
    """The tiles of the headline rows, written once per process for everyone who views the same rows."""
    st.markdown(shared(tiles_markup, rows, bench_name, lang), unsafe_allow_html=True)
