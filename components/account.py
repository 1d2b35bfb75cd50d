"""Who is signed in: the sign-in form, this session's account and role, and the admin-only guard.

For other pages: `current_account(ctx)` (no drawing; None when nobody is signed in), `signed_in_account(ctx)`
(draws the sign-in form and stops the page until someone signs in), `require_admin(ctx)` (the same, and stops
with a message for a reporter).
"""

import datetime as dt
import math

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from components import data
from components.context import PageContext
from components.strings import t
from unionbench import accounts as accounts_core
from unionbench.accounts import Account, check_password_of, record_sign_in, sign_in, sign_in_wait
from unionbench.audit import record_entry, record_sign_in_failure
from unionbench.auth import Throttle, Throttles
from unionbench.paths import resolve_db_path
from unionbench.permissions import Actor, permit

SESSION_KEY = "upload_user"


def configured_users() -> dict[str, str]:
    """`.streamlit/secrets.toml`'s [upload_users] (name → hash): admins, kept working beside database accounts."""
    try:
        return {str(name): str(hashed) for name, hashed in st.secrets.get("upload_users", {}).items()}
    except (FileNotFoundError, StreamlitSecretNotFoundError):
        return {}


@st.cache_resource
def sign_in_throttles() -> Throttles:
    """The server process's count of failed sign-ins: per name (5 in 15 minutes lock it, for 1, 2, 4 … minutes)
    and per address (20, as colleagues behind one proxy share an address)."""
    return Throttles(Throttle(limit=5), Throttle(limit=20))


def client_address() -> str | None:
    """The browser's address as the server sees it (None when unknown, e.g. under AppTest)."""
    address = st.context.ip_address
    return address if isinstance(address, str) else None


def current_account(ctx: PageContext) -> Account | None:
    """This session's account, re-read on every run (a disabled account is signed out at once); no drawing."""
    secrets = tuple(sorted(configured_users().items()))
    return data.find_account(ctx.store, ctx.data_version, secrets, st.session_state.get(SESSION_KEY))


def role_text(account: Account, ctx: PageContext) -> str:
    if account.is_admin:
        return t("role_admin", ctx.lang)
    return t("role_reporter", ctx.lang, region=data.region_name(ctx.store, ctx.data_version, account.region, ctx.lang))


def signed_in_account(ctx: PageContext, heading: str = "sign_in") -> Account:
    """The signed-in account; otherwise the sign-in form (or why there is none), and the page stops there."""
    account = current_account(ctx)
    if account is not None:
        st.sidebar.text(t("signed_in_as", ctx.lang, user=account.name) + " · " + role_text(account, ctx))
        st.sidebar.button(t("sign_out", ctx.lang), on_click=st.session_state.pop, args=(SESSION_KEY,))
        return account
    st.session_state.pop(SESSION_KEY, None)
    if not configured_users() and data.read(ctx.store, ctx.data_version, accounts_core.accounts).disabled.all():
        st.error(t("no_upload_users", ctx.lang))
        st.stop()
    sign_in_form(ctx, heading)
    st.stop()


def sign_in_form(ctx: PageContext, heading: str) -> None:
    lang = ctx.lang
    with st.form("sign_in"):
        st.subheader(t(heading, lang))
        name = st.text_input(t("user_name", lang))
        password = st.text_input(t("password", lang), type="password")
        if not st.form_submit_button(t("sign_in_button", lang), type="primary"):
            return
        account, wait = attempt(ctx, name, password, client_address())
        if account is not None:
            st.session_state[SESSION_KEY] = account.name
            st.rerun()
        if wait:
            retry = (dt.datetime.now() + dt.timedelta(seconds=wait)).strftime("%H:%M:%S")
            st.error(t("sign_in_locked", lang, time=retry, minutes=max(1, math.ceil(wait / 60))))
        else:
            st.error(t("sign_in_failed", lang))


def permitted(name: str, action: str, target: str | None = None) -> Actor:
    """The core's permission check for a write this page is about to make as `name`: PermissionRefused (a
    ReportingError, with its reason in both languages) when the account may not, and the refusal is audited."""
    return permit(resolve_db_path(None), name, action, configured_users(), target, client_address())


def attempt(ctx: PageContext, name: str, password: str, address: str | None) -> tuple[Account | None, float]:
    """(the account, or None; seconds to wait). Failures are counted in the database's audit log, per name and
    address (shared by every replica, kept across restarts); while an upload holds the database, this process's
    own count stands in."""
    primary = resolve_db_path(None)
    wait = sign_in_wait(primary, name, address)
    if wait is None:  # the database is busy: the process's count, as before
        account, wait = sign_in(ctx.store, configured_users(), name, password, address, sign_in_throttles())
        if account is None:
            record_sign_in_failure(primary, name, address, wait)
        return account, wait
    if wait > 0:  # locked: the password is not even checked
        record_entry(primary, name.strip()[:64], "sign_in_locked", None, f"{wait:.0f} s left", address or "local")
        return None, wait
    account = check_password_of(ctx.store, configured_users(), name, password)
    wait = record_sign_in(primary, name, address, account is not None) or 0.0
    return account, (0.0 if account is not None else wait)


def require_admin(ctx: PageContext, heading: str = "sign_in") -> Account:
    """The signed-in admin; a reporter is told the page is for admins and the page stops."""
    account = signed_in_account(ctx, heading)
    if not account.is_admin:
        st.error(t("admin_only", ctx.lang))
        st.stop()
    return account
