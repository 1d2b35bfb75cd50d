"""The gap page's parts, drawn from the read model's rows (unionbench.read.comparison): strengths and weaknesses, the
gap table a person can read, the profile radar, and the county contributions. Nothing here computes a figure."""

from html import escape

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from components.charts import Measure, SharedFigure, profile_radar, ranked_bars, sealed
from components.kpi import status_badge
from components.memo import arrow_table, sealed_table, shared
from components.strings import t
from components.style import STATUS_COLOURS, STATUS_SYMBOLS


def verdict_label(row: pd.Series) -> str:
    return f"{STATUS_SYMBOLS.get(row.verdict, '—')} {row.verdict_text}" if row.verdict_text else "—"


def strengths_and_weaknesses(strengths: pd.DataFrame, weaknesses: pd.DataFrame, lang: str) -> None:
    """Two plain lists (st.text, so a name can never become Markdown): the indicator and its gap."""
    left, right = st.columns(2)
    for column, heading, rows in ((left, "strengths", strengths), (right, "weaknesses", weaknesses)):
        column.subheader(t(heading, lang))
        lines = [
            "• " + t("fmt.label", lang, label=name, value=gap)
            for name, gap in zip(rows["name"].tolist(), rows["gap_text"].tolist(), strict=True)
        ]
        column.text("\n".join(lines) if lines else t("none_listed", lang))


# On a phone (a viewport up to 640 px wide) the wide table gives way to one card per indicator.
# Streamlit cannot see the viewport from Python, so both are drawn from the same rows and CSS shows one of them.
PHONE_CSS = """
<style>
.st-key-gap_cards {display: none;}
@media (max-width: 640px) {
  .st-key-gap_table_wide {display: none;}
  .st-key-gap_cards {display: block;}
}
.ub-gap-card {border: 1px solid #d9dce3; border-left-width: 6px; border-radius: 8px; padding: 10px 12px;
              margin: 0 0 10px 0; background: #fff; overflow-wrap: anywhere;}
.ub-gap-card .name {font-weight: 600; color: #111; margin-bottom: 6px;}
.ub-gap-card dl {display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; margin: 0 0 6px 0; padding: 0;}
.ub-gap-card dt {color: #555; font-size: 0.9rem; margin: 0; padding: 0;}
.ub-gap-card dd {margin: 0; text-align: right; font-variant-numeric: tabular-nums;}
</style>
"""


def gap_view(rows: pd.DataFrame, lang: str) -> None:
    """The judged rows as the wide table on a screen and as one card per indicator on a phone (CSS picks)."""
    st.html(PHONE_CSS)
    with st.container(key="gap_table_wide"):
        gap_table(rows, lang)
    with st.container(key="gap_cards"):
        st.html(shared(gap_cards_html, rows, lang))


def gap_card_html(row: pd.Series, lang: str) -> str:
    """One indicator on a phone: its name, the home and benchmark figures and the gap with their unit, the verdict in
    shape, word and colour (the card's edge in the same colour)."""
    colour = STATUS_COLOURS.get(row.verdict, STATUS_COLOURS[""])
    facts = (("home_figure", row.home_text), ("benchmark", row.benchmark_text), ("gap", row.gap_text))
    cells = "".join(f"<dt>{escape(t(key, lang))}</dt><dd>{escape(str(value))}</dd>" for key, value in facts)
    return (
        f'<div class="ub-gap-card" data-testid="gap-card" data-indicator="{escape(row.indicator)}" '
        f'style="border-left-color:{colour}">'
        f'<div class="name">{escape(row["name"])}</div>'  # every figure below carries its unit
        f"<dl>{cells}</dl>"
        f'<div class="verdict" data-testid="gap-card-verdict">{status_badge(row.verdict, row.verdict_text)}</div>'
        "</div>"
    )


def gap_cards_html(rows: pd.DataFrame, lang: str) -> str:
    return "".join(gap_card_html(row, lang) for _, row in rows[rows.judged].iterrows())


def gap_table(rows: pd.DataFrame, lang: str) -> None:
    """Every judged indicator: home and reference on one basis with the unit, the gap (positive = better), the
    verdict, rank, trend, catch-up and what-if; the absolute value last, as context."""
    kept, styled = shared(gap_table_parts, rows, lang)
    st.html(kept)
    st.table(styled, hide_index=True)


def gap_table_parts(rows: pd.DataFrame, lang: str) -> tuple[str, Styler]:
    """gap_table's stylesheet and styled table, built once per process for every session showing them."""
    judged = rows[rows.judged]
    status = t("status", lang)
    shown = pd.DataFrame(
        {
            t("indicator", lang): judged["name"],
            t("home_figure", lang): judged["home_text"],  # each figure carries its unit: no unit column to squeeze
            t("benchmark", lang): judged["benchmark_text"],
            t("gap", lang): judged["gap_text"],
            status: [verdict_label(row) for _, row in judged.iterrows()],
            t("map_rank", lang): judged["rank_text"],
            t("gap_change", lang): judged.get("gap_change_text", "—"),
            t("own_trend", lang): judged["trend_text"],
            t("catch_up", lang): judged["catch_up_text"],
            t("needed", lang): judged["needed_text"],
            t("total_context", lang): judged["value_text"],
        }
    )
    colours = {label: STATUS_COLOURS[v] for label, v in zip(shown[status], judged.verdict, strict=True)}
    styled = shown.style.map(
        lambda v: f"color: {colours[v]}; font-weight: 600; white-space: nowrap" if v in colours else "",
        subset=[status],
    ).map(lambda _: "white-space: nowrap", subset=[t("map_rank", lang)])  # '▼ 落后' and '4/4' never split
    # st.table wraps each cell's text in a Markdown block with its own white-space, which beats the cell's: the two
    # columns' blocks are told directly (the Styler names each cell by its column position, col0, col1, …).
    kept = [f".st-key-gap_table_wide td.col{list(shown.columns).index(c)} p" for c in (status, t("map_rank", lang))]
    return f"<style>{', '.join(kept)} {{white-space: nowrap !important;}}</style>", sealed_table(styled)


def context_table(rows: pd.DataFrame, lang: str) -> None:
    """The indicators shown but not judged (totals that grow with size, and context such as workers)."""
    st.table(arrow_table(context_frame, rows, lang), hide_index=True)


def context_frame(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """context_table's rows (arrow_table converts them once per process for every session showing them)."""
    context = rows[~rows.judged]
    return pd.DataFrame(
        {
            t("indicator", lang): context["name"],
            t("total_context", lang): context["value_text"],
            t("vs_previous_quarter", lang): context["change_text"],
            t("status", lang): context["verdict_text"],
        }
    )


def radar(scores: pd.DataFrame, lang: str, labels: dict[str, str]) -> None:
    st.plotly_chart(shared(radar_figure, scores, labels), key="profile_radar", config={"displaylogo": False})


def radar_figure(scores: pd.DataFrame, labels: dict[str, str]) -> SharedFigure:
    wide = scores.pivot_table(index="region", columns="indicator", values="score", sort=False)
    # reindex, not [...]: an indicator no region has yet (a new federation's first upload) is a column of gaps
    wide = wide.reindex(index=list(dict.fromkeys(scores.region)), columns=list(dict.fromkeys(scores.indicator)))
    names = dict(zip(scores.region, scores.region_name, strict=False))
    return sealed(profile_radar(wide, names, labels))


def contributions(frame: pd.DataFrame, unit: str, lang: str) -> None:
    present = frame.dropna(subset=["contribution"])
    if present.empty:
        return
    worst = present.iloc[0]
    if worst.contribution < 0:
        st.subheader(t("biggest_drag", lang, county=worst.region_name))
    st.caption(t("contributions_note", lang, unit=unit))
    st.plotly_chart(shared(contributions_figure, present, unit), key="contributions", config={"displaylogo": False})


def contributions_figure(present: pd.DataFrame, unit: str) -> SharedFigure:
    worst = present.iloc[0]
    figure = ranked_bars(list(present.region_name), list(present.contribution), Measure(unit, 2), {worst.region_name})
    figure.update_layout(yaxis={"autorange": True}, xaxis={"rangemode": "normal"})
    return sealed(figure)
