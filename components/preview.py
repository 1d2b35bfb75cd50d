"""What a clerk and an admin read before anything is written: a refused file's problems, its warnings, the rows
held for a yes, and the preview of every new or changed figure. The upload page and the review of a submission
show the same pieces."""

import pandas as pd
import streamlit as st

from components import data
from components.context import PageContext
from components.plain import plain_table
from components.strings import ngettext, t
from unionbench.export import excel_safe_csv
from unionbench.i18n import in_language, other_language
from unionbench.ingest import Prepared, Preview, held, review

SHOWN_PROBLEMS = 200


def problem_table(prepared: Prepared, problems, lang: str) -> pd.DataFrame:
    """Row, column, cell and the reason in the page's language, then in the other one."""
    frame = prepared.problem_table(problems)
    first, second = (in_language("reason_zh", "reason_en", code) for code in (lang, other_language(lang)))
    frame = frame[["row", "column", "value", first, second]].astype(object).fillna("—")  # file-wide: no row
    frame.columns = [t(key, lang) for key in ("row", "column", "cell_value", "reason", "reason_other")]
    return frame


def show_problems(prepared: Prepared, lang: str) -> None:
    st.error(
        ngettext("rejected", "rejected.plural", prepared.error_count, lang, count=prepared.error_count),
        icon=":material/block:",
    )
    if prepared.error_count > len(prepared.errors):  # a list capped at the first ones: say how many of each kind
        st.text(problem_counts_text(prepared, lang))
    table = problem_table(prepared, prepared.errors, lang)
    # A plain table: staff read every line (and can print it); beyond the first screenfuls, the download has all.
    plain_table(table.head(SHOWN_PROBLEMS), "ub-problems")  # cells of the file: plain text, never Markdown
    if prepared.error_count > SHOWN_PROBLEMS:
        st.caption(t("more_problems", lang, shown=min(SHOWN_PROBLEMS, len(table)), count=prepared.error_count))
    st.download_button(
        t("problems_download", lang),
        excel_safe_csv(table),
        f"{prepared.file_name}.problems.csv",
        "text/csv",
        icon=":material/download:",
    )


def problem_counts_text(prepared: Prepared, lang: str) -> str:
    """'unknown_region × 99,800 · not_finite × 3': every problem of the file by kind, listed or not."""
    counts = sorted(prepared.problem_counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return t("problem_counts", lang) + " · ".join(f"{code} × {count:,}" for code, count in counts)


def show_warnings(prepared: Prepared, lang: str) -> None:
    if prepared.warnings:
        with st.expander(t("warnings_heading", lang, count=len(prepared.warnings)), icon=":material/warning:"):
            st.dataframe(
                problem_table(prepared, prepared.warnings, lang), hide_index=True, placeholder="—", width="stretch"
            )


def show_review(
    ctx: PageContext, prepared: Prepared, preview: Preview, period: str | None, key: str, step: bool = True
) -> pd.DataFrame:
    """The preview a clerk checks: counts, then every new or changed figure with what it is
    compared with, the change and the change %, jumps first (rows made by unionbench.ingest.review)."""
    lang = ctx.lang
    rows = data.upload_review(ctx.store, ctx.data_version, prepared, prepared.sha256, period, lang)
    if step:  # step ③ of an upload; the admin's review of a submission is not a step of that
        st.subheader(t("step_preview", lang))
    new, changed, unchanged, jumps = st.columns(4)
    new.metric(t("preview_new", lang), preview.added)
    changed.metric(t("preview_changed", lang), preview.changed)
    unchanged.metric(t("preview_unchanged", lang), preview.unchanged)
    jumps.metric(t("review_jumps", lang), review.jump_count(rows))
    if preview.changes.empty:
        st.info(t("preview_nothing", lang))
        return rows
    st.caption(t("review_caption", lang))
    review_dataframe(rows, lang, key)
    return rows


def review_dataframe(rows: pd.DataFrame, lang: str, key: str) -> None:
    """The review rows as a table: 20 in view, the rest scroll inside it; the check column wide enough to read."""
    table = review.review_table(rows, lang)
    flag = st.column_config.TextColumn(width=230)
    st.dataframe(
        table,
        hide_index=True,
        placeholder="—",
        width="stretch",
        height=38 + 35 * min(len(table), 20),
        column_config={t("review_flag", lang): flag},
        key=key,
    )


def said_yes_to_held(prepared: Prepared, lang: str, action: str) -> bool | None:
    """Rows held as probable slips (a province row, a city far from its counties): named one by one, and a box to
    tick before the button works. None when there are none, else whether the box is ticked."""
    rows = held(prepared)
    if not rows:
        return None
    st.warning(
        ngettext("held_heading", "held_heading.plural", len(rows), lang, count=len(rows), action=t(action, lang)),
        icon=":material/front_hand:",
    )
    plain_table(problem_table(prepared, rows, lang), "ub-held")  # the file's cells: plain text
    numbers = "、".join(str(p.row) for p in rows)
    return st.checkbox(t("held_confirm", lang, rows=numbers), key=f"held_yes_{prepared.sha256[:16]}")


def show_preview(
    ctx: PageContext, prepared: Prepared, period: str | None, key: str, step: bool = True
) -> tuple[Preview, pd.DataFrame]:
    """What committing would do (the counts) and the clerk's review rows; also the admin's review of a submission."""
    preview = data.upload_preview(ctx.store, ctx.data_version, prepared, prepared.sha256, period)
    return preview, show_review(ctx, prepared, preview, period, key, step)
