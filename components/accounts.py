"""The accounts page's parts (管理 › 账号, admins only): the list of accounts (never a hash), adding one, disabling
one, setting a new password, and the reporting deadline. Every change goes through the same core functions as
`unionbench users …` and `unionbench settings deadline_days`, so the rules and the audit log are the same."""

import pandas as pd
import streamlit as st

from components import data
from components.account import configured_users, permitted
from components.context import PageContext, refresh_data
from components.plain import plain_table
from components.strings import ngettext, pgettext, t
from unionbench import accounts as accounts_core
from unionbench import settings as settings_core
from unionbench.accounts import NewAccount, ReportingError, add_user, change_role, disable_user, set_password
from unionbench.choices import ROLE_KEYS, ROLES
from unionbench.paths import resolve_db_path
from unionbench.read import views
from unionbench.settings import MAX_DEADLINE_DAYS, set_setting
from unionbench.store import WriterBusy

DONE_KEY = "accounts_done"


def done_message(lang: str) -> None:
    """What the last change of this session did, shown once."""
    if message := st.session_state.pop(DONE_KEY, None):
        st.success(message)


def accounts_table(ctx: PageContext) -> pd.DataFrame:
    """Every account as the page lists it: name, role, region, status, created (no hashes); returns the rows."""
    lang = ctx.lang
    found = data.read(ctx.store, ctx.data_version, accounts_core.accounts)
    codes = tuple(code for code in found.region if isinstance(code, str))
    names = data.read(ctx.store, ctx.data_version, views.region_names, codes, lang) if codes else {}
    table = pd.DataFrame(
        {
            t("user_name", lang): found.name,
            t("accounts.role", lang): found.role.map(lambda r: t(ROLE_KEYS[r], lang)),
            t("region", lang): found.region.map(lambda c: names.get(c, c) if isinstance(c, str) else "—"),
            t("status", lang): found.disabled.map(
                {True: pgettext("account", "state.stopped", lang), False: pgettext("account", "state.active", lang)}
            ),
            t("accounts.created", lang): pd.to_datetime(found.created_at).dt.strftime("%Y-%m-%d %H:%M"),
        }
    )
    plain_table(table, "ub-accounts")
    return found


def allowed(ctx: PageContext, admin: str, action: str) -> bool:
    """The same permission check as the command line (a refusal audited alike), shown in the page's language."""
    try:
        permitted(admin, action)
    except ReportingError as error:
        st.error(error.text(ctx.lang))
        return False
    return True


def run_change(ctx: PageContext, change, message: str) -> None:
    """One change through the core; its refusal shown, or its message kept for the next run, which starts fresh."""
    try:
        change()
    except ReportingError as error:
        st.error(error.text(ctx.lang))
        return
    except WriterBusy:
        st.error(t("busy", ctx.lang))
        return
    st.session_state[DONE_KEY] = message
    refresh_data()
    st.rerun()


def region_choices(ctx: PageContext) -> dict[str, str]:
    """Where a reporter may report for: the home city and its counties (empty before the home city is set)."""
    home = ctx.settings.home
    return data.read(ctx.store, ctx.data_version, settings_core.home_and_counties, home, ctx.lang) if home else {}


def role_and_region(
    left, right, form: str, regions: dict[str, str], lang: str, current: tuple[str, str | None] = ("reporter", None)
) -> tuple[str, str | None]:
    """A role and, for a reporter, its region, opened on `current` (a new account: reporter, no region): picked
    from the home city and its counties, or typed as a code before the home city is set. Keys
    `accounts_<form>_role` and `accounts_<form>_region`."""
    role, region = current
    role = right.radio(
        t("accounts.role", lang),
        ROLES,
        index=ROLES.index(role),
        format_func=lambda r: t(ROLE_KEYS[r], lang),
        horizontal=True,
        key=f"accounts_{form}_role",
    )
    if regions:
        region = left.selectbox(
            t("accounts.region", lang),
            list(regions),
            index=list(regions).index(region) if region in regions else None,
            format_func=regions.get,
            placeholder=t("accounts.region_placeholder", lang),
            key=f"accounts_{form}_region",
        )
    else:
        region = (
            left.text_input(t("accounts.region_code", lang), value=region or "", key=f"accounts_{form}_region_text")
            or None
        )
    return role, region


def add_form(ctx: PageContext, admin: str) -> None:
    lang = ctx.lang
    st.subheader(t("accounts.add_heading", lang))
    with st.form("accounts_add", clear_on_submit=True):  # a saved account leaves an empty form, no password
        left, right = st.columns(2)
        name = left.text_input(t("user_name", lang), max_chars=64, key="accounts_add_name")
        role, region = role_and_region(left, right, "add", region_choices(ctx), lang)
        left, right = st.columns(2)  # the two passwords side by side
        first = left.text_input(t("password", lang), type="password", key="accounts_add_password")
        again = right.text_input(t("accounts.password_again", lang), type="password", key="accounts_add_again")
        st.caption(t("accounts.region_hint", lang))
        if not st.form_submit_button(t("accounts.add_button", lang), type="primary", key="accounts_add_submit"):
            return
    if first != again:
        st.error(t("accounts.passwords_differ", lang))
        return
    if role == "admin":
        region = None
    if not allowed(ctx, admin, "accounts"):
        return
    run_change(
        ctx,
        lambda: add_user(resolve_db_path(None), NewAccount(name, first, role, region), admin),
        t("accounts.added", lang, name=name.strip()),
    )


def role_form(ctx: PageContext, admin: str, found: pd.DataFrame) -> None:
    """Another account's role and region (a clerk moved to another county; a reporter made an admin), opened on the
    chosen account's present ones. One's own role is left alone here, as with disabling, so an admin never demotes
    itself by a slip."""
    lang = ctx.lang
    others = [name for name in found.name if name != admin]
    st.subheader(t("accounts.role_heading", lang))
    if not others:
        st.caption(t("accounts.none_to_change", lang))
        return
    # The name is chosen outside the form so that choosing it reruns the page and the form opens on that account;
    # the form's widgets are keyed by the account, so each opens on its own role rather than the last one shown.
    left, _ = st.columns(2)
    name = left.selectbox(t("user_name", lang), others, key="accounts_role_name")
    present = found.set_index("name").loc[name]
    current = (present.role, present.region if isinstance(present.region, str) else None)
    with st.form("accounts_role"):
        left, right = st.columns(2)
        role, region = role_and_region(left, right, f"role_{name}", region_choices(ctx), lang, current)
        st.caption(t("accounts.role_hint", lang))
        if not st.form_submit_button(t("accounts.role_button", lang), key="accounts_role_submit"):
            return
    if role == "admin":
        region = None
    if allowed(ctx, admin, "accounts"):
        run_change(
            ctx,
            lambda: change_role(resolve_db_path(None), name, role, region, admin),
            t("accounts.role_done", lang, name=name),
        )


def disable_form(ctx: PageContext, admin: str, found: pd.DataFrame) -> None:
    """Disable an enabled account other than one's own (an admin never locks itself out here)."""
    lang = ctx.lang
    enabled = [name for name, off in zip(found.name, found.disabled, strict=True) if not off and name != admin]
    st.subheader(t("accounts.disable_heading", lang))
    if not enabled:
        st.caption(t("accounts.none_to_disable", lang))
        return
    with st.form("accounts_disable"):
        name = st.selectbox(t("user_name", lang), enabled, key="accounts_disable_name")
        st.caption(t("accounts.disable_hint", lang))
        if not st.form_submit_button(pgettext("account", "stop", lang), key="accounts_disable_submit"):
            return
    if allowed(ctx, admin, "accounts"):
        run_change(
            ctx, lambda: disable_user(resolve_db_path(None), name, admin), t("accounts.disabled_done", lang, name=name)
        )


def password_form(ctx: PageContext, admin: str, found: pd.DataFrame) -> None:
    """A new password for any account (it also enables a disabled one, as `unionbench users passwd` does)."""
    lang = ctx.lang
    st.subheader(t("accounts.password_heading", lang))
    if found.empty:
        return
    with st.form("accounts_password", clear_on_submit=True):
        name = st.selectbox(t("user_name", lang), list(found.name), key="accounts_password_name")
        left, right = st.columns(2)
        first = left.text_input(t("accounts.new_password", lang), type="password", key="accounts_password_new")
        again = right.text_input(t("accounts.password_again", lang), type="password", key="accounts_password_again")
        st.caption(t("accounts.password_hint", lang))
        if not st.form_submit_button(t("accounts.password_button", lang), key="accounts_password_submit"):
            return
    if first != again:
        st.error(t("accounts.passwords_differ", lang))
        return
    if allowed(ctx, admin, "accounts"):
        run_change(
            ctx, lambda: set_password(resolve_db_path(None), name, first, admin), t("accounts.password_done", lang)
        )


def deadline_form(ctx: PageContext, admin: str) -> None:
    """The days after a quarter's end figures are due: the setting `unionbench deadline` reads too."""
    lang = ctx.lang
    st.subheader(t("accounts.deadline_heading", lang))
    with st.form("accounts_deadline"):
        days = st.number_input(
            t("accounts.deadline_days", lang),
            min_value=0,
            max_value=MAX_DEADLINE_DAYS,
            value=ctx.settings.deadline_days,
            step=1,
            key="accounts_deadline_days",
        )
        if not st.form_submit_button(t("accounts.deadline_button", lang), key="accounts_deadline_submit"):
            return
    run_change(
        ctx,
        lambda: set_setting(resolve_db_path(None), "deadline_days", str(int(days)), admin, configured_users()),
        ngettext("accounts.deadline_done", "accounts.deadline_done.plural", int(days), lang, days=int(days)),
    )
