"""Targets: this year's targets for the home city and its counties, progress against time elapsed, laggards."""

import streamlit as st

from components import data
from components.context import page_setup
from components.filters import shared_filters
from components.strings import t
from unionbench.formatting import format_number, period_text
from unionbench.periods import year_of

ctx = page_setup()
f = shared_filters(ctx, indicator=False, per_10k=False)
lang, store, version = ctx.lang, ctx.store, ctx.data_version
year = year_of(f.period)

st.title(t("targets_heading", lang, home=f.home_name, year=year, period=period_text(f.period, lang)))
st.caption(t("targets_note", lang))
progress = data.target_progress(store, version, f.home, f.period, lang)
if progress.empty:
    st.info(t("no_targets", lang, year=year))
    st.stop()

for indicator_id, rows in progress.groupby("indicator", sort=False):
    ind = f.catalogue[indicator_id]
    lagging = rows[(rows.status.isin(["lagging", "missed"])) & (rows.region != f.home)]
    st.subheader(f"{ind.name}（{ind.unit}）" if lang == "zh" else f"{ind.name} ({ind.unit})")
    if len(lagging):
        separator = "、" if lang == "zh" else ", "
        st.warning(t("lagging_counties", lang, names=separator.join(lagging.region_name)), icon=":material/flag:")
    table = rows.assign(
        target=[format_number(v, ind.decimals) for v in rows.target],
        actual=[format_number(v, ind.decimals) for v in rows.actual],
        expected=[format_number(v, ind.decimals) for v in rows.expected],
        achieved=(rows.achieved * 100).clip(lower=0),
        status=rows.status.map(lambda s: t(f"target_{s}", lang)),
    )[["region_name", "target", "actual", "expected", "achieved", "status"]]
    table.columns = [t(k, lang) for k in ("region", "target", "actual", "expected_by_now", "achieved", "status")]
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            t("achieved", lang): st.column_config.ProgressColumn(format="%.0f%%", min_value=0, max_value=100)
        },
    )
