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
