"""Gap analysis: the home city or one county against the benchmark set — every indicator's gap, light, trend,
catch-up and what-if; strengths and weaknesses; the profile radar; and which county drags the city down."""

import streamlit as st

from components import data
from components.briefing import briefing_buttons
from components.context import page_setup
from components.filters import pick, shared_filters
from components.gap_view import contributions, gap_table, radar, strengths_and_weaknesses
from components.strings import t
from components.url_state import to_url
from unionbench.formatting import period_text

ctx = page_setup()
f = shared_filters(ctx, per_10k=False)
lang, store, version = ctx.lang, ctx.store, ctx.data_version

counties = data.peer_regions(store, version, "counties", f.home, f.set_id)
regions = {f.home: f.home_name, **data.region_names(store, version, counties)}
region = pick(t("gap_region", lang), "region", list(regions), f.home, regions.get)
members = data.peer_regions(store, version, "benchmark_cities", f.home, f.set_id)[1:]
member_names = data.region_names(store, version, members)
references = {k: t(f"reference_{k}", lang) for k in ("average", "best", "p90")} | member_names
reference = pick(t("reference", lang), "reference", list(references), "average", references.get)
to_url("region", "reference")

st.title(
    t(
        "gaps_heading",
        lang,
        region=regions[region],
        bench=f.set_name,
        reference=references[reference],
        period=period_text(f.period, lang),
    )
)
briefing_buttons(store, version, region, regions[region], f.set_id, f.period, lang, reference)
table = data.gap_table(store, version, region, f.set_id, f.period, lang, reference)
strengths, weaknesses = data.strengths_weaknesses(table)
strengths_and_weaknesses(strengths, weaknesses, lang)

st.subheader(t("gap_table_heading", lang))
gap_table(table, lang)

left, right = st.columns(2)
with left:
    st.subheader(t("profile_radar", lang))
    radar(
        data.profile_scores(store, version, f.home, f.set_id, f.period),
        lang,
        {i: c.name for i, c in f.catalogue.items()},
    )
with right:
    st.subheader(t("contributions_heading", lang, indicator=f.indicator.name))
    row = table.set_index("indicator").loc[f.indicator.id]
    frame = data.county_gap_contributions(store, version, f.home, f.set_id, f.period, f.indicator.id, reference)
    contributions(frame, row.compared_unit, lang)
