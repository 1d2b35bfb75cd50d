"""The reporting cycle on the upload page: a reporter's submission and its status, the admins' review
of submitted files (preview, approve, return with a reason) and the audit log."""

import datetime as dt

import pandas as pd
import streamlit as st

from components import data
from components.account import client_address, permitted
from components.context import PageContext, refresh_data
from components.plain import plain_table
from components.preview import show_preview, show_problems, show_warnings
from components.strings import ngettext, t
from unionbench import submissions as submissions_core
from unionbench.accounts import Account, ReportingError
from unionbench.audit import audit_entries
from unionbench.formatting import period_text
from unionbench.ingest import Upload
from unionbench.paths import resolve_db_path
from unionbench.read import views
from unionbench.store import WriterBusy
from unionbench.submissions import approve_submission, return_submission, submit_file

SHOWN_AUDIT = 200


def status_word(status: str, lang: str) -> str:
    return t(f"submission_{status}", lang)


def submit(upload: Upload, account: Account, lang: str, accept_held: bool = False) -> None:
    """Store the file for review (nothing reaches the figures); the next run says so."""
    address = client_address()

    def send():
        sender = permitted(account.name, "submit", upload.file_name).account
        return submit_file(resolve_db_path(None), upload, sender, address, accept_held)

    outcome = attempt(send, lang)
    if outcome is None:
        return
    if outcome.submission_id is None:
        show_problems(outcome.prepared, lang)
        return
    done(
        ngettext(
            "submitted_notice",
            "submitted_notice.plural",
            figures := len(outcome.prepared.observations),
            lang,
            id=outcome.submission_id,
            figures=figures,
        )
    )


def attempt(write, lang: str):
    """Run one write; when it is refused (not waiting for review …) or the database is busy, say so: None."""
    try:
        return write()
    except ReportingError as error:
        st.error(error.text(lang))
    except WriterBusy:
        st.error(t("busy", lang))
    return None


def done(notice: str, briefing_region: str | None = None) -> None:
    """Show `notice` once at the top after the rerun; with `briefing_region`, that region's briefing beside it."""
    st.session_state["upload_outcome"] = {"notice": notice, "briefing_region": briefing_region}
    st.session_state["upload_nonce"] = st.session_state.get("upload_nonce", 0) + 1
    refresh_data()
    st.rerun()


def submissions_table(found: pd.DataFrame, lang: str, with_region: bool) -> pd.DataFrame:
    columns = {
        t("submission_id", lang): "#" + found.id.astype(str),
        t("region", lang): found.region_name,
        t("file_name", lang): found.file_name,
        t("quarter", lang): found.periods.fillna("").map(
            lambda text: "、".join(period_text(p, lang) for p in text.split(",") if p)
        ),
        t("figures", lang): found.figures,
        t("uploaded_by", lang): found.user_name,
        t("submitted_at", lang): found.submitted_at.dt.strftime("%Y-%m-%d %H:%M"),
        t("status", lang): found.status.map(lambda s: status_word(s, lang)),
        t("return_reason", lang): found.reason.fillna(""),
    }
    if not with_region:
        columns.pop(t("region", lang))
    return pd.DataFrame(columns)


def my_submissions(ctx: PageContext, account: Account) -> None:
    """A reporter's own submissions, newest first, with their status and any reason for a return."""
    st.subheader(t("my_submissions", ctx.lang))
    found = data.read(ctx.store, ctx.data_version, submissions_core.submissions)
    mine = found[found.user_name == account.name]
    if mine.empty:
        st.caption(t("no_submissions", ctx.lang))
        return
    plain_table(submissions_table(mine, ctx.lang, with_region=False), "ub-my-submissions")


def review_step(ctx: PageContext, account: Account) -> None:
    """Admins: every file waiting for review, its preview against the current figures, approve or return."""
    lang = ctx.lang
    found = data.read(ctx.store, ctx.data_version, submissions_core.submissions)
    waiting = found[found.status == "submitted"]
    st.subheader(t("review_heading", lang, count=len(waiting)))
    if waiting.empty:
        st.caption(t("review_nothing", lang))
        return
    names = data.read(
        ctx.store, ctx.data_version, views.region_names, tuple(waiting.region.dropna()), lang
    )  # Cangxi County
    waiting = waiting.assign(region_name=waiting.region.map(names).fillna(waiting.region_name))
    plain_table(submissions_table(waiting, lang, with_region=True), "ub-review")
    labels = {
        int(row.id): f"#{row.id} · {row.region_name} · {row.file_name}" for row in waiting.itertuples(index=False)
    }
    # Nothing is chosen until the admin picks one: after an approval the next file must not slide under the button
    # just clicked (a second click would approve a file nobody looked at).
    pick = st.selectbox(
        t("review_pick", lang),
        list(labels),
        index=None,
        format_func=labels.get,
        placeholder=t("review_pick_placeholder", lang),
        key="review_pick",
    )
    if pick is None:
        return
    content, file_name, period = data.submission_file(ctx.store, ctx.data_version, pick)
    sent = waiting[waiting.id == pick].iloc[0]
    reporter = Account(sent.user_name, "reporter", sent.region)
    prepared = data.checked_for(
        ctx.store, ctx.data_version, Upload(content, file_name, period, dt.date.today()), reporter
    )
    if not prepared.ok:  # the stored figures moved since it was sent and it no longer passes
        show_problems(prepared, lang)
    else:
        show_warnings(prepared, lang)
        show_preview(ctx, prepared, period, f"review_changes_{pick}", step=False)
    approve, back = st.columns(2)
    if approve.button(
        t("approve_button", lang), type="primary", icon=":material/check:", disabled=not prepared.ok, key="approve"
    ):
        approve_now(pick, account, lang, sent.region)
    reason = back.text_input(t("return_reason", lang), key=f"return_reason_{pick}", max_chars=500)
    if back.button(t("return_button", lang), icon=":material/undo:", key="return"):
        if reason.strip():
            return_now(pick, account, reason, lang)
        else:  # a button that waits for Enter in the field looked dead; say what is missing instead
            back.error(t("return_reason_needed", lang))


def approve_now(submission_id: int, account: Account, lang: str, region: str | None = None) -> None:
    address = client_address()
    target = f"submission #{submission_id}"
    outcome = attempt(
        lambda: approve_submission(
            resolve_db_path(None), submission_id, permitted(account.name, "approve", target).name, None, address
        ),
        lang,
    )
    if outcome is None:
        return
    if outcome.result is None:
        show_problems(outcome.prepared, lang)
        return
    result = outcome.result
    counts = {"added": result.added, "changed": result.changed, "unchanged": result.unchanged}
    # the county's briefing for its newest quarter, ready for the meeting, as after an admin's own upload
    done(t("approved_notice", lang, id=submission_id, upload=result.upload_id, **counts), region)


def return_now(submission_id: int, account: Account, reason: str, lang: str) -> None:
    address = client_address()
    target = f"submission #{submission_id}"
    returned = attempt(
        lambda: (
            return_submission(
                resolve_db_path(None), submission_id, permitted(account.name, "return", target).name, reason, address
            )
            or True
        ),
        lang,
    )
    if returned:
        done(t("returned_notice", lang, id=submission_id))


def audit_section(ctx: PageContext) -> None:
    """Admins: the latest entries of the audit log (sign-in failures, uploads, approvals, returns, reverts)."""
    lang = ctx.lang
    with st.expander(t("audit_heading", lang), icon=":material/history:"):
        try:
            entries = audit_entries(resolve_db_path(None))
        except WriterBusy:
            st.info(t("busy", lang))
            return
        table = pd.DataFrame(
            {
                t("uploaded_at", lang): entries.logged_at.dt.strftime("%Y-%m-%d %H:%M:%S"),
                t("audit_user", lang): entries.user_name,
                t("audit_action", lang): entries.action.map(
                    lambda a: t(f"audit.{a}", lang) if f"audit.{a}" in AUDIT_KEYS else a
                ),
                t("audit_target", lang): entries.target.fillna(""),
                t("audit_detail", lang): entries.detail.fillna(""),
                t("audit_address", lang): entries.address.fillna(""),
            }
        )
        plain_table(table.head(SHOWN_AUDIT), "ub-audit")
        st.caption(t("audit_cli", lang))


AUDIT_KEYS = {
    f"audit.{action}"
    for action in (
        "sign_in_failed",
        "upload",
        "submit",
        "approve",
        "return",
        "revert",
        "user_add",
        "user_role",
        "user_disable",
        "user_passwd",
        "deadline",
        "setting",
        "refused",
        "confirm",
        "sign_in",
        "sign_in_locked",
        "sign_in_unlock",
    )
}
