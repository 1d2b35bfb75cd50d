"""Rankings: one indicator ranked within a peer set with rank moves, and the composite index with its method."""

import streamlit as st

from components import data
from components.charts import Measure
from components.filters import quarter_notes, scope_picker, shared_filters
from components.page import page_setup
from components.ranking import basis_label, ranking
from components.strings import t
from components.url_state import weights_from_url, weights_to_url
from unionbench.formatting import period_text
from unionbench.read import comparison, rankings

ctx = page_setup()
f = shared_filters(ctx)
lang, store, version = ctx.lang, ctx.store, ctx.data_version

WEIGHTS = tuple(n / 2 for n in range(7))  # the sliders' steps, 0 to 3
DEFAULT_WEIGHT = 1.0
RANKING_SCOPES = ("counties", "province_counties", "province_cities", "benchmark_cities")
scope, scope_name = scope_picker(RANKING_SCOPES, f.home_name, lang)
regions = data.read(store, version, comparison.peer_regions, f.scoped(scope))
st.title(t("rankings_heading", lang, scope=scope_name, period=period_text(f.period, lang)))
quarter_notes(ctx, f)

ind = f.indicator
st.subheader(t("ranking_indicator", lang, indicator=ind.name))
# The per-10,000 toggle decides the basis (a rate is always a rate; a count without a base is always its total).
frame = data.read(store, version, rankings.indicator_ranking, f.scoped(scope), ind)
basis, unit, decimals = frame.basis.iloc[0], frame.basis_unit.iloc[0], int(frame.decimals.iloc[0])
st.caption(basis_label(basis, unit, ind.per_capita_base is None and not ind.is_rate, lang))
if scope.startswith("province_"):  # the province's other places are not ranked: say how many have figures
    st.caption(t("ranking_coverage", lang, scope=scope_name, total=len(frame), n=int(frame["figure"].notna().sum())))
common = {"rank": t("rank_of", lang), "label": t("region", lang)}
ranking(
    frame,
    "figure",
    {
        **common,
        "figure": t("value", lang),  # the unit is in the caption above: a short header is never cut
        "move_quarter": t("move_quarter", lang),
        "move_year": t("move_year", lang),
        "caution": t("caution", lang),
    },
    Measure(unit, decimals),
    f.home_name,
    lang,
)

st.divider()
st.subheader(t("composite_heading", lang))
st.caption(t("composite_method", lang))
scored = [i for i, c in f.catalogue.items() if c.direction != "neutral"]
weight_keys = {i: f"weight_{i}" for i in scored}
weights_from_url(weight_keys, WEIGHTS, DEFAULT_WEIGHT)  # ?weights=org_rate:2,… reproduces a shared composite
with st.expander(t("weights", lang), icon=":material/tune:"):
    columns = st.columns(4)
    # Each slider's value is its seeded state; the default is given only so Streamlit need not look through the
    # whole session state for each of them (what it does for a slider without one).
    weights = {
        i: columns[n % 4].slider(f.catalogue[i].name, 0.0, 3.0, DEFAULT_WEIGHT, step=0.5, key=weight_keys[i])
        for n, i in enumerate(scored)
    }
weights_to_url(weight_keys, DEFAULT_WEIGHT)
ranking(
    data.composite_ranking(store, version, f.selection, regions, weights or None),
    "composite",
    {
        **common,
        "composite": t("composite", lang),
        "coverage": t("coverage", lang),
        "move_quarter": t("move_quarter", lang),
        "caution": t("caution", lang),
    },
    Measure("z", 2),
    f.home_name,
    lang,
)
