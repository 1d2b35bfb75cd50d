"""Download buttons for the quarterly briefing (Word and PDF). The file is written only when a button is clicked
(a deferred download), so the page does not pay the few seconds it takes on every rerun."""

from dataclasses import replace
from functools import partial

import streamlit as st

from components.context import current_store
from components.strings import t
from unionbench.read import comparison
from unionbench.read.selection import Selection, UnknownReference
from unionbench.store import Store

FORMAT_KEYS = {"docx": "briefing_docx", "pdf": "briefing_pdf"}  # each format's button
MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@st.cache_data(max_entries=4, show_spinner=False)
def briefing(_store: Store, version: str, sel: Selection, fmt: str):
    from unionbench.briefing import briefing_bytes  # matplotlib and python-docx load only when asked

    return briefing_bytes(_store, sel, fmt)


def newest_briefing(sel: Selection, fmt: str):
    """The briefing of `sel` in `fmt` from the newest published data (a download button's deferred file)."""
    return briefing(*current_store(), sel, fmt)


def usable_reference(store: Store, sel: Selection) -> Selection:
    """The selection with a reference the briefing can be read against: a benchmark city is none for a county (a
    county is read against counties), whose briefing then uses the set's average."""
    try:
        comparison.reference_regions(store, sel)
    except UnknownReference:
        return replace(sel, reference="average")
    return sel


def briefing_buttons(store: Store, sel: Selection, region_name: str, key: str = "briefing") -> None:
    """One button per format, side by side, for the selection's home, set, quarter and reference. The file is written
    from the newest snapshot when clicked: the page's own may be closed by then (a reader closes a snapshot two
    minutes after it moved on)."""
    usable = usable_reference(store, sel)
    lang = sel.lang
    if usable != sel:
        st.caption(t("briefing_reference_average", lang))
    row = st.container(horizontal=True, key=f"{key}_buttons")  # each button as wide as its words: none clipped
    for fmt in MIME:
        row.download_button(
            t(FORMAT_KEYS[fmt], lang),
            data=partial(newest_briefing, usable, fmt),
            file_name=f"{region_name}_{sel.period}_{t('brief.file_stem', lang)}.{fmt}",
            mime=MIME[fmt],
            on_click="ignore",
            icon=":material/description:",
            key=f"{key}_{fmt}",
        )
