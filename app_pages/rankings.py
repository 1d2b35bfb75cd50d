"""Rankings: one indicator ranked within a peer set with rank moves, and the composite index with its method."""

import streamlit as st

from components import data
from components.charts import ranked_bars
from components.context import page_setup
from components.filters import shared_filters
from components.strings import t
from components.url_state import from_url, to_url
from unionbench.formatting import period_text

RANK_SCOPES = ("counties", "province_cities", "benchmark_cities")

ctx = page_setup()
f = shared_filters(ctx)
lang, store, version = ctx.lang, ctx.store, ctx.data_version


def scope_name(scope: str) -> str:
    return t(f"scope_{scope}", lang, home=f.home_name)


def move_text(move: float) -> str:
    if move != move:
        return "—"
    if move > 0:
        return t("moved_up", lang, n=int(move))
    if move < 0:
        return t("moved_down", lang, n=int(-move))
    return t("unchanged_rank", lang)


from_url("scope", list(RANK_SCOPES), "counties")
scope = st.sidebar.radio(t("scope", lang), RANK_SCOPES, format_func=scope_name, key="scope")
to_url("scope")
regions = data.peer_regions(store, version, scope, f.home, f.set_id)
st.title(t("rankings_heading", lang, scope=scope_name(scope), period=period_text(f.period, lang)))

ind = f.indicator
st.subheader(t("ranking_indicator", lang, indicator=ind.name))
ranking = data.indicator_ranking(store, version, regions, ind, f.period, f.per_10k)
unit = f"{ind.unit} / {t('per_10k_short', lang)}" if f.per_10k else ind.unit
decimals = 2 if f.per_10k else ind.decimals
bars, table = st.columns([3, 2])
bars.plotly_chart(
    ranked_bars(list(ranking.region_name), list(ranking.value), unit, decimals, {f.home_name}),
    key="indicator_bars",
    config={"displaylogo": False},
)
shown = ranking.assign(
    move_quarter=ranking.move_quarter.map(move_text),
    move_year=ranking.move_year.map(move_text),
    caution=ranking.caution.map({True: t("caution_text", lang), False: ""}),
)[["rank", "region_name", "value", "move_quarter", "move_year", "caution"]]
shown.columns = [
    t("rank_of", lang),
    t("region", lang),
    f"{t('value', lang)} ({unit})",
    t("move_quarter", lang),
    t("move_year", lang),
    t("caution", lang),
]
table.dataframe(
    shown,
    hide_index=True,
    width="stretch",
    height=38 + 35 * len(shown),
    column_config={shown.columns[2]: st.column_config.NumberColumn(format=f"%.{decimals}f")},
)
table.caption(t("caution_note", lang))

st.divider()
st.subheader(t("composite_heading", lang))
st.caption(t("composite_method", lang))
scored = [i for i, c in f.catalogue.items() if c.direction != "neutral"]
with st.expander(t("weights", lang), icon=":material/tune:"):
    columns = st.columns(4)
    weights = {
        i: columns[n % 4].slider(f.catalogue[i].name, 0.0, 3.0, 1.0, 0.5, key=f"weight_{i}")
        for n, i in enumerate(scored)
    }
composite = data.composite_ranking(store, version, regions, f.period, lang, tuple(sorted(weights.items())))
bars, table = st.columns([3, 2])
bars.plotly_chart(
    ranked_bars(list(composite.region_name), list(composite.composite), "z", 2, {f.home_name}),
    key="composite_bars",
    config={"displaylogo": False},
)
shown = composite.assign(
    move_quarter=composite.move_quarter.map(move_text),
    caution=composite.caution.map({True: t("caution_text", lang), False: ""}),
)[["rank", "region_name", "composite", "coverage", "move_quarter", "caution"]]
shown.columns = [
    t("rank_of", lang),
    t("region", lang),
    t("composite", lang),
    t("coverage", lang),
    t("move_quarter", lang),
    t("caution", lang),
]
table.dataframe(
    shown,
    hide_index=True,
    width="stretch",
    height=38 + 35 * len(shown),
    column_config={shown.columns[2]: st.column_config.NumberColumn(format="%.2f")},
)
