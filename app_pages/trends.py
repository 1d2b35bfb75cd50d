"""Trends: chosen indicators over the quarters for chosen regions, with QoQ and YoY changes per indicator kind."""

import streamlit as st

from components import data
from components.charts import sealed, trend_lines
from components.filters import quarter_notes, regions_in_view, shared_filters
from components.memo import arrow_table, shared
from components.page import page_setup
from components.strings import t
from unionbench.formatting import format_number, format_percent, format_signed, period_text
from unionbench.read import series as trend_series

ctx = page_setup()
f = shared_filters(ctx)
lang, store, version = ctx.lang, ctx.store, ctx.data_version

st.title(t("trends_heading", lang, period=period_text(f.period, lang)))
quarter_notes(ctx, f)
options = regions_in_view(ctx, f)
left, middle, right = st.columns([3, 3, 1])
regions = left.multiselect(
    t("regions", lang), list(options), default=list(options)[:4], format_func=options.get, key="trend_regions"
)
scored = [i for i, ind in f.catalogue.items() if ind.direction != "neutral"]
chosen = middle.multiselect(
    t("indicators", lang),
    scored,
    default=[f.indicator.id],
    format_func=lambda i: f.catalogue[i].name,
    key="trend_indicators",
)
count = right.number_input(t("quarters_shown", lang), 4, 40, 12, 4, key="trend_quarters")
if not regions or not chosen:
    st.stop()


def trend_figure(frame, unit: str, lang: str):
    """The series' lines over the quarters, named in the page's language."""
    quarters = frame.assign(quarter=frame.period.map(lambda p: period_text(p, lang)))
    return sealed(trend_lines(quarters, "quarter", "value", "region_name", unit))


for n, indicator_id in enumerate(chosen):
    ind = f.catalogue[indicator_id]
    frame = data.read(store, version, trend_series.series, f.selection, regions, ind, int(count))
    unit = frame.unit.iloc[0] if len(frame) else ind.unit
    st.subheader(ind.name)
    st.plotly_chart(shared(trend_figure, frame, unit, lang), key=f"trend_{n}")

st.subheader(t("changes_heading", lang, period=period_text(f.period, lang)))
st.caption(t("flow_note", lang))
chosen_indicators = tuple(f.catalogue[i] for i in chosen)
changes = data.read(store, version, trend_series.changes, f.selection, tuple(regions), chosen_indicators)


def change_text(absolute: float, relative: float, is_rate: bool, lang: str) -> str:
    if absolute != absolute:
        return "—"
    if is_rate:
        return f"{absolute:+.1f} {t('points', lang)}"
    return f"{format_signed(absolute, 2)} ({format_percent(relative)})"


def changes_table(changes, rates: frozenset, lang: str):
    """The changes in words, under their headings."""
    table = changes.assign(
        value=[format_number(v, 2) if v == v else "—" for v in changes.value],
        qoq=[
            change_text(a, r, i in rates, lang)
            for a, r, i in zip(changes.qoq_abs, changes.qoq_rel, changes.indicator, strict=True)
        ],
        yoy=[
            change_text(a, r, i in rates, lang)
            for a, r, i in zip(changes.yoy_abs, changes.yoy_rel, changes.indicator, strict=True)
        ],
        ytd=[format_number(v, 2) if v == v else "—" for v in changes.year_to_date],
    )[["region_name", "name", "unit", "value", "qoq", "yoy", "ytd"]]
    table.columns = [t(k, lang) for k in ("region", "indicator", "unit", "value", "qoq", "yoy", "year_to_date")]
    return table


rates = frozenset(i for i in chosen if f.catalogue[i].is_rate)
st.dataframe(arrow_table(changes_table, changes, rates, lang), hide_index=True, placeholder="—", width="stretch")
