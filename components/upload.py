"""The upload page's parts: sign-in, the template, the checked file (problems or preview), commit, history."""

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pandas as pd
import streamlit as st

from components import data
from components.account import client_address, configured_users, permitted
from components.briefing import briefing_buttons
from components.context import PageContext, current_store, refresh_data
from components.plain import plain_table
from components.preview import review_dataframe, said_yes_to_held, show_preview, show_problems, show_warnings
from components.review import submit
from components.strings import t
from components.url_state import kept
from unionbench import accounts as accounts_core
from unionbench import settings as settings_core
from unionbench.accounts import Account, ReportingError
from unionbench.auth import users_with_example_password
from unionbench.formatting import period_text
from unionbench.i18n import in_language
from unionbench.ingest import RevertError, Upload
from unionbench.paths import resolve_db_path
from unionbench.read import views
from unionbench.read.selection import Selection
from unionbench.store import WriterBusy
from unionbench.submissions import publish_file, revert
from unionbench.templates import upload_period_choices

SHOWN_HISTORY = 50
FILE_TYPES = ["csv", "txt", "xlsx", "xls"]  # .xls is answered with a clear "save as .xlsx" problem
SHEET_TYPES = ["csv", "xlsx"]  # a catalogue, rules or targets file: a sheet as CSV or Excel


def is_demo_database(uploads: pd.DataFrame) -> bool:
    """Demo data only: a committed demo upload (recorded by `unionbench init --demo`) and no committed real one."""
    committed = uploads[uploads.status == "committed"]
    return bool(committed.is_demo.any()) and not bool((~committed.is_demo.astype(bool)).any())


def example_password_warning(ctx: PageContext) -> None:
    """On every load: warn while an account still has the example password and the data are not only demo."""
    users = configured_users()
    if is_demo_database(data.read(ctx.store, ctx.data_version, views.uploads)):
        return
    if users_with_example_password(users) or data.read(
        ctx.store, ctx.data_version, accounts_core.accounts_with_example_password
    ):
        st.warning(t("example_password", ctx.lang), icon=":material/lock_open:")


def period_picker(ctx: PageContext, home: str, key: str = "upload_period") -> str:
    """One quarter for both the template and a file without a period column (the tracker's too)."""
    choices, due = upload_period_choices(data.latest_period(ctx.store, ctx.data_version, home), dt.date.today())
    if st.session_state.get(key) not in choices:
        st.session_state[key] = due
    narrow, _ = st.columns([1, 3])
    return narrow.selectbox(t("quarter", ctx.lang), choices, format_func=lambda p: period_text(p, ctx.lang), key=key)


def template_step(ctx: PageContext, home: str, home_name: str, period: str) -> None:
    st.subheader(t("step_template", ctx.lang))
    st.caption(t("template_hint", ctx.lang, home=home_name))
    template_buttons(ctx, lambda: data.template_files(*current_store(), home, period, ctx.lang), home_name, period)


def region_template_step(ctx: PageContext, region: str, period: str) -> None:
    """A reporter's template: the one row of its own region."""
    st.subheader(t("step_template", ctx.lang))
    name = data.region_name(ctx.store, ctx.data_version, region, ctx.lang)
    st.caption(t("region_template_hint", ctx.lang, region=name))
    template_buttons(ctx, lambda: data.region_template_files(*current_store(), region, period, ctx.lang), name, period)


def template_buttons(ctx: PageContext, files: Callable[[], dict[str, bytes]], name: str, period: str) -> None:
    """The CSV and Excel templates, made from the newest data when a button is clicked (`files()`, cached per data
    version): building them took longer than the rest of the page, and most visits download neither."""
    stem = f"{name}_{period}_{t('tpl.file_stem', ctx.lang)}"
    left, right = st.columns(2)
    left.download_button(
        t("template_csv", ctx.lang), lambda: files()["csv"], f"{stem}.csv", "text/csv", icon=":material/download:"
    )
    right.download_button(
        t("template_xlsx", ctx.lang),
        lambda: files()["xlsx"],
        f"{stem}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
    )


def upload_step(ctx: PageContext, account: Account, period: str, home: str) -> None:
    """The file: its problems (nothing is written), or the preview and the button: an admin commits and publishes,
    a reporter submits for review (a file with another region's rows is refused whole)."""
    lang = ctx.lang
    st.subheader(t("step_upload", lang))
    nonce = st.session_state.setdefault("upload_nonce", 0)  # a new key empties the uploader after a commit
    uploader_words(lang)
    file = st.file_uploader(t("upload_file", lang), type=FILE_TYPES, key=f"upload_file_{nonce}")
    if file is None:
        return
    upload = Upload(file.getvalue(), file.name, period)
    with st.spinner(t("checking", lang)):  # checked as of today's date, so the check is made again the next day
        prepared = data.checked_for(ctx.store, ctx.data_version, replace(upload, today=dt.date.today()), account)
    if not prepared.ok:
        show_problems(prepared, lang)
        show_warnings(prepared, lang)
        return
    show_warnings(prepared, lang)
    preview, rows = show_preview(ctx, prepared, period, "changes")
    yes = said_yes_to_held(prepared, lang, "held_action_commit" if account.is_admin else "held_action_submit")
    if not account.is_admin:
        st.caption(t("submit_hint", lang))
        if st.button(t("submit_button", lang), type="primary", icon=":material/send:", disabled=yes is False):
            submit(upload, account, lang, bool(yes))
        return
    if st.button(t("commit_button", lang), type="primary", icon=":material/check:", disabled=yes is False):
        commit(upload, account, rows, lang, home, bool(yes))


def commit(
    upload: Upload, account: Account, changes: pd.DataFrame, lang: str, home: str, accept_held: bool = False
) -> None:
    """Check again and commit under the writer lock; remember the outcome for the next run, which starts fresh."""
    try:
        user = permitted(account.name, "ingest", upload.file_name).name
        address = client_address()
        outcome = publish_file(resolve_db_path(None), upload, user, address, accept_held)
    except ReportingError as refused:
        st.error(refused.text(lang))
        return
    except WriterBusy:
        st.error(t("busy", lang))
        return
    if outcome.result is None:  # the stored data moved since the preview and the file no longer passes
        show_problems(outcome.prepared, lang)
        return
    result = outcome.result
    st.session_state["upload_outcome"] = {
        "id": result.upload_id,
        "already": result.changed_nothing,
        "previous": result.previous_upload_id,
        "added": result.added,
        "changed": result.changed,
        "unchanged": result.unchanged,
        "changes": changes,
        "home": home,
    }
    st.session_state["upload_nonce"] += 1
    refresh_data()
    st.rerun()


def last_outcome(lang: str) -> None:
    """What the last commit or revert of this session did, shown once above the steps."""
    outcome = st.session_state.pop("upload_outcome", None)
    if outcome is None:
        return
    if "notice" in outcome:  # a submission sent, approved or returned
        scroll_to_here("ub-notice")  # the notice is at the top: the click that caused it was further down
        st.success(outcome["notice"], icon=":material/check:")
        if region := outcome.get("briefing_region"):  # an approval: the region's briefing for its newest quarter
            store, version = current_store()
            if latest := data.latest_period(store, version, region):
                name = data.region_name(store, version, region, lang)
                sel = briefing_selection(store, version, region, latest, lang)
                briefing_buttons(store, sel, name, key="approved_briefing")
        return
    if "reverted" in outcome:
        st.success(t("reverted", lang, id=outcome["reverted"]), icon=":material/undo:")
    elif outcome["already"]:
        key = "already_imported" if outcome.get("previous") else "changed_nothing"
        st.info(t(key, lang, id=outcome["id"], previous=outcome.get("previous")))
    else:
        scroll_to_here("ub-committed")
        st.success(t("committed", lang, **{k: outcome[k] for k in ("id", "added", "changed", "unchanged")}))
        if not outcome["changes"].empty:
            review_dataframe(outcome["changes"], lang, "committed_changes")
        store, version = current_store()
        home = outcome["home"]
        latest = data.latest_period(store, version, home) if home else None
        if latest:  # the briefing for the quarter just sent, ready for the leadership meeting
            sel = briefing_selection(store, version, home, latest, lang)
            briefing_buttons(store, sel, data.region_name(store, version, home, lang))


def briefing_selection(store, version: int, region: str, period: str, lang: str) -> Selection:
    """The briefing offered after a write: the region's view by the federation's settings, on the benchmark set the
    pages were left on."""
    settings = data.read(store, version, settings_core.read_settings)
    return Selection.default(settings, {region}, {kept("bench") or settings.benchmark}, period, lang)


# how ingest read the file (ingest.layout), in words a clerk knows
LAYOUTS = {"wide": "layout.wide", "long": "layout.long", "demo": "layout.demo"}


def history(ctx: PageContext, account: Account) -> None:
    """Every upload, newest first, and a guarded revert."""
    lang = ctx.lang
    st.subheader(t("history_heading", lang))
    uploads = data.read(ctx.store, ctx.data_version, views.uploads)
    status = {"committed": t("status_committed", lang), "reverted": t("status_reverted", lang)}
    demo_label = t("demo_data_label", lang)
    table = pd.DataFrame(
        {
            t("upload_id", lang): uploads.id,
            t("uploaded_at", lang): uploads.created_at.dt.strftime("%Y-%m-%d %H:%M"),
            t("uploaded_by", lang): uploads.user_name,
            t("file_name", lang): uploads.file_name + uploads.is_demo.map({True: demo_label}).fillna(""),
            t("layout", lang): uploads.layout.map(
                lambda layout: t(LAYOUTS[layout], lang) if layout in LAYOUTS else layout
            ),
            t("preview_new", lang): uploads.rows_added,
            t("preview_changed", lang): uploads.rows_changed,
            t("status", lang): uploads.status.map(status),
        }
    )
    plain_table(table.head(SHOWN_HISTORY), "ub-history")  # file and user names: plain text, never Markdown
    committed = uploads[uploads.status == "committed"]
    labels = dict(zip(committed.id, committed.id.astype(str).radd("#") + " · " + committed.file_name, strict=True))
    pick = st.selectbox(
        t("revert_pick", lang),
        list(labels),
        index=None,
        format_func=labels.get,
        key="revert_pick",
        placeholder=t("choose_option", lang),
    )
    if pick is None:
        return
    confirmed = st.checkbox(t("revert_confirm", lang, id=pick), key=f"revert_confirm_{pick}")
    if st.button(t("revert_button", lang), disabled=not confirmed, icon=":material/undo:"):
        try:
            user = permitted(account.name, "revert", f"upload #{pick}").name
            revert(resolve_db_path(None), int(pick), user, client_address())
        except ReportingError as refused:
            st.error(refused.text(lang))
            return
        except RevertError as error:
            st.error(in_language(error.zh, error.en, lang))
            return
        except WriterBusy:
            st.error(t("busy", lang))
            return
        st.session_state["upload_outcome"] = {"reverted": int(pick)}
        st.session_state.pop("revert_pick", None)
        refresh_data()
        st.rerun()


# --- the uploader's own words in Chinese, and the page brought to the outcome of a commit --------
# Streamlit 1.67 draws the uploader's button ("Upload"), its limits ("20MB per file • CSV …") and the drop hint
# ("Drag and drop a file here") in English and has no parameter for them; scoped CSS puts the Chinese words in
# their place on the Chinese page (the English page keeps Streamlit's own).
UPLOADER_CSS = """<style>
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] [data-testid="stMarkdownContainer"] p
  {display: none;}
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] [data-testid="stMarkdownContainer"]::after
  {content: "%(button)s";}
[data-testid="stFileUploaderDropzoneInstructions"] span {font-size: 0; visibility: hidden;}
[data-testid="stFileUploaderDropzoneInstructions"] span::after
  {content: "%(limit)s"; font-size: 0.875rem; visibility: visible;}
[data-testid="stFileUploaderDropzone"] > input + div > span {font-size: 0; visibility: hidden;}
[data-testid="stFileUploaderDropzone"] > input + div > span::after
  {content: "%(drop)s"; font-size: 1rem; visibility: visible;}
</style>"""


def css_text(text: str) -> str:
    """A string as the inside of a CSS string literal."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")


STREAMLIT_LANGUAGE = "en"  # the language of Streamlit's own widget words


def uploader_words(lang: str, file_types=FILE_TYPES) -> None:
    """On a page in another language than Streamlit's own English, the file uploader's words replaced by the
    page's (see UPLOADER_CSS); every uploader of a page takes the same words, so a page's uploaders share their
    `file_types`."""
    if lang == STREAMLIT_LANGUAGE:
        return
    types = t("list_sep", lang).join(kind.upper() for kind in file_types)
    limit = t("uploader_limit", lang, size=st.get_option("server.maxUploadSize"), types=types)
    words = {"button": t("uploader_button", lang), "limit": limit, "drop": t("uploader_drop", lang)}
    st.html(UPLOADER_CSS % {key: css_text(text) for key, text in words.items()})


def scroll_to_here(anchor: str) -> None:
    """Bring this point of the page into view (after a commit the page reran scrolled down to the old preview, and
    the success message above was out of sight). A fixed script, no user text in it."""
    st.html(
        f'<div id="{anchor}"></div><script>'
        "(function go(tries) {"
        f'  const mark = document.getElementById("{anchor}");'
        '  if (mark) { mark.scrollIntoView({block: "center"}); }'
        "  if (tries > 0) { requestAnimationFrame(() => go(tries - 1)); }"
        "})(10);</script>",
        unsafe_allow_javascript=True,
    )
