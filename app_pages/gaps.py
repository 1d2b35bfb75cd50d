"""Gap analysis: the home city or one county against the benchmark set — every indicator's gap, verdict, rank,
trend, catch-up and what-if from the read model; strengths and weaknesses; the profile radar; and which county
drags the city down."""

from dataclasses import replace

import streamlit as st

from components import data
from components.briefing import briefing_buttons
from components.filters import pick, quarter_notes, shared_filters
from components.gap_view import context_table, contributions, gap_view, radar, strengths_and_weaknesses
from components.page import page_setup
from components.strings import t
from components.style import inject_css
from components.url_state import to_url
from unionbench.formatting import period_text
from unionbench.read import comparison, drilldown, views
from unionbench.read.comparison import as_of_note
from unionbench.read.selection import REFERENCE_KEYS

ctx = page_setup()
inject_css()
f = shared_filters(ctx, per_10k=False, subject="region")  # a county's link opens on its newest quarter
lang, store, version = ctx.lang, ctx.store, ctx.data_version

counties = data.read(store, version, comparison.peer_regions, f.scoped("counties"))
regions = {f.home: f.home_name, **data.read(store, version, views.region_names, counties, lang)}
region = pick(t("gap_region", lang), "region", list(regions), f.home, regions.get)
references = {k: t(key, lang) for k, key in REFERENCE_KEYS.items()}
if region == f.home:  # one benchmark city on its own; a county is read against counties, never a city
    members = data.read(store, version, comparison.peer_regions, f.scoped("benchmark_cities"))[1:]
    references |= data.read(store, version, views.region_names, members, lang)
reference = pick(t("reference", lang), "reference", list(references), ctx.settings.reference, references.get)
to_url("region", "reference")
selection = replace(f.selection, home=region, reference=reference)

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
quarter_notes(ctx, f, region, regions[region])
briefing_buttons(store, selection, regions[region])
rows = data.comparison_with_change(store, version, selection)
if note := as_of_note(rows, selection):
    st.info(note)
strengths, weaknesses = data.strengths_weaknesses(store, version, selection)
strengths_and_weaknesses(strengths, weaknesses, lang)

st.subheader(t("gap_table_heading", lang))
gap_view(rows, lang)  # the wide table, or one card per indicator on a phone
with st.expander(t("context_heading", lang)):
    context_table(rows, lang)

left, right = st.columns(2)
with left:
    st.subheader(t("profile_radar", lang))
    radar(
        data.read(store, version, drilldown.profile_scores, f.selection),
        lang,
        {i: c.name for i, c in f.catalogue.items()},
    )
with right:
    st.subheader(t("contributions_heading", lang, indicator=f.indicator.name))
    row = rows.set_index("indicator").loc[f.indicator.id]
    if row.judged:
        city_selection = replace(selection, home=f.home)
        frame = data.county_contributions(store, version, city_selection, f.indicator.id)
        contributions(frame, row.basis_unit, lang)
