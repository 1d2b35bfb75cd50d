"""The similar-peers panel and the custom benchmark set editor: what they draw, from components.data; the
set is checked and stored by unionbench.custom_sets. Names and every user-typed text are drawn as plain text."""

import pandas as pd
import streamlit as st

from components import data
from components.account import permitted
from components.context import PageContext, refresh_data
from components.plain import plain_table
from components.strings import t
from unionbench import custom_sets as sets_core
from unionbench.accounts import ReportingError
from unionbench.choices import SET_RULE_KEYS, SET_RULES, WITHIN, WITHIN_KEYS
from unionbench.custom_sets import SetDraft, SetRejected, new_set_id, remove_set, save_set
from unionbench.i18n import in_language, other_language
from unionbench.paths import resolve_db_path
from unionbench.read import views
from unionbench.store import WriterBusy

NEW = ""  # the editor's "new set" choice
FIELDS = ("set_name_zh", "set_name_en", "set_members", "set_rule")


def peers_controls(lang: str, regions: dict[str, str], default: str) -> tuple[str, str, int]:
    """Which region, within the province or the country, and how many: one row of controls."""
    left, middle, right = st.columns([2, 2, 1])
    if st.session_state.get("peers_region") not in regions:
        st.session_state["peers_region"] = default
    region = left.selectbox(t("peers_region", lang), list(regions), format_func=regions.get, key="peers_region")
    within = middle.segmented_control(
        t("peers_within", lang), WITHIN, format_func=lambda w: t(WITHIN_KEYS[w], lang), key="peers_within",
        default="province", required=True,
    )  # fmt: skip
    k = right.number_input(t("peers_k", lang), min_value=1, max_value=20, value=5, step=1, key="peers_k")
    return region, within or "province", int(k)


def peers_panel(ctx: PageContext, region: str, region_name: str, k: int, within: str) -> None:
    """The k places most like `region`: rank, name, distance, the figures that make them alike, their figures."""
    st.subheader(t("peers_heading", ctx.lang, home=region_name))
    st.caption(t("peers_hint", ctx.lang))
    shown = data.peers_display(ctx.store, ctx.data_version, region, k, within, ctx.lang)
    if shown is None:
        st.info(t("peers_none", ctx.lang, home=region_name))
        return
    table, home_line = shown
    plain_table(table, "ub-peers")
    result = data.similar_peers(ctx.store, ctx.data_version, region, k, within)
    st.caption(f"{home_line} · {t('peers_pool', ctx.lang, pool=result.pool_size, skipped=result.skipped)}")


def load_into_editor(choice: str, sets: pd.DataFrame) -> None:
    """Fill the editor's fields from the chosen custom set (empty for a new one), once per choice."""
    if st.session_state.get("set_loaded") == choice:
        return
    row = sets.set_index("id").loc[choice] if choice else None
    st.session_state["set_name_zh"] = "" if row is None else row["name_zh"]
    st.session_state["set_name_en"] = "" if row is None else row["name_en"]
    st.session_state["set_members"] = [] if row is None else list(row["members"])
    st.session_state["set_rule"] = "pooled" if row is None else row["member_rule"]
    st.session_state["set_loaded"] = choice


def add_members(codes: list[str]) -> None:
    """The similar-peers button's callback: add the peers to the members, keeping those chosen."""
    st.session_state["set_members"] = list(dict.fromkeys([*st.session_state.get("set_members", []), *codes]))


def set_editor(ctx: PageContext, admin: str, peer_cities: list[str], home_name: str) -> None:
    """Choose a custom set to edit or a new one; names, members (searchable, or the similar cities), rule; save
    or remove. A refused set lists field, value and reason in both languages; nothing is written then."""
    lang = ctx.lang
    sets = data.read(ctx.store, ctx.data_version, sets_core.custom_sets)
    every = data.read(ctx.store, ctx.data_version, views.set_names, lang)
    names = {set_id: every[set_id] for set_id in sets["id"]}
    choices = [NEW, *names]
    if "set_choice_next" in st.session_state:  # after a save or a removal: show that set (or a new one)
        st.session_state["set_choice"] = st.session_state.pop("set_choice_next")
    if st.session_state.get("set_choice") not in choices:
        st.session_state["set_choice"] = NEW
    choice = st.selectbox(
        t("editor_pick", lang), choices, format_func=lambda c: names.get(c) or t("editor_new", lang), key="set_choice"
    )
    load_into_editor(choice, sets)
    cities = data.read(ctx.store, ctx.data_version, views.cities, lang)
    left, right = st.columns(2)
    left.text_input(t("set_name_zh", lang), key="set_name_zh", max_chars=40)
    right.text_input(t("set_name_en", lang), key="set_name_en", max_chars=40)
    st.multiselect(
        t("set_members", lang), list(cities), format_func=cities.get, key="set_members",
        placeholder=t("set_members_placeholder", lang),
    )  # fmt: skip
    if peer_cities:
        st.button(
            t("set_add_peers", lang, n=len(peer_cities), home=home_name),
            on_click=add_members, args=(peer_cities,), key="set_add_peers", icon=":material/group_add:",
        )  # fmt: skip
    st.radio(t("set_rule", lang), SET_RULES, format_func=lambda r: t(SET_RULE_KEYS[r], lang), key="set_rule")
    save, remove, _ = st.columns([1, 1, 3])
    if save.button(t("set_save", lang), type="primary", key="set_save"):
        taken = set(data.read(ctx.store, ctx.data_version, views.benchmark_sets)["id"])
        draft = SetDraft(
            choice or new_set_id(st.session_state["set_name_en"], taken),
            st.session_state["set_name_zh"],
            st.session_state["set_name_en"],
            tuple(st.session_state["set_members"]),
            st.session_state["set_rule"],
        )
        write(
            lambda: save_set(resolve_db_path(None), draft, permitted(admin, "sets", draft.id).name, bool(choice)),
            lang, draft.id, "set_saved",
        )  # fmt: skip
    if choice:
        confirm = remove.popover(t("set_delete", lang), icon=":material/delete:")
        if confirm.button(t("set_delete_confirm", lang, name=names[choice]), type="primary", key="set_delete"):
            write(lambda: delete_set(admin, choice), lang, NEW, "set_deleted", names[choice])


def delete_set(admin: str, set_id: str) -> None:
    """Remove a custom set, once the core has checked that this admin still may."""
    permitted(admin, "sets", set_id)
    remove_set(resolve_db_path(None), set_id)


def write(action, lang: str, select: str, message: str, name: str | None = None) -> None:
    """Run a save or a removal; on success read the new snapshot, say so and show the set (or a new one)."""
    try:
        action()
    except SetRejected as rejected:
        st.error(t("set_rejected", lang))
        problem_table(rejected, lang)
        return
    except ReportingError as refused:  # no longer an admin (disabled a moment ago …)
        st.error(refused.text(lang))
        return
    except WriterBusy:
        st.error(t("busy", lang))
        return
    refresh_data()
    st.session_state["set_message"] = t(
        message, lang, name=name or in_language(st.session_state["set_name_zh"], st.session_state["set_name_en"], lang)
    )
    st.session_state["set_choice_next"] = select
    st.session_state.pop("set_loaded", None)
    st.rerun()


def problem_table(rejected: SetRejected, lang: str) -> None:
    other = other_language(lang)
    frame = pd.DataFrame(
        {
            t("set_col_field", lang): [p.field for p in rejected.problems],
            t("set_col_value", lang): [p.value for p in rejected.problems],
            t("set_col_reason", lang): [p.message(lang) for p in rejected.problems],
            t("set_col_reason_other", lang): [p.message(other) for p in rejected.problems],
        }
    )
    plain_table(frame, "ub-set-problems")


def saved_sets(ctx: PageContext) -> None:
    """Every custom set: id, names, rule, members, who made it and when, who changed it last and when."""
    lang = ctx.lang
    st.subheader(t("custom_sets_heading", lang))
    sets = data.read(ctx.store, ctx.data_version, sets_core.custom_sets)
    if sets.empty:
        st.caption(t("no_custom_sets", lang))
        return
    codes = tuple(dict.fromkeys(code for members in sets["members"] for code in members))
    member_names = data.read(ctx.store, ctx.data_version, views.region_names, codes, lang)
    sep = t("list_sep", lang)

    def when(users: pd.Series, stamps: pd.Series) -> list[str]:
        return [
            f"{u} · {s:%Y-%m-%d %H:%M}" if pd.notna(s) else str(u or "—") for u, s in zip(users, stamps, strict=True)
        ]

    frame = pd.DataFrame(
        {
            t("set_col_id", lang): sets["id"],
            t("set_col_name", lang): sets["name_zh"] + " / " + sets["name_en"],
            t("set_col_rule", lang): [t(SET_RULE_KEYS[r], lang) for r in sets["member_rule"]],
            t("set_col_members", lang): [sep.join(member_names.get(c, c) for c in m) for m in sets["members"]],
            t("set_col_created", lang): when(sets["created_by"], sets["created_at"]),
            t("set_col_updated", lang): when(sets["updated_by"], sets["updated_at"]),
        }
    )
    plain_table(frame, "ub-custom-sets")


def saved_message(lang: str) -> None:
    if message := st.session_state.pop("set_message", None):
        st.success(message)
