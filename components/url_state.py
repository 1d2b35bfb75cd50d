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


def from_url(key: str, options: list, default, quiet: bool = False):
    """Set the widget's value before it is drawn: ?key= on a session's first run, else the value it had (on this
    page or, kept, on another); an unknown value falls back to the default, with a small note unless `quiet` (the
    caller says more itself).

    Assigning it on every run matters: a widget of the same key on another page is a different widget to
    Streamlit, which would otherwise start it at its first option.
    """
    by_text = {str(option).lower(): option for option in options}
    current = st.session_state.get(key)
    arrived = st.query_params.get(key)
    if current in options and arrived is not None and str(arrived) != kept(key):
        # A link followed inside the session (st.page_link with query_params) names another value than this session
        # last wrote to the URL: the link wins. A widget just changed leaves the URL at the value last written.
        current = by_text.get(str(arrived).lower(), current)
    if current not in options:
        linked = st.query_params.get(key) if key not in st.session_state else None
        raw = linked if linked is not None else kept(key)
        current = by_text.get(str(raw).lower(), default) if raw is not None else default
        if linked is not None and str(linked).lower() not in by_text and not quiet:
            link_ignored(key)
    st.session_state[key] = current
    return current


def link_ignored(key: str) -> None:
    """A small note that the link's value for `key` was not used (the value itself is never echoed)."""
    lang = st.query_params.get("lang") if st.query_params.get("lang") in LANGUAGES else "zh"
    st.toast(t("link_value_ignored", lang, param=key), icon=":material/link_off:")


def note_fixed(key: str, value: str) -> None:
    """On a page that always shows one value of `key` (the upload page and the tracker are the home city's), the
    same small note as elsewhere when a link asks for anything else; once per session."""
    linked = st.query_params.get(key)
    if linked is None or str(linked) == str(value) or st.session_state.get(f"_noted_{key}"):
        return
    st.session_state[f"_noted_{key}"] = True
    link_ignored(key)


def flag_from_url(key: str, default: bool = False, param: str | None = None) -> bool:
    """A toggle's value before it is drawn, from ?param= (the key unless given) on a session's first run."""
    param = param or key
    current = st.session_state.get(key)
    if not isinstance(current, bool):
        linked = st.query_params.get(param) if key not in st.session_state else None
        raw = linked if linked is not None else kept(param)
        current = default if raw is None else str(raw).lower() in ("1", "true", "yes", "on")
        if linked is not None and str(linked).lower() not in ("1", "true", "yes", "on", "0", "false", "no", "off"):
            link_ignored(param)
    st.session_state[key] = current
    return current


def to_url(*keys: str, param: str | None = None) -> None:
    """Write the widgets' current values back to the URL (only those that changed, to avoid needless reruns); one
    key may be written under another parameter name."""
    for key in keys:
        value = st.session_state.get(key)
        text = str(value).lower() if isinstance(value, bool) else str(value)
        name = param or key
        st.session_state[f"_kept_{name}"] = text
        if st.query_params.get(name) != text:
            st.query_params[name] = text


# --- lists, weights and the map's drill level in the link ----------------------------------------------

MAX_LINK_ITEMS = 64  # a link lists at most this many choices; anything longer is not a link a person shared


def parse_list(raw, options: list) -> tuple[list, bool]:
    """'410800,410825' → the options it names, in the link's order, without repeats; and whether any part was not
    an option (such a part is dropped, never echoed)."""
    by_text = {str(option).lower(): option for option in options}
    parts = [part.strip().lower() for part in str(raw)[:4096].split(",") if part.strip()]
    chosen = list(dict.fromkeys(by_text[part] for part in parts[:MAX_LINK_ITEMS] if part in by_text))
    return chosen, len(parts) > MAX_LINK_ITEMS or any(part not in by_text for part in parts)


def list_from_url(key: str, param: str, options: list, default: list) -> list:
    """A multiselect's value before it is drawn: ?param=a,b on a session's first run, else the value it had; unknown
    parts are dropped with a small note, and a link that names none of the options gives the default."""
    current = st.session_state.get(key)
    if not isinstance(current, list) or any(item not in options for item in current):
        linked = st.query_params.get(param) if key not in st.session_state else None
        raw = linked if linked is not None else kept(param)
        current = default
        if raw is not None:
            chosen, bad = parse_list(raw, options)
            current = chosen or default
            if linked is not None and bad:
                link_ignored(param)
    st.session_state[key] = current
    return current


def range_from_url(key: str, param: str, options: list, default: tuple) -> tuple:
    """A range slider's (first, last) before it is drawn: ?param=first,last on a session's first run (one value
    means one quarter), else the value it had; anything else gives the default with a small note."""
    current = st.session_state.get(key)
    if not _is_range(current, options):
        linked = st.query_params.get(param) if key not in st.session_state else None
        raw = linked if linked is not None else kept(param)
        chosen, bad = parse_list(raw, options) if raw is not None else ([], False)
        chosen = tuple(chosen * 2 if len(chosen) == 1 else chosen)
        current = chosen if _is_range(chosen, options) else default
        if linked is not None and (bad or current != chosen):
            link_ignored(param)
    st.session_state[key] = current
    return current


def _is_range(value, options: list) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and all(v in options for v in value)
        and options.index(value[0]) <= options.index(value[1])
    )


def list_to_url(key: str, param: str) -> None:
    """Write a multiselect's (or a range's) current value to ?param=a,b."""
    text = ",".join(str(item) for item in st.session_state.get(key) or [])
    st.session_state[f"_kept_{param}"] = text
    if st.query_params.get(param) != text:
        st.query_params[param] = text


def parse_weights(raw, ids: list[str], allowed: tuple[float, ...]) -> tuple[dict[str, float], bool]:
    """'org_rate:2,childcare_slots:0' → {indicator: weight} for the known indicators with an allowed weight; and
    whether any part was not understood (that part is dropped: its weight stays the default)."""
    weights: dict[str, float] = {}
    parts = [part for part in str(raw)[:4096].split(",") if part.strip()]
    bad = len(parts) > MAX_LINK_ITEMS
    for part in parts[:MAX_LINK_ITEMS]:
        indicator, _, number = part.strip().partition(":")
        try:
            weight = float(number) if number.isascii() else None
        except ValueError:
            weight = None
        if indicator in ids and weight in allowed:
            weights[indicator] = weight
        else:
            bad = True
    return weights, bad


def weights_text(weights: dict[str, float], default: float) -> str:
    """The weights that differ from the default, as the link writes them: 'org_rate:2,childcare_slots:0'."""
    return ",".join(f"{i}:{w:g}" for i, w in weights.items() if w != default)


def weights_from_url(keys: dict[str, str], allowed: tuple[float, ...], default: float, param: str = "weights") -> None:
    """Seed the weight sliders (indicator → widget key) from ?weights= on a session's first run, else keep what
    they had; a part that is not an indicator with an allowed weight is dropped with a small note."""
    if all(key in st.session_state for key in keys.values()):
        return
    linked = st.query_params.get(param)
    raw = linked if linked is not None else kept(param)
    weights, bad = parse_weights(raw, list(keys), allowed) if raw is not None else ({}, False)
    for indicator, key in keys.items():
        st.session_state.setdefault(key, weights.get(indicator, default))
    if linked is not None and bad:
        link_ignored(param)


def weights_to_url(keys: dict[str, str], default: float, param: str = "weights") -> None:
    """Write the sliders' weights that differ from the default to ?weights= (dropped when all are the default)."""
    text = weights_text({i: float(st.session_state[key]) for i, key in keys.items()}, default)
    st.session_state[f"_kept_{param}"] = text
    if text and st.query_params.get(param) != text:
        st.query_params[param] = text
    elif not text and param in st.query_params:
        del st.query_params[param]


def to_url_or_drop(key: str) -> None:
    """Like to_url, but an empty value takes the parameter out of the link (the map without a drill level)."""
    value = st.session_state.get(key)
    if value:
        to_url(key)
    else:
        st.session_state[f"_kept_{key}"] = ""
        if key in st.query_params:
            del st.query_params[key]
