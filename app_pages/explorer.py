"""Data explorer: the filtered table with units, provenance on demand, and downloads (Excel-safe CSV, XLSX)."""

import streamlit as st

from components import data
from components.context import page_setup
from components.filters import regions_in_view, shared_filters
from components.strings import t
from unionbench.export import excel_safe_csv, xlsx_bytes
from unionbench.formatting import period_text

ctx = page_setup()
f = shared_filters(ctx, indicator=False, per_10k=False)
lang, store, version = ctx.lang, ctx.store, ctx.data_version

st.title(t("explorer_heading", lang))
names = regions_in_view(ctx, f)
left, middle = st.columns(2)
regions = left.multiselect(
    t("regions", lang), list(names), default=[f.home], format_func=names.get, key="explorer_regions"
)
indicators = middle.multiselect(
    t("indicators", lang),
    list(f.catalogue),
    default=list(f.catalogue)[:6],
    format_func=lambda i: f.catalogue[i].name,
    key="explorer_indicators",
)
oldest_first = list(reversed(f.periods))
first, last = st.select_slider(
    t("periods_range", lang),
    oldest_first,
    value=(oldest_first[max(0, len(oldest_first) - 4)], f.period),
    format_func=lambda p: period_text(p, lang),
    key="explorer_periods",
)
provenance = st.toggle(t("show_provenance", lang), key="explorer_provenance")
if not regions or not indicators:
    st.stop()
frame = data.explorer_table(
    store, version, tuple(regions), tuple(f.catalogue[i] for i in indicators), first, last, provenance
)
table = frame.drop(columns=["indicator"]).rename(
    columns={
        "region": "adcode",
        "region_name": t("region", lang),
        "name": t("indicator", lang),
        "unit": t("unit", lang),
        "period": t("quarter", lang),
        "value": t("value", lang),
    }
)
if provenance:
    table["file_name"] = table["file_name"].fillna(t("computed", lang))
st.caption(t("rows_count", lang, n=len(table)))
st.dataframe(table, hide_index=True, width="stretch", height=560)
stem = f"{f.home_name}_{first}-{last}"
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
