"""The submission tracker (issue 14): every county of the home city for one quarter, with its status, the deadline,
days overdue and a reminder to copy into the work group for each county still owing its figures."""

import datetime as dt

import pandas as pd
import streamlit as st

from components import data
from components.context import PageContext
from components.plain import plain_table
from components.strings import t
from unionbench.formatting import period_text
from unionbench.templates import upload_period_choices

SYMBOLS = {"missing": "○", "submitted": "◇", "returned": "↩", "approved": "●"}


def tracker_period(ctx: PageContext, home: str) -> str:
    """The quarter being reported: by default the one after the newest with figures (as on the upload page)."""
    choices, due = upload_period_choices(data.latest_period(ctx.store, ctx.data_version, home), dt.date.today())
    if st.session_state.get("tracker_period") not in choices:
        st.session_state["tracker_period"] = due
    narrow, _ = st.columns([1, 3])
    return narrow.selectbox(
        t("quarter", ctx.lang), choices, format_func=lambda p: period_text(p, ctx.lang), key="tracker_period"
    )


def tracker(ctx: PageContext, home: str, today: dt.date) -> pd.DataFrame:
    """The quarter's table, its counts by status and the reminders; returns the rows shown."""
    lang = ctx.lang
    period = tracker_period(ctx, home)
    rows = data.status_table(ctx.store, ctx.data_version, home, period, today)
    due = dt.date.fromisoformat(rows.deadline.iloc[0]) if len(rows) else None
    days = data.deadline_days(ctx.store, ctx.data_version)
    if due is not None:
        st.caption(t("tracker_deadline", lang, date=due.isoformat(), days=days, today=today.isoformat()))
    counts = rows.status.value_counts()
    for column, status in zip(st.columns(4), ("missing", "returned", "submitted", "approved"), strict=True):
        column.metric(f"{SYMBOLS[status]} {t(f'tracker_{status}', lang)}", int(counts.get(status, 0)))
    plain_table(tracker_table(rows, lang), "ub-tracker")
    owing = rows[rows.reminder != ""]
    if not owing.empty:
        st.subheader(t("tracker_reminders", lang))
        st.caption(t("tracker_reminders_hint", lang))
        for row in owing.itertuples(index=False):
            st.code(row.reminder, language=None, wrap_lines=True)
    return rows


def tracker_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    submitted_at = pd.to_datetime(rows.submitted_at).dt.strftime("%Y-%m-%d %H:%M").fillna("—")
    return pd.DataFrame(
        {
            t("region", lang): rows.region_name,
            t("status", lang): rows.status.map(lambda s: f"{SYMBOLS[s]} {t(f'tracker_{s}', lang)}"),
            t("figures", lang): rows.figures,
            t("uploaded_by", lang): rows.submitted_by.fillna("—"),
            t("submitted_at", lang): submitted_at,
            t("days_overdue", lang): rows.days_overdue.map(lambda d: str(d) if d else "—"),
            t("return_reason", lang): rows.reason.fillna(""),
        }
    )
