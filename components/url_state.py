"""Filters that live in the URL with stable ids (?lang=en&bench=yangzhou&period=2025Q3), not display labels,
so a shared link or a wall-screen URL means the same view in either language.

Streamlit's `bind="query-params"` writes the formatted label into the URL, which changes with the language;
hence this small helper.
"""

import streamlit as st

from components.strings import LANGUAGES, t


def kept(key: str):
    """The last value a filter had on any page: Streamlit forgets a widget's state on a page that does not draw it,
    and a page switch drops the query string, so each filter also keeps a plain copy."""
    return st.session_state.get(f"_kept_{key}")


def from_url(key: str, options: list, default):
    """Set the widget's value before it is drawn: ?key= on a session's first run, else the value it had (on this
    page or, kept, on another); an unknown value falls back to the default.

    Assigning it on every run matters: a widget of the same key on another page is a different widget to
    Streamlit, which would otherwise start it at its first option.
    """
    by_text = {str(option).lower(): option for option in options}
    current = st.session_state.get(key)
    if current not in options:
        linked = st.query_params.get(key) if key not in st.session_state else None
        raw = linked if linked is not None else kept(key)
        current = by_text.get(str(raw).lower(), default) if raw is not None else default
        if linked is not None and str(linked).lower() not in by_text:
            link_ignored(key)
    st.session_state[key] = current
    return current


def link_ignored(key: str) -> None:
    """A small note that the link's value for `key` was not used (the value itself is never echoed)."""
    lang = st.query_params.get("lang") if st.query_params.get("lang") in LANGUAGES else "zh"
    st.toast(t("link_value_ignored", lang, param=key), icon=":material/link_off:")


def flag_from_url(key: str, default: bool = False) -> bool:
    current = st.session_state.get(key)
    if not isinstance(current, bool):
        linked = st.query_params.get(key) if key not in st.session_state else None
        raw = linked if linked is not None else kept(key)
        current = default if raw is None else str(raw).lower() in ("1", "true", "yes", "on")
        if linked is not None and str(linked).lower() not in ("1", "true", "yes", "on", "0", "false", "no", "off"):
            link_ignored(key)
    st.session_state[key] = current
    return current


def to_url(*keys: str) -> None:
    """Write the widgets' current values back to the URL (only those that changed, to avoid needless reruns)."""
    for key in keys:
        value = st.session_state.get(key)
        text = str(value).lower() if isinstance(value, bool) else str(value)
        st.session_state[f"_kept_{key}"] = text
        if st.query_params.get(key) != text:
            st.query_params[key] = text
