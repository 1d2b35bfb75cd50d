"""The gap page's parts, drawn from the read model's rows (unionbench.compare): strengths and weaknesses, the gap
table a person can read, the profile radar, and the county contributions. Nothing here computes a figure."""

import pandas as pd
import streamlit as st

from components.charts import profile_radar, ranked_bars
from components.strings import t
from components.style import STATUS_COLOURS, STATUS_SYMBOLS


def verdict_label(row: pd.Series) -> str:
    return f"{STATUS_SYMBOLS.get(row.verdict, '—')} {row.verdict_text}" if row.verdict_text else "—"


def strengths_and_weaknesses(strengths: pd.DataFrame, weaknesses: pd.DataFrame, lang: str) -> None:
    """Two plain lists (st.text, so a name can never become Markdown): the indicator and its gap."""
    left, right = st.columns(2)
    colon = "：" if lang == "zh" else ": "
    for column, heading, rows in ((left, "strengths", strengths), (right, "weaknesses", weaknesses)):
        column.subheader(t(heading, lang))
        lines = [f"• {row['name']}{colon}{row.gap_text}" for _, row in rows.iterrows()]
        column.text("\n".join(lines) if lines else t("none_listed", lang))


def gap_table(rows: pd.DataFrame, lang: str) -> None:
    """Every judged indicator: home and reference on one basis with the unit, the gap (positive = better), the
    verdict, rank, trend, catch-up and what-if; the absolute value last, as context."""
    judged = rows[rows.judged]
    status = t("status", lang)
    shown = pd.DataFrame(
        {
            t("indicator", lang): judged["name"],
            t("unit", lang): judged["basis_unit"],
            t("home_figure", lang): judged["home_text"],
            t("benchmark", lang): judged["benchmark_text"],
            t("gap", lang): judged["gap_text"],
            status: [verdict_label(row) for _, row in judged.iterrows()],
            t("map_rank", lang): judged["rank_text"],
            t("trend", lang): judged["trend_text"],
            t("catch_up", lang): judged["catch_up_text"],
            t("needed", lang): judged["needed_text"],
            t("total_context", lang): judged["value_text"],
        }
    )
    colours = {label: STATUS_COLOURS[v] for label, v in zip(shown[status], judged.verdict, strict=True)}
    styled = shown.style.map(
        lambda v: f"color: {colours[v]}; font-weight: 600" if v in colours else "", subset=[status]
    )
    st.table(styled, hide_index=True)


def context_table(rows: pd.DataFrame, lang: str) -> None:
    """The indicators shown but not judged (totals that grow with size, and context such as workers)."""
    context = rows[~rows.judged]
    shown = pd.DataFrame(
        {
            t("indicator", lang): context["name"],
            t("total_context", lang): context["value_text"],
            t("vs_previous_quarter", lang): context["change_text"],
            t("status", lang): context["verdict_text"],
        }
    )
    st.table(shown, hide_index=True)


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
        st.subheader(t("biggest_drag", lang, county=worst.region_name))
    st.caption(t("contributions_note", lang, unit=unit))
    figure = ranked_bars(list(present.region_name), list(present.contribution), unit, 2, {worst.region_name})
    figure.update_layout(yaxis={"autorange": True}, xaxis={"rangemode": "normal"})
    st.plotly_chart(figure, key="contributions", config={"displaylogo": False})
