"""A region's profile: every indicator's value, rank among its peers, gap to the benchmark set and trend."""

import pandas as pd
import streamlit as st

from components.strings import t
from unionbench.formatting import format_number


def status_text(status: str, lang: str) -> str:
    return t(f"status_{status}", lang)


def trend_text(status: str, lang: str) -> str:
    return t(f"trend_{status}", lang)


def profile_table(profile: pd.DataFrame, lang: str) -> None:
    """One row per indicator; the last column draws the last eight quarters."""
    table = pd.DataFrame(
        {
            t("indicator", lang): profile["name"],
            t("value", lang): [
                f"{format_number(v, 2 if abs(v) < 100 else 0)} {u}" if v == v else "—"
                for v, u in zip(profile["value"], profile["unit"], strict=True)
            ],
            t("rank_of", lang): [
                f"{int(r)}/{n}" if r == r else "—" for r, n in zip(profile["rank"], profile["peers"], strict=True)
            ],
            t("benchmark", lang): [format_number(b, 2) if b == b else "—" for b in profile["benchmark"]],
            t("gap", lang): [status_text(s, lang) for s in profile["status"]],
            t("trend", lang): [trend_text(s, lang) for s in profile["trend"]],
            t("last_8_quarters", lang): profile["history"],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={t("last_8_quarters", lang): st.column_config.LineChartColumn(width="medium")},
    )
