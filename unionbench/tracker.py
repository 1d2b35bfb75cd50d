"""The tracker: which county has reported for a quarter, the deadline, and the reminder for a county still owing."""

import datetime as dt
from pathlib import Path

import pandas as pd

from unionbench.accounts import ReportingError, account_change
from unionbench.audit import audit
from unionbench.formatting import period_text
from unionbench.i18n import t
from unionbench.periods import period_index, shift
from unionbench.store import Store, load_query

STATUSES = ("missing", "submitted", "returned", "approved")
DEFAULT_DEADLINE_DAYS = 15  # the 15th day after the quarter's end
STATUS_COLUMNS = ["region_code", "region_name", "status", "figures", "submitted_by", "submitted_at"]
STATUS_EXTRA = ["deadline", "days_overdue", "submission_id", "reason", "reminder"]


def deadline(period: str, days: int = DEFAULT_DEADLINE_DAYS) -> dt.date:
    """The day a quarter's figures are due: `days` after its last day (2026Q4 → 2027-01-15 by default)."""
    following = shift(period, 1)
    quarter_end = dt.date(int(following[:4]), 3 * int(following[-1]) - 2, 1) - dt.timedelta(days=1)
    return quarter_end + dt.timedelta(days=days)


def deadline_days(store: Store) -> int:
    value = store.scalar("setting", key="deadline_days")
    return int(value) if value is not None else DEFAULT_DEADLINE_DAYS


def set_deadline_days(primary: Path, days: int, by: str, address: str | None = None) -> None:
    if not 0 <= days <= 366:
        raise ReportingError("截止天数须在 0–366 之间。", "The deadline is 0 to 366 days after the quarter.")

    def change(store: Store, cur) -> None:
        cur.execute(load_query("write/set_setting"), {"key": "deadline_days", "value": str(days)})
        audit(cur, by, "deadline", None, f"{days} days after the quarter", address)

    account_change(primary, change)


def reminder(region_name: str, period: str, due: dt.date, overdue: int, reason: str | None) -> str:
    """The Chinese reminder for a WeChat work group."""
    values = {
        "region": region_name,
        "period": period_text(period, "zh"),
        "year": due.year,
        "month": due.month,
        "day": due.day,
    }
    if reason:  # overdue only after the deadline; before it, returned with the date still to meet
        return t("reminder.returned" if overdue > 0 else "reminder.returned_due", "zh", reason=reason, days=overdue,
                 **values)  # fmt: skip
    if overdue > 0:
        return t("reminder.overdue", "zh", days=overdue, **values)
    return t("reminder.due", "zh", **values)


def status_table(store: Store, home: str, period: str, today: dt.date, days: int | None = None) -> pd.DataFrame:
    """Every county of `home` for `period`: STATUS_COLUMNS + deadline, days_overdue, submission_id, reason and a
    reminder (for a county still missing or returned)."""
    if period_index(period) < 0:
        raise ValueError(period)
    due = deadline(period, deadline_days(store) if days is None else days)
    frame = store.query("tracker", home=home, period=period)
    late = max(0, (today - due).days)
    owing = frame.status.isin(["missing", "returned"])
    frame["deadline"] = due.isoformat()
    frame["days_overdue"] = owing.map({True: late, False: 0}).astype(int)
    frame["reminder"] = [
        reminder(row.region_name, period, due, row.days_overdue, row.reason if row.status == "returned" else None)
        if owing_now
        else ""
        for row, owing_now in zip(frame.itertuples(index=False), owing, strict=True)
    ]
    return frame[STATUS_COLUMNS + STATUS_EXTRA]


def status_csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The tracker for `unionbench status`: times as ISO text, empty where none."""
    shown = frame.copy()
    shown["submitted_at"] = pd.to_datetime(shown.submitted_at).dt.strftime("%Y-%m-%d %H:%M:%S").fillna("")
    shown["submission_id"] = shown.submission_id.astype("Int64")
    return shown


def deadline_words(status: str, deadline_iso: str, today: dt.date, lang: str) -> str:
    """For a county still owing (missing or returned): '距截止还有 N 天' before the deadline, '今天截止' on it, '已逾期
    N 天' only after it; '—' for a county whose figures are in."""
    if status not in ("missing", "returned"):
        return "—"
    left = (dt.date.fromisoformat(deadline_iso) - today).days
    if left > 0:
        return t("deadline_left", lang, days=left)
    return t("deadline_today", lang) if left == 0 else t("deadline_overdue", lang, days=-left)
