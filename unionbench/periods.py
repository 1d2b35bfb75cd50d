"""Quarters as 'YYYYQn' labels and running indexes."""

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
