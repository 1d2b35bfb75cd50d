"""A region's profile: compare's rows for it — the compared figure and the benchmark on one basis with
the unit, the gap, the verdict, the rank on that basis, the total as context, the trend and the last 8 quarters.
Nothing is computed here; every word comes from the rows."""

import math

import pandas as pd
import streamlit as st

from components.memo import arrow_table
from components.strings import t

TREND_WORDS = {  # written out so every key can be found
    "improving": "trend_improving",
    "stagnating": "trend_stagnating",
    "worsening": "trend_worsening",
    "unknown": "trend_unknown",
}


def trend_text(status: str, lang: str) -> str:
    return t(TREND_WORDS[status], lang)


def rank_text(rank: float, of: int) -> str:
    return f"{int(rank)}/{int(of)}" if not math.isnan(rank) and of else "—"


def verdict_texts(rows: pd.DataFrame, lang: str) -> pd.Series:
    """compare's verdict words, except where the region itself has no figure: compare says "no benchmark figure"
    there, which would blame the benchmark (a county that has not reported)."""
    unreported = rows["judged"] & rows["home_value"].isna()
    return rows["verdict_text"].where(~unreported, t("profile_no_figure", lang)).replace("", "—")


def profile_frame(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The profile's columns in words, under their headings."""
    return pd.DataFrame(
        {
            t("indicator", lang): rows["name"],
            t("profile_compared", lang): rows["home_text"],
            t("profile_benchmark", lang): rows["benchmark_text"],
            t("gap", lang): rows["gap_text"],
            t("profile_verdict", lang): verdict_texts(rows, lang),
            t("rank_of", lang): [rank_text(r, n) for r, n in zip(rows["rank"], rows["rank_of"], strict=True)],
            t("profile_value", lang): rows["value_text"],
            t("trend", lang): [trend_text(s, lang) for s in rows["trend"]],
            t("last_8_quarters", lang): rows["history"],
        }
    )


def profile_table(rows: pd.DataFrame, lang: str) -> None:
    """One row per indicator; a row not judged (a total that grows with size) shows no benchmark, gap or rank."""
    table = arrow_table(profile_frame, rows, lang)
    st.dataframe(
        table,
        hide_index=True,
        placeholder="—",
        width="stretch",
        height=38 + 35 * table.num_rows,
        column_config={
            t("profile_verdict", lang): st.column_config.TextColumn(width="medium"),
            t("last_8_quarters", lang): st.column_config.LineChartColumn(width="small"),
        },
    )


def indicator_line(row: pd.Series, scope_name: str, lang: str) -> str:
    """The map's indicator in one line: compare's sentence (or the figure and why it is not judged), the rank on
    the same basis among the scope, and the total as context."""
    verdict = t("profile_no_figure", lang) if math.isnan(row["home_value"]) else row["verdict_text"]
    comma = t("comma", lang)
    said = row["sentence"] or (f"{row['home_text']}{comma}{verdict}" if verdict else row["home_text"])
    parts = [t("profile_indicator_line", lang, indicator=row["name"], sentence=said)]
    if not math.isnan(row["rank"]) and row["rank_of"]:
        parts.append(t("profile_rank_part", lang, rank=int(row["rank"]), of=int(row["rank_of"]), scope=scope_name))
    if row["basis"] != "value" and not math.isnan(row["value"]):
        parts.append(t("profile_value_part", lang, value=row["value_text"]))
    return " · ".join(parts)


def profile(rows: pd.DataFrame, indicator: str, scope_name: str, lang: str) -> None:
    """The map's indicator in a sentence above the whole profile table, and what the ranks are read among."""
    st.markdown(indicator_line(rows.set_index("indicator").loc[indicator].rename(indicator), scope_name, lang))
    st.caption(t("profile_rank_among", lang, scope=scope_name))
    profile_table(rows, lang)
