"""The first-run page: what a database without figures (or without a home city) opens on, and the set-up page.

An admin chooses the home city and the default benchmark set, downloads the templates and goes to the upload page;
everyone else reads that there are no figures yet and whom to ask. A database without any account says how to
make the first admin at the server's shell (no one can sign in to the page before that).
"""

import pandas as pd
import streamlit as st

from components import data
from components.account import configured_users, current_account, require_admin, signed_in_account
from components.context import PageContext, current_store, refresh_data
from components.memo import shared
from components.plain import table_html
from components.strings import ngettext, t
from components.upload import period_picker, template_buttons
from unionbench.accounts import ReportingError
from unionbench.paths import resolve_db_path
from unionbench.permissions import has_accounts
from unionbench.read import views
from unionbench.read.selection import REFERENCE_KEYS, REFERENCES
from unionbench.settings import set_setting
from unionbench.store import WriterBusy

SAVED_KEY = "setup_saved"


def first_run(ctx: PageContext) -> None:
    """The whole page: the welcome, then the admin's steps (or the sign-in form, or how to make the first admin)."""
    lang = ctx.lang
    st.title(t("setup.heading", lang))
    welcome(ctx)
    if not has_accounts(ctx.store, configured_users()):
        st.warning(t("setup.no_accounts", lang))
        st.code("unionbench users add NAME --role admin\nunionbench settings home <城市 city>", language="bash")
        return
    if (signed := current_account(ctx)) is not None and not signed.is_admin:  # a reporter may still send figures
        signed_in_account(ctx)
        st.page_link("app_pages/upload.py", label=t("setup.reporter_upload", lang), icon=":material/upload_file:")
        return
    account = require_admin(ctx, "setup.sign_in")  # the sign-in form stops the page here until an admin signs in
    if message := st.session_state.pop(SAVED_KEY, None):
        st.success(message)
    choose_home_and_set(ctx, account.name)
    home = ctx.settings.home
    if home is None:
        return
    st.divider()
    home_name = data.region_name(ctx.store, ctx.data_version, home, lang)
    st.subheader(t("setup.step_template", lang))
    st.caption(t("template_hint", lang, home=home_name))
    period = period_picker(ctx, home, "setup_period")
    template_buttons(ctx, lambda: data.template_files(*current_store(), home, period, lang), home_name, period)
    st.subheader(t("setup.step_upload", lang))
    st.caption(t("setup.upload_hint", lang))
    st.page_link("app_pages/upload.py", label=t("setup.go_upload", lang), icon=":material/upload_file:")
    st.page_link("app_pages/accounts.py", label=t("setup.go_accounts", lang), icon=":material/group:")


def welcome(ctx: PageContext) -> None:
    """What a visitor reads: no figures yet (or no home city yet) and whom to ask."""
    lang = ctx.lang
    status = data.read(ctx.store, ctx.data_version, views.data_status)
    if status["observations"] == 0:
        st.info(t("setup.no_figures", lang), icon=":material/hourglass_empty:")
    elif ctx.settings.home is None:
        st.info(t("setup.no_home_page", lang), icon=":material/location_city:")
    else:
        st.caption(t("setup.ready", lang))
        shown_settings(ctx)
    account = current_account(ctx)
    if account is None or not account.is_admin:
        st.caption(t("setup.who_to_ask", lang))


def shown_settings(ctx: PageContext) -> None:
    """The settings in force, as names (read-only)."""
    lang = ctx.lang
    found = ctx.settings
    set_names = data.read(ctx.store, ctx.data_version, views.set_names, lang)
    rows = {
        t("setup.home", lang): data.region_name(ctx.store, ctx.data_version, found.home, lang) if found.home else "—",
        t("setup.benchmark", lang): set_names.get(found.benchmark, "—"),
        t("setup.reference", lang): reference_name(ctx, found.reference),
        t("setup.deadline", lang): ngettext(
            "setup.deadline_days", "setup.deadline_days.plural", found.deadline_days, lang, days=found.deadline_days
        ),
    }
    headers = (t("setup.setting", lang), t("setup.value", lang))
    st.html(shared(settings_html, headers, tuple(rows.items())))  # the same table for every rerun until one changes


def settings_html(headers: tuple[str, str], rows: tuple[tuple[str, str], ...]) -> str:
    return table_html(pd.DataFrame(list(rows), columns=list(headers)), "ub-settings")


def reference_name(ctx: PageContext, reference: str) -> str:
    if reference in REFERENCES:
        return t(REFERENCE_KEYS[reference], ctx.lang)
    return data.region_name(ctx.store, ctx.data_version, reference, ctx.lang)


def choose_home_and_set(ctx: PageContext, admin: str) -> None:
    """Step one: the home city (any city of China, searchable), the default benchmark set and reference."""
    lang = ctx.lang
    found = ctx.settings
    st.subheader(t("setup.step_home", lang))
    cities = data.read(ctx.store, ctx.data_version, views.cities, lang)
    set_names = data.read(ctx.store, ctx.data_version, views.set_names, lang)
    references = {r: t(key, lang) for r, key in REFERENCE_KEYS.items()}
    with st.form("setup_form", border=True):
        home = st.selectbox(
            t("setup.home", lang),
            list(cities),
            index=list(cities).index(found.home) if found.home in cities else None,
            format_func=cities.get,
            placeholder=t("setup.home_placeholder", lang),
            key="setup_home",
        )
        benchmark = st.selectbox(
            t("setup.benchmark", lang),
            list(set_names),
            index=list(set_names).index(found.benchmark) if found.benchmark in set_names else 0,
            format_func=set_names.get,
            key="setup_benchmark",
        )
        st.caption(t("setup.benchmark_hint", lang))
        reference = st.selectbox(
            t("setup.reference", lang),
            list(references),
            index=list(references).index(found.reference) if found.reference in references else 0,
            format_func=references.get,
            key="setup_reference",
        )
        if not st.form_submit_button(t("setup.save", lang), type="primary", key="setup_save"):
            return
    if home is None:
        st.error(t("setup.choose_home", lang))
        return
    save(ctx, admin, {"home": home, "benchmark": benchmark, "reference": reference})


def save(ctx: PageContext, admin: str, wanted: dict[str, str]) -> None:
    """Each changed setting through the settings core (permission, checks, audit); then the page starts afresh."""
    changed = {key: value for key, value in wanted.items() if ctx.settings.value(key) != value}
    try:
        for key, value in changed.items():
            set_setting(resolve_db_path(None), key, value, admin, configured_users())
    except ReportingError as error:
        st.error(error.text(ctx.lang))
        return
    except WriterBusy:
        st.error(t("busy", ctx.lang))
        return
    st.session_state[SAVED_KEY] = t("setup.saved", ctx.lang)
    refresh_data()
    st.rerun()
