"""Who may change shared settings such as benchmark sets (issue 16). Until accounts with roles live in the database
(issue 14, wt-reporting), an admin is anyone signed in with an account of `[upload_users]`; this one function is
what the set editor asks, so the roles can be wired in here alone."""

import streamlit as st

from components.upload import configured_users


def current_admin() -> str | None:
    """The signed-in admin's name, or None when nobody (or a name no longer configured) is signed in."""
    user = st.session_state.get("upload_user")
    return user if user and user in configured_users() else None
