"""Quarters as 'YYYYQn' labels and running indexes."""

import datetime as dt
import re

_LABEL = re.compile(r"^(\d{4})Q([1-4])$")


def period_index(label: str) -> int:
    """'2025Q3' → a running quarter number (year × 4 + quarter − 1)."""
    m = _LABEL.match(label)
    if not m:
        raise ValueError(f"not a quarter label: {label!r}")
    return int(m.group(1)) * 4 + int(m.group(2)) - 1


def period_label(index: int) -> str:
    return f"{index // 4}Q{index % 4 + 1}"


def shift(label: str, quarters: int) -> str:
    """The quarter `quarters` after (or before, when negative) `label`."""
    return period_label(period_index(label) + quarters)


def periods_between(first: str, last: str) -> list[str]:
    return [period_label(i) for i in range(period_index(first), period_index(last) + 1)]


def quarter_of(label: str) -> int:
    return period_index(label) % 4 + 1


def year_of(label: str) -> int:
    return period_index(label) // 4


# How people write a quarter in files and on the command line; here, not in ingest, so a command that reads
# --period need not load the ingest package.
QUARTER_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_PERIOD_PATTERNS = [
    re.compile(r"^(?P<year>\d{4})\s*[-_/.]?\s*Q(?P<q>[1-4])$", re.IGNORECASE),
    re.compile(r"^(?P<year>\d{4})\s*年\s*Q(?P<q>[1-4])$", re.IGNORECASE),
    re.compile(r"^(?P<year>\d{4})\s*年\s*第?\s*(?P<q>[一二三四1-4])\s*季度?$"),
]


def read_period(raw: object) -> str | None:
    """'2025Q3', '2025-Q3', '2025 Q3', '2025年第三季度', '2025年3季度' → '2025Q3'; None when it is none of these."""
    if raw is None or isinstance(raw, dt.date | dt.datetime):
        return None
    text = str(raw).strip()
    for pattern in _PERIOD_PATTERNS:
        match = pattern.match(text)
        if match:
            return f"{match.group('year')}Q{QUARTER_DIGITS[match.group('q')]}"
    return None
