"""The targets page's editing part: the prefilled template (for everyone), and for admins a targets file checked,
previewed as added / changed and then stored, or one target typed in a small form. Checking and storing are
unionbench.target_import's, the same as `unionbench targets import`; every cell of a file is drawn as plain text."""

import pandas as pd
import streamlit as st

from components import data
from components.account import client_address, configured_users
from components.context import PageContext, current_store, refresh_data
from components.plain import plain_table
from components.strings import ngettext, t
from components.upload import SHEET_TYPES, uploader_words
from unionbench.i18n import other_language
from unionbench.paths import resolve_db_path
from unionbench.permissions import PermissionRefused
from unionbench.store import WriterBusy
from unionbench.target_import import TargetsRejected, TypedTarget, import_targets, save_target

CHANGE_KEYS = {"added": "tgt.status_added", "changed": "tgt.status_changed", "unchanged": "tgt.status_unchanged"}
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def template_download(ctx: PageContext, home: str, home_name: str, year: int) -> None:
    """The year to prepare (this one or the next) and the Excel template for the home city and its counties."""
    lang = ctx.lang
    left, right = st.columns([1, 3], vertical_alignment="bottom")
    chosen = left.selectbox(t("tgt.template_year", lang), [year, year + 1], key="tgt_template_year")
    right.download_button(
        t("tgt.template_download", lang, year=chosen),
        lambda: data.targets_template(*current_store(), home, chosen, lang),  # made from the newest data on a click
        file_name=f"targets-{home}-{chosen}.xlsx",
        mime=XLSX_MIME,
        icon=":material/download:",
        key="tgt_template",
    )
    st.caption(t("tgt.template_caption", lang, home=home_name))


def problem_table(problems, lang: str) -> None:
    other = other_language(lang)
    frame = pd.DataFrame(
        {
            t("tgt.col_row", lang): [p.row for p in problems],
            t("tgt.col_column", lang): [p.column for p in problems],
            t("tgt.col_value", lang): [p.value for p in problems],
            t("tgt.col_reason", lang): [p.message(lang) for p in problems],
            t("tgt.col_reason", other): [p.message(other) for p in problems],
        }
    )
    plain_table(frame, "ub-target-problems")


def changes_table(changes: pd.DataFrame, indicators: dict[str, str], lang: str) -> None:
    shown = changes[changes.status != "unchanged"]
    frame = pd.DataFrame(
        {
            t("tgt.form_region", lang): shown.region_name,
            t("tgt.form_indicator", lang): shown.indicator.map(lambda i: indicators.get(i, i)),
            t("tgt.form_year", lang): shown.year,
            t("tgt.col_before", lang): shown.before,
            t("tgt.form_target", lang): shown.target,
            t("tgt.col_status", lang): shown.status.map(lambda s: t(CHANGE_KEYS[s], lang)),
        }
    )
    plain_table(frame, "ub-target-changes")


def write(action, lang: str, message: str) -> None:
    """Store; on success read the new snapshot, clear the file and say what changed. A refusal lists every
    problem; nothing is written then."""
    try:
        checked = action()
    except TargetsRejected as rejected:
        st.error(
            ngettext("tgt.refused", "tgt.refused.plural", len(rejected.problems), lang, count=len(rejected.problems))
        )
        problem_table(rejected.problems, lang)
        return
    except PermissionRefused as refused:
        st.error(refused.text(lang))
        return
    except WriterBusy:
        st.error(t("tgt.busy", lang))
        return
    refresh_data()
    counts = {"added": checked.count("added"), "changed": checked.count("changed")}
    done = any(counts.values())
    st.session_state["tgt_message"] = t(message, lang, **counts) if done else t("tgt.nothing_changed", lang)
    st.session_state["tgt_upload_round"] = st.session_state.get("tgt_upload_round", 0) + 1  # a fresh uploader
    st.rerun()


def saved_message() -> None:
    if message := st.session_state.pop("tgt_message", None):
        st.success(message)


def upload_targets(ctx: PageContext, admin: str) -> None:
    """A targets file: checked on arrival, its problems or its changes shown, stored on confirmation."""
    lang = ctx.lang
    round_ = st.session_state.get("tgt_upload_round", 0)
    uploader_words(lang, SHEET_TYPES)
    uploaded = st.file_uploader(t("tgt.upload_label", lang), type=SHEET_TYPES, key=f"tgt_file_{round_}")
    if uploaded is None:
        return
    content, name = uploaded.getvalue(), uploaded.name
    checked = data.checked_targets(ctx.store, ctx.data_version, content, name)
    if not checked.ok:
        st.error(
            ngettext("tgt.refused", "tgt.refused.plural", len(checked.problems), lang, count=len(checked.problems))
        )
        problem_table(checked.problems, lang)
        return
    counts = {s: checked.count(s) for s in ("added", "changed", "unchanged")}
    st.info(t("tgt.preview", lang, **counts))
    changes_table(checked.changes, data.target_indicators(ctx.store, ctx.data_version, lang), lang)
    if st.button(t("tgt.commit_button", lang), type="primary", key="tgt_commit"):
        db, secrets = resolve_db_path(None), configured_users()
        write(lambda: import_targets(db, content, name, admin, address=client_address(), secrets_users=secrets),
              lang, "tgt.committed")  # fmt: skip


def one_target_form(ctx: PageContext, admin: str, regions: dict[str, str], year: int) -> None:
    """Region, indicator, year and the target (typed as text, so it is read like a file's cell: 85%, 1,200)."""
    lang = ctx.lang
    indicators = data.target_indicators(ctx.store, ctx.data_version, lang)
    with st.form("tgt_form"):
        st.markdown(f"**{t('tgt.form_heading', lang)}**")
        first, second = st.columns(2)
        region = first.selectbox(t("tgt.form_region", lang), list(regions), format_func=regions.get, key="tgt_region")
        indicator = second.selectbox(
            t("tgt.form_indicator", lang), list(indicators), format_func=indicators.get, key="tgt_indicator"
        )
        third, fourth = st.columns(2)
        chosen_year = third.number_input(t("tgt.form_year", lang), value=year, step=1, key="tgt_year")
        target = fourth.text_input(t("tgt.form_target", lang), key="tgt_value", max_chars=40)
        if st.form_submit_button(t("tgt.form_save", lang), type="primary"):
            db, secrets = resolve_db_path(None), configured_users()
            typed = TypedTarget(region, indicator, int(chosen_year), target)
            write(lambda: save_target(db, typed, admin, client_address(), secrets), lang, "tgt.saved")
