"""The submission tracker: every county of the home city for one quarter, with its status, the deadline,
days overdue and a reminder to copy into the work group for each county still owing its figures."""

import datetime as dt

import pandas as pd
import streamlit as st

from components import data
from components.context import PageContext
from components.plain import plain_table
from components.strings import ngettext, t
from components.upload import period_picker
from unionbench import tracker as tracker_core
from unionbench.accounts import Account
from unionbench.read import views
from unionbench.tracker import deadline_words

SYMBOLS = {"missing": "○", "submitted": "◇", "returned": "↩", "approved": "●"}
WORDS = {
    "missing": "tracker_missing",
    "submitted": "tracker_submitted",
    "returned": "tracker_returned",
    "approved": "tracker_approved",
}


def need_to_know(rows: pd.DataFrame, viewer: Account | None) -> pd.DataFrame:
    """What a reporter may see: its own county's row whole, the other counties' status only (who sent what, when,
    and why it was returned are their business); an admin sees everything."""
    if viewer is None or viewer.is_admin:
        return rows
    others = rows.region_code != viewer.region
    shown = rows.copy()
    shown["figures"] = shown.figures.astype(object).where(~others, "—")
    for column in ("submitted_by", "submitted_at", "reason"):
        shown[column] = shown[column].where(~others, None)
    shown["days_overdue"] = shown.days_overdue.where(~others, 0)
    shown["reminder"] = shown.reminder.where(~others, "")
    return shown


def tracker(ctx: PageContext, home: str, today: dt.date, viewer: Account | None = None) -> pd.DataFrame:
    """The quarter's table, its counts by status and the reminders; returns the rows shown."""
    lang = ctx.lang
    period = period_picker(ctx, home, "tracker_period")
    rows = need_to_know(data.read(ctx.store, ctx.data_version, tracker_core.status_table, home, period, today), viewer)
    due = dt.date.fromisoformat(rows.deadline.iloc[0]) if len(rows) else None
    days = data.read(ctx.store, ctx.data_version, tracker_core.deadline_days)
    if due is not None:
        st.caption(
            ngettext(
                "tracker_deadline",
                "tracker_deadline.plural",
                days,
                lang,
                date=due.isoformat(),
                days=days,
                today=today.isoformat(),
            )
        )
    counts = rows.status.value_counts()
    for column, status in zip(st.columns(4), ("missing", "returned", "submitted", "approved"), strict=True):
        column.metric(f"{SYMBOLS[status]} {t(WORDS[status], lang)}", int(counts.get(status, 0)))
    names = data.read(
        ctx.store, ctx.data_version, views.region_names, tuple(rows.region_code), lang
    )  # Cangxi County in English
    plain_table(tracker_table(rows.assign(region_name=rows.region_code.map(names)), lang, today), "ub-tracker")
    owing = rows[rows.reminder != ""]
    if not owing.empty:
        st.subheader(t("tracker_reminders", lang))
        st.caption(t("tracker_reminders_hint", lang))
        for row in owing.itertuples(index=False):
            st.code(row.reminder, language=None, wrap_lines=True)
    return rows


def tracker_table(rows: pd.DataFrame, lang: str, today: dt.date) -> pd.DataFrame:
    submitted_at = pd.to_datetime(rows.submitted_at).dt.strftime("%Y-%m-%d %H:%M").fillna("—")
    return pd.DataFrame(
        {
            t("region", lang): rows.region_name,
            t("status", lang): rows.status.map(lambda s: f"{SYMBOLS[s]} {t(WORDS[s], lang)}"),
            t("figures", lang): rows.figures,
            t("uploaded_by", lang): rows.submitted_by.fillna("—"),
            t("submitted_at", lang): submitted_at,
            t("deadline_column", lang): [
                deadline_words(status, due, today, lang) for status, due in zip(rows.status, rows.deadline, strict=True)
            ],
            t("return_reason", lang): rows.reason.fillna(""),
        }
    )
