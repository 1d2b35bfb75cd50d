"""The gap page's parts: strengths and weaknesses in words, the gap table a person can read, the profile radar,
and the county contributions."""

import pandas as pd
import streamlit as st

from components.charts import profile_radar, ranked_bars
from components.strings import t
from components.style import STATUS_COLOURS
from unionbench.formatting import format_number, format_percent, format_signed


def gap_words(row: pd.Series, lang: str) -> str:
    """Points for a rate, the unit otherwise, with the relative gap."""
    if row.gap_abs != row.gap_abs:
        return "—"
    if row.is_rate:
        return f"{format_signed(row.gap_abs, 1)} {t('points', lang)}"
    return f"{format_signed(row.gap_abs, 2)} ({format_percent(row.gap_rel)})"


def catch_up_words(row: pd.Series, lang: str) -> str:
    if row.status == "unknown":  # nothing to catch up with
        return "—"
    if row.status == "ahead":
        return t("catch_up_ahead", lang)
    if row.catch_up == row.catch_up:
        return t("catch_up_quarters", lang, n=int(row.catch_up))
    if row.catch_up_reason == "not_enough_data":
        return t("catch_up_unknown", lang)
    return t("catch_up_never", lang)


def needed_words(row: pd.Series) -> str:
    if row.status == "ahead" or row.needed_per_quarter != row.needed_per_quarter:
        return "—"
    return f"{format_signed(row.needed_per_quarter, 2)} {row.compared_unit}"


def strengths_and_weaknesses(strengths: pd.DataFrame, weaknesses: pd.DataFrame, lang: str) -> None:
    left, right = st.columns(2)
    for column, heading, rows in ((left, "strengths", strengths), (right, "weaknesses", weaknesses)):
        column.markdown(f"**{t(heading, lang)}**")
        colon = "：" if lang == "zh" else ": "
        lines = [f"- {row['name']}{colon}{gap_words(row, lang)}" for _, row in rows.iterrows()]
        column.markdown("\n".join(lines) if lines else t("none_listed", lang))


def gap_table(table: pd.DataFrame, lang: str) -> None:
    """A plain table (every word on the page, printable): home, reference, gap, light, trend, catch-up, what-if."""
    shown = pd.DataFrame(
        {
            t("indicator", lang): table["name"],
            t("unit", lang): table["compared_unit"],
            t("home_figure", lang): [format_number(v, 2) for v in table.home_compared],
            t("benchmark", lang): [format_number(v, 2) for v in table.benchmark_compared],
            t("gap", lang): [gap_words(row, lang) for _, row in table.iterrows()],
            t("status", lang): [t(f"status_{s}", lang) for s in table.status],
            t("trend", lang): [t(f"trend_{s}", lang) for s in table.trend],
            t("catch_up", lang): [catch_up_words(row, lang) for _, row in table.iterrows()],
            t("needed", lang): [needed_words(row) for _, row in table.iterrows()],
        }
    )
    colours = dict(zip(shown[t("status", lang)], table.status.map(STATUS_COLOURS), strict=False))
    styled = shown.style.map(
        lambda v: f"color: {colours[v]}; font-weight: 600" if v in colours else "", subset=[t("status", lang)]
    )
    st.table(styled, hide_index=True)


def radar(scores: pd.DataFrame, lang: str, labels: dict[str, str]) -> None:
    wide = scores.pivot_table(index="region", columns="indicator", values="score", sort=False)
    wide = wide.reindex(list(dict.fromkeys(scores.region)))[list(dict.fromkeys(scores.indicator))]
    names = dict(zip(scores.region, scores.region_name, strict=False))
    st.plotly_chart(profile_radar(wide, names, labels), key="profile_radar", config={"displaylogo": False})


def contributions(frame: pd.DataFrame, unit: str, lang: str) -> None:
    present = frame.dropna(subset=["contribution"])
    if present.empty:
        return
    worst = present.iloc[0]
    if worst.contribution < 0:
        st.markdown(f"**{t('biggest_drag', lang, county=worst.region_name)}**")
    st.caption(t("contributions_note", lang, unit=unit))
    figure = ranked_bars(list(present.region_name), list(present.contribution), unit, 2, {worst.region_name})
    figure.update_layout(yaxis={"autorange": True}, xaxis={"rangemode": "normal"})
    st.plotly_chart(figure, key="contributions", config={"displaylogo": False})
