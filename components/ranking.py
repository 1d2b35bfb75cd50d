"""A ranking as people read it: ranked bars (the home's regions in red) beside a table with rank moves and tiny-gap
cautions. Rows are keyed by adcode and named by their distinct label (内江·市中区 and 乐山·市中区 stay two rows)."""

import pandas as pd
import streamlit as st

from components.charts import Measure, ranked_bars, sealed
from components.memo import as_arrow, shared
from components.strings import t
from unionbench.read.rankings import TOP_BOTTOM, condensed

MOVES = ("move_quarter", "move_year")
TABLE_ROWS = 20  # a longer table scrolls inside this height


def move_text(move: float, lang: str) -> str:
    if move != move:
        return "—"
    if move > 0:
        return t("moved_up", lang, n=int(move))
    if move < 0:
        return t("moved_down", lang, n=int(-move))
    return t("unchanged_rank", lang)


def basis_label(basis: str, unit: str, raw_count: bool, lang: str) -> str:
    """What a ranking is read on, in words: per 10,000 workers, a rate, or a total (flagged when it grows with
    size and has no base)."""
    if basis.startswith("per_10k"):
        return t("basis_per_10k", lang, unit=unit)
    if basis == "rate":
        return t("basis_rate", lang, unit=unit)
    return t("basis_raw_count" if raw_count else "basis_value", lang, unit=unit)


def ranked_figure(frame: pd.DataFrame, value: str, measure: Measure, lang: str):
    """The ranking's bars (condensed when long) and whether ranks were left out."""
    home = set(frame.region[frame.home]) if "home" in frame and not frame.home.all() else set()
    drawn = condensed(frame, value)
    gaps = bool(drawn.skipped.any())
    # With ranks left out, each bar says its rank: "74. 苍溪县".
    names = [f"{int(r)}. {label}" for r, label in zip(drawn["rank"], drawn.label, strict=True)] if gaps else None
    figure = ranked_bars(
        names or list(drawn.label),
        list(drawn[value]),
        measure,
        tuple(sorted(home)),
        keys=list(drawn.region),
        skipped=[t("bars_skipped", lang, n=n) if n else "" for n in drawn.skipped],
    )
    return sealed(figure), gaps


def shown_table(frame: pd.DataFrame, headers: dict[str, str], lang: str) -> pd.DataFrame:
    """The table's columns in words: cautions and rank moves written out, under their headings."""
    return frame.assign(
        caution=frame.caution.map({True: t("caution_text", lang), False: ""}),
        **{move: frame[move].map(lambda m: move_text(m, lang)) for move in MOVES if move in frame},
    )[list(headers)].rename(columns=headers)


def ranking_parts(frame: pd.DataFrame, value: str, headers: dict[str, str], measure: Measure, lang: str):
    """The bars, whether ranks were left out, and the table as st.dataframe sends it (Arrow): built together, so a
    ranking's frame is looked up once for both."""
    figure, gaps = ranked_figure(frame, value, measure, lang)
    return figure, gaps, as_arrow(shown_table(frame, headers, lang))


def ranking(
    frame: pd.DataFrame, value: str, headers: dict[str, str], measure: Measure, home_name: str, lang: str
) -> None:
    """`frame` is ranked best first with region, label, `value`, rank, caution, home and any of MOVES; `headers`
    maps the columns to show (in order) to their headings. A long ranking's bars are condensed (rankings.condensed):
    the top and bottom ten and the home's regions, with the gaps marked; the table keeps every row. The bars' key
    is named after `value`, so a page's rankings on different columns never share one. The figure and the table
    are built once per process for everyone who views the same ranking."""
    figure, gaps, shown = shared(ranking_parts, frame, value, headers, measure, lang)
    bars, table = st.columns([1, 1])  # the table's six columns fit at 1366 px in either language
    bars.plotly_chart(figure, key=f"{value}_bars", config={"displaylogo": False})
    if gaps:
        bars.caption(t("ranking_condensed", lang, n=TOP_BOTTOM, home=home_name))
    table.dataframe(
        shown,
        hide_index=True,
        placeholder="—",
        width="stretch",
        height=38 + 35 * min(shown.num_rows, TABLE_ROWS),
        column_config={
            headers["rank"]: st.column_config.Column(width=48),
            **({headers["caution"]: st.column_config.Column(width=84)} if "caution" in headers else {}),
            headers[value]: st.column_config.NumberColumn(format=f"%.{measure.decimals}f"),
        },
    )
    ranked = int(frame[value].notna().sum())
    if ranked < len(frame):
        table.caption(t("ranked_of", lang, n=len(frame), ranked=ranked))
    table.caption(t("caution_note", lang))
