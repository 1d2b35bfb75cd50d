"""Accounts (管理 › 账号), for admins: who may sign in, adding a reporter or an admin, changing an account's role
and region, disabling an account, setting a new password, and the reporting deadline — the same rules and audit as
`unionbench users` and `settings`."""

import streamlit as st

from components.account import require_admin
from components.accounts import (
    accounts_table,
    add_form,
    deadline_form,
    disable_form,
    done_message,
    password_form,
    role_form,
)
from components.page import page_setup
from components.strings import t

ctx = page_setup(setup_page=True)
st.title(t("accounts.heading", ctx.lang))
admin = require_admin(ctx, "accounts.sign_in").name
done_message(ctx.lang)
found = accounts_table(ctx)
st.caption(t("accounts.cli_hint", ctx.lang))
st.divider()
add_form(ctx, admin)
st.divider()
role_form(ctx, admin, found)
st.divider()
left, right = st.columns(2)
with left:
    disable_form(ctx, admin, found)
with right:
    password_form(ctx, admin, found)
st.divider()
deadline_form(ctx, admin)
