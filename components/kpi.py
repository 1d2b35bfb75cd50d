"""KPI tiles: the home region's headline figures, their change, and the gap to the benchmark."""

from html import escape

import streamlit as st

from components.strings import t
from components.style import STATUS_COLOURS
from unionbench.formatting import format_number, format_percent, format_signed
from unionbench.views import Kpi


def status_badge(status: str, lang: str) -> str:
    return (
        f'<span class="ub-badge" style="background:{STATUS_COLOURS[status]}">'
        f"{escape(t('status_' + status, lang))}</span>"
    )


def gap_text(kpi: Kpi, lang: str) -> str:
    """A rate's gap in percentage points (78 % vs 80 % is 2 points, not 2.5 %); anything else relative."""
    if kpi.indicator.is_rate:
        return f"{format_signed(kpi.gap.absolute, 1)} {t('points', lang)}"
    return format_percent(kpi.gap.relative)


def tile_html(kpi: Kpi, bench_name: str, lang: str) -> str:
    """One tile: name; value and unit; change vs the comparison quarter; benchmark, gap and traffic light."""
    ind = kpi.indicator
    compared = t("vs_previous_quarter" if ind.stock_flow == "stock" else "vs_last_year", lang)
    decimals = 2 if kpi.per_10k else ind.decimals
    basis = t("per_10k_basis", lang, unit=ind.unit) if kpi.per_10k else t("rate_basis", lang, unit=ind.unit)
    change = kpi.change
    change_text = (
        f"{format_signed(change.absolute, ind.decimals)} {t('points', lang)}"
        if ind.is_rate
        else f"{format_signed(change.absolute, ind.decimals)} ({format_percent(change.relative)})"
    )
    bench_line = (
        f"<div>{status_badge(kpi.gap.status, lang)}{escape(t('gap', lang))} {gap_text(kpi, lang)}</div>"
        f'<div class="basis">{escape(t("home_region", lang))} {format_number(kpi.home_compared, decimals)} · '
        f"{escape(bench_name)} {format_number(kpi.benchmark, decimals)}<br>{escape(basis)}</div>"
    )
    return (
        f'<div class="ub-tile" data-testid="kpi-tile" data-indicator="{escape(ind.id)}" '
        f'data-status="{kpi.gap.status}">'
        f'<div class="name">{escape(ind.name)}</div>'
        f'<div class="value">{format_number(kpi.value, ind.decimals)}<span class="unit">{escape(ind.unit)}</span></div>'
        f'<div class="change">{escape(compared)} {change_text}</div>'
        f'<div class="bench">{bench_line}</div>'
        "</div>"
    )


def kpi_tiles(kpis: list[Kpi], bench_name: str, lang: str, per_row: int = 6) -> None:
    """A row of tiles (wrapping after `per_row`)."""
    for start in range(0, len(kpis), per_row):
        columns = st.columns(per_row)
        for column, kpi in zip(columns, kpis[start : start + per_row], strict=False):
            column.html(tile_html(kpi, bench_name, lang))
