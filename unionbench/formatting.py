"""Numbers as people read them: thousands separators, the catalogue's decimals, units. The one number formatter of
the dashboard, the wall screen, exports and the briefing."""

import math

SMALL = 10  # counts under this are small numbers: no percentages


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


def period_tick(period: str, with_year: bool, lang: str) -> str:
    """A quarter on a chart's axis, short: '2024年四季度' (its year on the first tick and each first quarter) and
    '一季度' … in Chinese; '2024 Q4' in English."""
    year, quarter = period[:4], int(period[-1])
    if lang != "zh":
        return f"{year} Q{quarter}"
    return f"{year}年{_QUARTER_ZH[quarter]}季度" if with_year else f"{_QUARTER_ZH[quarter]}季度"


def is_small_count(kind: str, *values: float) -> bool:
    """Counts (or people) all under SMALL: 3 against 5 stations gets no percentage, it is no story."""
    return kind in ("count", "people") and all(abs(v) < SMALL for v in values)


def missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def per10k_decimals(*values: float) -> int:
    """Decimals for figures per 10,000 workers: fewer as the figures grow (8,946 members, 9.52 stations)."""
    largest = max((abs(v) for v in values if not missing(v)), default=0.0)
    return 0 if largest >= 1000 else 1 if largest >= 100 else 2


def money(value_wan: float, decimals: int, lang: str) -> str:
    """An amount given in 万元: 463.41万元, 1.85亿元 from 10,000 万元; CNY 4.63 million in English."""
    if missing(value_wan):
        return "—"
    if lang == "en":
        yuan = value_wan * 10_000
        if abs(yuan) >= 1_000_000:
            return f"CNY {yuan / 1_000_000:,.2f} million"
        return f"CNY {yuan:,.0f}"
    if abs(value_wan) >= 10_000:
        return f"{value_wan / 10_000:,.2f}亿元"
    return f"{format_number(value_wan, decimals)}万元"


def amount(value: float, unit: str, decimals: int, lang: str) -> str:
    """A figure with its unit, as people write it: 402个, 79.8%, 463.41万元; 402 units, 79.8%."""
    if missing(value):
        return "—"
    if unit in ("万元", "10k yuan"):
        return money(value, decimals, lang)
    if lang == "en" and unit.startswith("CNY per "):  # an amount per 10,000 workers: CNY 16,300 per …
        return f"{money(value, decimals, lang)} per {unit.removeprefix('CNY per ')}"
    number = format_number(value, decimals)
    if unit == "%":
        return f"{number}%"
    if lang == "zh":
        return f"{number}{unit}"
    if number == "1" and unit.endswith("s"):  # 1 unit, 1 session
        unit = unit[:-1]
    return f"{number} {unit}"


def signed_amount(change: float, unit: str, decimals: int, lang: str) -> str:
    """A change in a table cell: +9, −25.11 (the unit is the column's); in English money as +CNY 120,000, since
    the English value beside it is in yuan too."""
    if lang == "en" and unit in ("万元", "10k yuan") and not missing(change) and round(change, decimals) != 0:
        return ("+" if change > 0 else "−") + money(abs(change), decimals, lang)
    return signed(change, decimals)


def points(value: float, decimals: int, lang: str) -> str:
    """A difference of two rates: 1.1个百分点 / 1.1 points (no sign; the sentence says which way)."""
    return f"{format_number(abs(value), decimals)}个百分点" if lang == "zh" else f"{abs(value):,.{decimals}f} points"


def percent(fraction: float, lang: str, decimals: int = 1) -> str:
    """|0.244| → 24.4%."""
    return f"{abs(fraction) * 100:.{decimals}f}%"


def signed(value: float, decimals: int) -> str:
    """+9, −3.07 (a true minus sign), and 0 without a sign."""
    if missing(value):
        return "—"
    if round(value, decimals) == 0:
        return format_number(0.0, decimals)
    return f"{value:+,.{decimals}f}".replace("-", "−")


def say(*fields, sep: str = "\t", file=None) -> None:
    """The command line's one writer of lines that carry user data (file, region, user and set names, problems):
    control characters are written out, never sent to the operator's terminal."""
    print(terminal_line(*fields, sep=sep), file=file)


def terminal_line(*fields, sep: str = "\t") -> str:
    """One line for the terminal: each field as terminal_text, joined by `sep` (a tab between columns)."""
    return sep.join(terminal_text(field) for field in fields)


def terminal_text(text) -> str:
    """A user-supplied name as a terminal shows it safely: tabs, line breaks and escape sequences (which could
    recolour or rewrite the operator's screen) written out as \\t, \\n, \\x1b; Chinese stays as it is."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(text))
