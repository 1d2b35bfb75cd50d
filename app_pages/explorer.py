"""Data explorer: the filtered table with units, provenance on demand, and downloads (Excel-safe CSV, XLSX)."""

from dataclasses import replace

import streamlit as st

from components import data
from components.filters import quarter_notes, regions_in_view, shared_filters
from components.page import page_setup
from components.strings import ngettext, t
from components.url_state import flag_from_url, list_from_url, list_to_url, range_from_url, to_url
from unionbench.export import excel_safe_csv, xlsx_bytes
from unionbench.formatting import period_text
from unionbench.read import explorer
from unionbench.read.explorer import display_table, download_name

ctx = page_setup()
f = shared_filters(ctx, indicator=False, per_10k=False)
lang, store, version = ctx.lang, ctx.store, ctx.data_version

st.title(t("explorer_heading", lang))
quarter_notes(ctx, f)
names = regions_in_view(ctx, f)
oldest_first = list(reversed(f.periods))
# The selections live in the link (?regions=410800,410825&indicators=org_rate&periods=2025Q4,2026Q3&provenance=true),
# so a shared link opens the same table; unknown parts are dropped with a note.
list_from_url("explorer_regions", "regions", list(names), [f.home])
list_from_url("explorer_indicators", "indicators", list(f.catalogue), list(f.catalogue)[:6])
# Four quarters up to the one shown: a newer quarter only some counties have reported must not shorten them to three.
shown_at = oldest_first.index(f.period) if f.period in oldest_first else len(oldest_first) - 1
range_from_url("explorer_periods", "periods", oldest_first, (oldest_first[max(0, shown_at - 3)], f.period))
flag_from_url("explorer_provenance", default=False, param="provenance")
left, middle = st.columns(2)
regions = left.multiselect(t("regions", lang), list(names), format_func=names.get, key="explorer_regions")
indicators = middle.multiselect(
    t("indicators", lang), list(f.catalogue), format_func=lambda i: f.catalogue[i].name, key="explorer_indicators"
)
first, last = st.select_slider(
    t("periods_range", lang),
    oldest_first,
    format_func=lambda p: period_text(p, lang),
    key="explorer_periods",
)
provenance = st.toggle(t("show_provenance", lang), key="explorer_provenance")
for key, param in (
    ("explorer_regions", "regions"),
    ("explorer_indicators", "indicators"),
    ("explorer_periods", "periods"),
):
    list_to_url(key, param)
to_url("explorer_provenance", param="provenance")
if not regions or not indicators:
    st.stop()
frame = data.read(
    store,
    version,
    explorer.explorer_table,
    replace(f.selection, period=last),
    tuple(regions),
    tuple(f.catalogue[i] for i in indicators),
    first,
    provenance,
)
chosen = [f.catalogue[i] for i in indicators]
table = display_table(frame, chosen, lang)  # the catalogue's decimals, headers in the page's language
st.caption(ngettext("rows_count", "rows_count.plural", len(table), lang))
st.dataframe(table, hide_index=True, placeholder="—", width="stretch", height=560)
stem = download_name([names[r] for r in regions], chosen, first, last, lang)  # says what the file holds
left, right = st.columns([1, 5])
left.download_button(
    t("download_csv", lang), excel_safe_csv(table), f"{stem}.csv", "text/csv", icon=":material/download:"
)
right.download_button(
    t("download_xlsx", lang),
    xlsx_bytes({"data": table}),
    f"{stem}.xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/download:",
)
