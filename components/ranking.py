"""A ranking as people read it: ranked bars (home in red) beside a table with rank moves and tiny-gap cautions."""

import pandas as pd
import streamlit as st

from components.charts import ranked_bars
from components.strings import t

MOVES = ("move_quarter", "move_year")


def move_text(move: float, lang: str) -> str:
    if move != move:
        return "—"
    if move > 0:
        return t("moved_up", lang, n=int(move))
    if move < 0:
        return t("moved_down", lang, n=int(-move))
    return t("unchanged_rank", lang)


def ranking(
    frame: pd.DataFrame,
    value: str,
    headers: dict[str, str],
    unit: str,
    decimals: int,
    home_name: str,
    lang: str,
    key: str,
) -> None:
    """`frame` is ranked best first with region_name, `value`, rank, caution and any of MOVES; `headers` maps the
    columns to show (in order) to their headings."""
    bars, table = st.columns([3, 2])
    bars.plotly_chart(
        ranked_bars(list(frame.region_name), list(frame[value]), unit, decimals, {home_name}),
        key=key,
        config={"displaylogo": False},
    )
    shown = frame.assign(
        caution=frame.caution.map({True: t("caution_text", lang), False: ""}),
        **{move: frame[move].map(lambda m: move_text(m, lang)) for move in MOVES if move in frame},
    )[list(headers)].rename(columns=headers)
    table.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        height=38 + 35 * len(shown),
        column_config={headers[value]: st.column_config.NumberColumn(format=f"%.{decimals}f")},
    )
    table.caption(t("caution_note", lang))
