"""Targets: this year's targets for the home city and its counties, progress against time elapsed, laggards; below,
the prefilled targets template, and for admins the targets editor (a file or one target)."""

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from components import data
from components.account import current_account, require_admin
from components.filters import quarter_notes, shared_filters
from components.memo import sealed_table, shared
from components.page import page_setup
from components.strings import t
from components.style import TARGET_COLOURS, coloured_column
from components.targets_editor import one_target_form, saved_message, template_download, upload_targets
from unionbench.formatting import period_text
from unionbench.periods import year_of
from unionbench.read import comparison, targets, views

STATUS_KEYS = {"reached": "target_reached", "on_track": "target_on_track", "lagging": "target_lagging",
               "missed": "target_missed", "unknown": "target_unknown"}  # fmt: skip

ctx = page_setup()
f = shared_filters(ctx, indicator=False, per_10k=False)
lang, store, version = ctx.lang, ctx.store, ctx.data_version
year = year_of(f.period)

st.title(t("targets_heading", lang, home=f.home_name, year=year, period=period_text(f.period, lang)))
quarter_notes(ctx, f)
st.caption(t("targets_note", lang))


def indicator_tables(progress: pd.DataFrame, home: str, lang: str) -> list[tuple[str, list[str], Styler]]:
    """Per indicator of `progress`: its id, the counties lagging behind (not the home city) and its table, the
    status cells in their colours; built once per process for every session showing them (components.memo)."""
    status_column = t("status", lang)
    tables = []
    for indicator_id, rows in progress.groupby("indicator", sort=False):
        lagging = rows[(rows.status.isin(["lagging", "missed"])) & (rows.region != home)]
        table = pd.DataFrame(
            {
                t("region", lang): rows.region_name,
                t("target", lang): rows.target_text,
                t("actual", lang): rows.actual_text,
                t("expected_by_now", lang): rows.expected_text,
                t("achieved", lang): rows.achieved_text,
                t("due_share", lang): rows.due_text,
                status_column: rows.status.map(lambda s: t(STATUS_KEYS[s], lang)),
            }
        )
        table.index = rows.index
        styled = coloured_column(table, status_column, [TARGET_COLOURS.get(s) for s in rows.status])
        tables.append((indicator_id, list(lagging.region_name), sealed_table(styled)))
    return tables


progress = data.read(store, version, targets.progress_rows, f.selection)
if progress.empty:
    st.info(t("no_targets", lang, year=year))

for indicator_id, lagging, table in shared(indicator_tables, progress, f.home, lang) if not progress.empty else ():
    ind = f.catalogue[indicator_id]
    st.subheader(t("fmt.with_unit", lang, name=ind.name, unit=ind.unit))
    if lagging:
        separator = t("list_sep", lang)
        st.warning(t("lagging_counties", lang, names=separator.join(lagging)), icon=":material/flag:")
    st.table(table, hide_index=True)

st.divider()
st.subheader(t("tgt.editor_heading", lang))
saved_message()  # where the admin clicked, not above the tables
template_download(ctx, f.home, f.home_name, year)
if current_account(ctx) is None:
    st.info(t("tgt.editor_admin_only", lang))
admin = require_admin(ctx, "tgt.sign_in").name  # the sign-in form until an admin signs in; a reporter stops here
upload_targets(ctx, admin)
counties = data.read(store, version, comparison.peer_regions, f.scoped("counties"))
one_target_form(
    ctx, admin, {f.home: f.home_name, **data.read(store, version, views.region_names, counties, lang)}, year
)
