"""Numbers as people read them: thousands separators, the catalogue's decimals, units. The one number formatter of
the dashboard, the wall screen, exports and the briefing."""

import math
from functools import cache

from babel.numbers import get_decimal_symbol, get_group_symbol

from unionbench.i18n import DEFAULT_LANGUAGE, babel_locale, t

SMALL = 10  # counts under this are small numbers: no percentages


def format_number(value: float, decimals: int, lang: str = DEFAULT_LANGUAGE) -> str:
    """1,234.5: grouped and with the decimal mark of the language (Babel's locale data); rounded as Python rounds."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    shown = f"{value:,.{decimals}f}"
    group, mark = _symbols(lang)
    return shown if (group, mark) == (",", ".") else shown.translate({44: group, 46: mark})


@cache
def _symbols(lang: str) -> tuple[str, str]:
    locale = babel_locale(lang)
    return get_group_symbol(locale), get_decimal_symbol(locale)


def format_signed(value: float, decimals: int) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:+,.{decimals}f}"


def format_percent(fraction: float, decimals: int = 1) -> str:
    """0.052 → '+5.2%'."""
    if fraction is None or (isinstance(fraction, float) and math.isnan(fraction)):
        return "—"
    return f"{fraction * 100:+.{decimals}f}%"


# Explicit keys (not built at run time), so a search or pybabel finds each one.
_PERIOD = ("period.q1", "period.q2", "period.q3", "period.q4")
_QUARTER = ("period.quarter.q1", "period.quarter.q2", "period.quarter.q3", "period.quarter.q4")
_TICK = ("period.tick.q1", "period.tick.q2", "period.tick.q3", "period.tick.q4")
_TICK_YEAR = ("period.tick_year.q1", "period.tick_year.q2", "period.tick_year.q3", "period.tick_year.q4")


def period_text(period: str, lang: str) -> str:
    """'2026Q3' as people write it: 2026年第三季度, or 2026 Q3."""
    return t(_PERIOD[int(period[-1]) - 1], lang, year=period[:4])


def quarter_only(period: str, lang: str) -> str:
    """'2026Q3' within a sentence about the same year: 第三季度, or Q3."""
    return t(_QUARTER[int(period[-1]) - 1], lang)


def period_tick(period: str, with_year: bool, lang: str) -> str:
    """A quarter on a chart's axis, short: '2024年四季度' (its year on the first tick and each first quarter) and
    '一季度' … in Chinese; '2024 Q4' in English."""
    return t((_TICK_YEAR if with_year else _TICK)[int(period[-1]) - 1], lang, year=period[:4])


def is_small_count(kind: str, *values: float) -> bool:
    """Counts (or people) all under SMALL: 3 against 5 stations gets no percentage, it is no story."""
    return kind in ("count", "people") and all(abs(v) < SMALL for v in values)


def missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def per10k_decimals(*values: float) -> int:
    """Decimals for figures per 10,000 workers: fewer as the figures grow (8,946 members, 9.52 stations)."""
    largest = max((abs(v) for v in values if not missing(v)), default=0.0)
    return 0 if largest >= 1000 else 1 if largest >= 100 else 2


def _money_scale(lang: str) -> tuple[int, int]:
    """The language's money units in yuan: the everyday one and the large one (万 and 亿 in Chinese; the yuan and a
    million in English), from the catalogue, since where a language groups large amounts is its own."""
    return int(t("money.small_unit", lang)), int(t("money.large_unit", lang))


def money(value_wan: float, decimals: int, lang: str) -> str:
    """An amount given in 万元: 463.41万元, 1.85亿元 from 10,000 万元; CNY 4.63 million in English."""
    if missing(value_wan):
        return "—"
    small, large = _money_scale(lang)
    if abs(value_wan) >= large / 10_000:
        return t("money.large", lang, amount=format_number(value_wan / (large / 10_000), 2, lang))
    # the catalogue's decimals are for 万元: as many fewer as the everyday unit is smaller (none for whole yuan)
    places = max(0, decimals - len(str(10_000 // small)) + 1)
    return t("money.small", lang, amount=format_number(value_wan * (10_000 / small), places, lang))


def amount(value: float, unit: str, decimals: int, lang: str) -> str:
    """A figure with its unit, as people write it: 402个, 79.8%, 463.41万元; 402 units, 79.8%."""
    if missing(value):
        return "—"
    if unit in ("万元", "10k yuan"):
        return money(value, decimals, lang)
    if unit.startswith("CNY per "):  # an English amount per 10,000 workers: CNY 16,300 per …
        return t("money.per", lang, amount=money(value, decimals, lang), base=unit.removeprefix("CNY per "))
    number = format_number(value, decimals, lang)
    if unit == "%":
        return t("fmt.percent", lang, number=number)
    if number == "1" and unit.endswith("s"):  # English unit names are data in the plural: 1 unit, 1 session
        unit = unit[:-1]
    return t("fmt.amount", lang, number=number, unit=unit)


def signed_amount(change: float, unit: str, decimals: int, lang: str) -> str:
    """A change in a table cell: +9, −25.11 (the unit is the column's); money as +CNY 120,000 where the language
    counts money in another unit than the 万元 of the column (English: yuan), since the value beside it is too."""
    is_money = unit in ("万元", "10k yuan") and _money_scale(lang)[0] != 10_000
    if is_money and not missing(change) and round(change, decimals) != 0:
        return ("+" if change > 0 else "−") + money(abs(change), decimals, lang)
    return signed(change, decimals)


def points(value: float, decimals: int, lang: str) -> str:
    """A difference of two rates: 1.1个百分点 / 1.1 points (no sign; the sentence says which way)."""
    return t("fmt.points", lang, number=format_number(abs(value), decimals, lang))


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
