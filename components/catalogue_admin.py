"""管理 › 指标: the catalogue as a table, an editor for one indicator, a catalogue or rules file, retiring with a
confirmation. Every write goes through the core's change_catalogue / change_rules (the command line's checks,
permission and audit); the page only gathers text and shows the core's problems as text."""

import pandas as pd
import streamlit as st

from components import data
from components.account import configured_users
from components.context import PageContext, refresh_data
from components.plain import plain_table
from components.strings import pgettext, t
from components.upload import SHEET_TYPES, uploader_words
from unionbench.accounts import ReportingError
from unionbench.catalogue_edit import (
    LIST_COLUMNS,
    CatalogueRejected,
    change_catalogue,
    read_catalogue_bytes,
    retire_indicator,
    text_rows,
)
from unionbench.i18n import other_language
from unionbench.names import texts
from unionbench.paths import resolve_db_path
from unionbench.read import views
from unionbench.rules import change_rules, read_rules_bytes
from unionbench.store import WriterBusy

NEW = ""
CHOICES = {
    "kind": ("count", "amount", "people", "rate"),
    "direction": ("higher", "lower", "neutral"),
    "aggregation": ("sum", "ratio", "difference"),
    "stock_flow": ("stock", "flow"),
    "status": ("active", "retired"),
}
# A new indicator starts as the commonest kind: a reported count, higher is better, a stock.
NEW_DEFAULTS = {"kind": "count", "direction": "higher", "aggregation": "sum", "stock_flow": "stock", "status": "active",
                "amber_band": "10", "headline": "0", "structural": "0", "decimals": "0"}  # fmt: skip
# The editor's rows: what is read together sits together.
FORM_ROWS = (
    ("id", "name_zh", "name_en"),
    ("group_id", "group_zh", "group_en"),
    ("unit", "unit_en", "kind"),
    ("aggregation", "numerator", "denominator"),
    ("direction", "stock_flow", "per_capita_base"),
    ("amber_band", "decimals", "sort_order"),
    ("headline", "structural", "status"),
    ("description_zh", "description_en"),
)
# Each catalogue column → the catalogue key of its heading.
COLUMN_KEYS = {
    "id": "adm_ind_col_id",
    "name_zh": "adm_ind_col_name_zh",
    "name_en": "adm_ind_col_name_en",
    "group_id": "adm_ind_col_group_id",
    "group_zh": "adm_ind_col_group_zh",
    "group_en": "adm_ind_col_group_en",
    "unit": "adm_ind_col_unit",
    "unit_en": "adm_ind_col_unit_en",
    "kind": "adm_ind_col_kind",
    "direction": "adm_ind_col_direction",
    "aggregation": "adm_ind_col_aggregation",
    "numerator": "adm_ind_col_numerator",
    "denominator": "adm_ind_col_denominator",
    "stock_flow": "adm_ind_col_stock_flow",
    "per_capita_base": "adm_ind_col_per_capita_base",
    "amber_band": "adm_ind_col_amber_band",
    "headline": "adm_ind_col_headline",
    "structural": "adm_ind_col_structural",
    "decimals": "adm_ind_col_decimals",
    "sort_order": "adm_ind_col_sort_order",
    "description_zh": "adm_ind_col_description_zh",
    "description_en": "adm_ind_col_description_en",
    "status": "adm_ind_col_status",
}
UPLOAD_KEYS = {"catalogue": "adm_ind_upload_catalogue", "rules": "adm_ind_upload_rules"}
SHOWN = ["id", "name_zh", "name_en", "unit", "kind", "aggregation", "per_capita_base", "headline", "status"]


def indicator_label(names: dict[str, str], indicator: str) -> str:
    """`id · name` in the page's language (its Chinese name where the language has none)."""
    return f"{indicator} · {names.get(indicator, '')}"


def status_words(lang: str) -> dict[str, str]:
    """An indicator's status in an account's words (启用, 已停用) taken in an indicator's sense: retired, not
    disabled."""
    return {
        "active": pgettext("indicator", "state.active", lang),
        "retired": pgettext("indicator", "state.stopped", lang),
    }


def catalogue_table(ctx: PageContext) -> pd.DataFrame:
    listing = data.catalogue_listing(ctx.store, ctx.data_version)
    shown = listing[SHOWN].assign(
        status=listing["status"].map(status_words(ctx.lang)),
        headline=["✓" if h == "1" else "" for h in listing["headline"]],
    )
    plain_table(shown.rename(columns=lambda c: t(COLUMN_KEYS[c], ctx.lang)), "ub-catalogue")
    return listing


def problems_shown(rejected: CatalogueRejected, lang: str) -> None:
    st.error(t("adm_ind_rejected", lang))
    other = other_language(lang)
    frame = pd.DataFrame(
        {
            t("adm_ind_col_row", lang): ["" if p.row is None else str(p.row) for p in rejected.problems],
            t("adm_ind_col_column", lang): [p.column for p in rejected.problems],
            t("adm_ind_col_value", lang): [p.value for p in rejected.problems],
            t("adm_ind_col_reason", lang): [p.message(lang) for p in rejected.problems],
            t("adm_ind_col_reason_other", lang): [p.message(other) for p in rejected.problems],
        }
    )
    plain_table(frame, "ub-catalogue-problems")


def write(action, lang: str, message: str, **values) -> bool:
    """Run a write; on success read the new snapshot and say so on the next run. False when it was refused."""
    try:
        action()
    except CatalogueRejected as rejected:
        problems_shown(rejected, lang)
        return False
    except ReportingError as refused:  # PermissionRefused: the account may not edit the catalogue
        st.error(refused.text(lang))
        return False
    except WriterBusy:
        st.error(t("busy", lang))
        return False
    refresh_data()
    st.session_state["adm_ind_message"] = t(message, lang, **values)
    st.rerun()
    return True


def saved_message(lang: str) -> None:
    if "adm_ind_message" in st.session_state:
        st.success(st.session_state.pop("adm_ind_message"))


def indicator_editor(ctx: PageContext, admin: str, listing: pd.DataFrame) -> None:
    """Add or change one indicator: every column as text (the core reads and checks it, as from a file)."""
    lang = ctx.lang
    rows = listing.set_index("id", drop=False)
    names = data.read(ctx.store, ctx.data_version, texts, "indicator", "name", lang)
    choice = st.selectbox(
        t("adm_ind_choose", lang),
        [NEW, *rows.index],
        format_func=lambda i: t("adm_ind_new", lang) if i == NEW else indicator_label(names, i),
        key="adm_ind_choice",
    )
    row = {c: "" for c in LIST_COLUMNS} if choice == NEW else rows.loc[choice].to_dict()
    if choice == NEW:
        row |= NEW_DEFAULTS
    with st.form(f"adm_ind_form_{choice or 'new'}"):
        values = {}
        for line in FORM_ROWS:
            for box, column in zip(st.columns(3 if len(line) == 3 else 2), line, strict=False):
                label = t(COLUMN_KEYS[column], lang)
                key = f"adm_ind_{column}_{choice}"
                if column in CHOICES:
                    options = CHOICES[column]
                    index = options.index(row[column]) if row[column] in options else 0
                    values[column] = box.selectbox(label, options, index=index, key=key)
                elif column in ("headline", "structural"):
                    values[column] = "1" if box.checkbox(label, value=row[column] == "1", key=key) else "0"
                else:
                    disabled = column == "id" and choice != NEW
                    values[column] = box.text_input(label, value=row[column], key=key, disabled=disabled)
        if st.form_submit_button(t("adm_ind_save", lang), type="primary"):
            values["id"] = choice or values["id"]
            write(
                lambda: change_catalogue(
                    resolve_db_path(None), text_rows([values]), admin, secrets_users=configured_users()
                ),  # fmt: skip
                lang,
                "adm_ind_saved",
                id=values["id"],
            )


def retire_panel(ctx: PageContext, admin: str, listing: pd.DataFrame) -> None:
    lang = ctx.lang
    active = listing[listing["status"] == "active"].set_index("id")
    names = data.read(ctx.store, ctx.data_version, texts, "indicator", "name", lang)
    chosen = st.selectbox(
        t("adm_ind_retire_choose", lang),
        list(active.index),
        format_func=lambda i: indicator_label(names, i),
        key="adm_ind_retire_choice",
    )
    confirm = st.popover(t("adm_ind_retire", lang), icon=":material/archive:")
    confirm.write(t("adm_ind_retire_explain", lang))
    if chosen and confirm.button(t("adm_ind_retire_confirm", lang, id=chosen), type="primary", key="adm_ind_retire"):
        write(
            lambda: retire_indicator(resolve_db_path(None), chosen, admin, secrets_users=configured_users()),
            lang,
            "adm_ind_retired",
            id=chosen,
        )


def file_panel(ctx: PageContext, admin: str, kind: str) -> None:
    """Upload a catalogue or rules file: check it (a dry run lists what would change), then apply it."""
    lang = ctx.lang
    uploader_words(lang, SHEET_TYPES)
    uploaded = st.file_uploader(t(UPLOAD_KEYS[kind], lang), type=SHEET_TYPES, key=f"adm_ind_file_{kind}")
    if uploaded is None:
        return
    read, change = (read_catalogue_bytes, change_catalogue) if kind == "catalogue" else (read_rules_bytes, change_rules)

    def apply(dry_run: bool):
        rows = read(uploaded.getvalue(), uploaded.name)
        return change(resolve_db_path(None), rows, admin, dry_run=dry_run, secrets_users=configured_users())

    try:
        preview = apply(True)
    except CatalogueRejected as rejected:
        problems_shown(rejected, lang)
        return
    except ReportingError as refused:
        st.error(refused.text(lang))
        return
    added = preview.added if kind == "catalogue" else preview["added"]
    changed = list(preview.changed) if kind == "catalogue" else preview["changed"]
    st.info(t("adm_ind_preview", lang, added=len(added), changed=len(changed)))
    if added or changed:
        st.text("\n".join([*(f"+ {i}" for i in added), *(f"~ {i}" for i in changed)]))
        if st.button(t("adm_ind_apply", lang), type="primary", key=f"adm_ind_apply_{kind}"):
            write(lambda: apply(False), lang, "adm_ind_applied", added=len(added), changed=len(changed))


def rules_table(ctx: PageContext) -> None:
    rules = data.read(ctx.store, ctx.data_version, views.validation_rules, ctx.lang)
    plain_table(rules.rename(columns=lambda c: t(views.RULE_COLUMN_KEYS[c], ctx.lang)), "ub-rules")
