"""Reading what people type: numbers with separators, units and % signs; quarters in the usual Chinese forms."""

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass

from unionbench.periods import QUARTER_DIGITS

# Units people write, to the catalogue's unit and the factor that converts exactly. 家/户 count enterprises,
# 名 counts people, 次 counts sessions: the same thing under another word.
UNIT_WORDS = {
    "个": ("个", 1.0),
    "家": ("个", 1.0),
    "户": ("个", 1.0),
    "万元": ("万元", 1.0),
    "元": ("万元", 1e-4),
    "千元": ("万元", 0.1),
    "亿元": ("万元", 1e4),
    "人": ("人", 1.0),
    "名": ("人", 1.0),
    "万人": ("人", 1e4),
    "项": ("项", 1.0),
    "场": ("场", 1.0),
    "次": ("场", 1.0),
    "%": ("%", 1.0),
    "units": ("个", 1.0),
    "10k yuan": ("万元", 1.0),
    "yuan": ("万元", 1e-4),
    "people": ("人", 1.0),
    "items": ("项", 1.0),
    "sessions": ("场", 1.0),
}
# Cells that mean "no figure" in Chinese statistical tables.
BLANK_TOKENS = {"", "-", "--", "—", "——", "–", "/", "无", "n/a", "na", "null", "none", "空"}

_NUMBER = re.compile(
    r"^(?P<sign>[-+])?(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|\.\d+)"
    r"\s*(?P<unit>[^\d\s].*)?$"
)
_BRACKETED_UNIT = re.compile(r"^(?P<name>.*?)\s*[(\[](?P<unit>[^()\[\]]*)[)\]]\s*$")


def split_unit(header: str) -> tuple[str, str | None]:
    """'托育补助资金(万元)' → ('托育补助资金', '万元'); full-width brackets arrive as half-width after NFKC."""
    match = _BRACKETED_UNIT.match(header)
    if match and match.group("unit").strip():
        return match.group("name").strip(), match.group("unit").strip()
    return header.strip(), None


def unit_factor(written: str | None, expected: str) -> float | None:
    """The factor that turns a figure in the written unit into the catalogue's unit; None when it cannot."""
    if not written:
        return 1.0
    known = UNIT_WORDS.get(written.strip().lower())
    if known is None or known[0] != expected:
        return None
    return known[1]


@dataclass(frozen=True)
class Reading:
    """A number as read from a cell: its value, whether it carried a % sign, and any unit written after it."""

    value: float
    percent: bool = False
    unit: str | None = None


class NotANumber(ValueError):
    pass


class NotFinite(NotANumber):
    """A cell that reads as a number but is not a finite one: 1e309, a 400-digit number, inf, nan, ∞."""


# Words for infinity and not-a-number that float() would accept or people write; never a figure.
NON_FINITE_WORDS = {"inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "nan", "+nan", "-nan", "∞", "+∞", "-∞"}


def read_number(raw: object) -> Reading | None:
    """A cell as a number, None for a blank, NotANumber for text. Accepts 1,234 · １２３ · 85.2% · 36万元."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise NotANumber(str(raw))
    if isinstance(raw, int | float):
        value = float(raw) if not isinstance(raw, int) or abs(raw) < 10**308 else math.inf  # a huge int overflows
        if not math.isfinite(value):
            raise NotFinite(str(raw))
        return Reading(clean_float(value))
    if isinstance(raw, dt.date | dt.datetime):
        raise NotANumber(str(raw))
    text = unicodedata.normalize("NFKC", str(raw))  # full-width digits, commas and % become plain ones
    text = re.sub(r"(?<=\d)[\s\u00a0\u2009']+(?=\d)", "", text).strip()
    if text.lower() in BLANK_TOKENS:
        return None
    if text.lower() in NON_FINITE_WORDS:
        raise NotFinite(text)
    match = _NUMBER.match(text)
    if not match:
        raise NotANumber(text)
    value = float(match.group("number").replace(",", ""))
    if not math.isfinite(value):  # 1e309 or 400 digits: float() gives inf, which must never become a figure
        raise NotFinite(text)
    if match.group("sign") == "-":
        value = -value
    unit = (match.group("unit") or "").strip() or None
    if unit == "%":
        return Reading(clean_float(value), percent=True)
    if unit is not None and unit.lower() not in UNIT_WORDS:
        raise NotANumber(text)
    return Reading(clean_float(value), unit=unit)


def clean_float(value: float) -> float:
    """Drop binary noise Excel leaves in decimals (0.30000000000000004 → 0.3); a tiny non-zero figure (5e-324) is
    kept as written, not rounded to a zero nobody wrote, so the checks can refuse it."""
    rounded = round(value, 9)
    return value if rounded == 0 and value != 0 else rounded


_PERIOD_IN_TEXT = re.compile(
    r"(?P<year>\d{4})\s*年\s*第?\s*(?P<q>[一二三四1-4])\s*季度|(?P<y2>\d{4})\s*[-]?Q(?P<q2>[1-4])"
)


def period_in_title(text: str) -> str | None:
    """The one quarter a title row names ('2025年第三季度广元市工会工作统计表'), if exactly one."""
    found = {
        f"{m.group('year') or m.group('y2')}Q{QUARTER_DIGITS[m.group('q') or m.group('q2')]}"
        for m in _PERIOD_IN_TEXT.finditer(text)
    }
    return found.pop() if len(found) == 1 else None


def current_quarter(today: dt.date) -> str:
    return f"{today.year}Q{(today.month - 1) // 3 + 1}"
