"""Filters that live in the URL with stable ids (?lang=en&bench=yangzhou&period=2025Q3), not display labels,
so a shared link or a wall-screen URL means the same view in either language.

Streamlit's `bind="query-params"` writes the formatted label into the URL, which changes with the language;
hence this small helper.
"""

import streamlit as st


def from_url(key: str, options: list, default):
    """Seed the widget state from ?key= on the first run of a session; an unknown value falls back to the default."""
    if key not in st.session_state:
        raw = st.query_params.get(key)
        by_text = {str(option).lower(): option for option in options}
        st.session_state[key] = by_text.get(raw.lower(), default) if raw is not None else default
    elif st.session_state[key] not in options:
        st.session_state[key] = default
    return st.session_state[key]


def flag_from_url(key: str, default: bool = False) -> bool:
    if key not in st.session_state:
        raw = st.query_params.get(key)
        st.session_state[key] = default if raw is None else raw.lower() in ("1", "true", "yes", "on")
    return st.session_state[key]


def to_url(*keys: str) -> None:
    """Write the widgets' current values back to the URL (only those that changed, to avoid needless reruns)."""
    for key in keys:
        value = st.session_state.get(key)
        text = str(value).lower() if isinstance(value, bool) else str(value)
        if st.query_params.get(key) != text:
            st.query_params[key] = text
