"""Numbers as people read them: thousands separators, the catalogue's decimals, units."""

import math


def format_number(value: float, decimals: int) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:,.{decimals}f}"


def format_signed(value: float, decimals: int) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:+,.{decimals}f}"


def format_percent(fraction: float, decimals: int = 1) -> str:
    """0.052 → '+5.2%'."""
    if fraction is None or (isinstance(fraction, float) and math.isnan(fraction)):
        return "—"
    return f"{fraction * 100:+.{decimals}f}%"


_QUARTER_ZH = {1: "一", 2: "二", 3: "三", 4: "四"}


def period_text(period: str, lang: str) -> str:
    """'2026Q3' as people write it: 2026年第三季度, or 2026 Q3."""
    year, quarter = period[:4], int(period[-1])
    return f"{year}年第{_QUARTER_ZH[quarter]}季度" if lang == "zh" else f"{year} Q{quarter}"
