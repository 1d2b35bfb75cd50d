"""The shared filters every analysis page uses, in the sidebar and kept in the URL by stable ids, so a link
(?home=<city code>&bench=<set id>&period=2026Q3&indicator=org_rate&level=county&per10k=true) opens the same view in
either language, and the choice survives a switch of page. Without a link parameter the home city and the benchmark
set are the federation's settings (unionbench.settings)."""

from dataclasses import dataclass, field, replace

import streamlit as st

from components import data
from components.context import PageContext
from components.strings import t
from components.url_state import flag_from_url, from_url, to_url
from unionbench.catalog import Indicator
from unionbench.formatting import period_text
from unionbench.read import comparison, views
from unionbench.read import quarters as read_quarters
from unionbench.read.quarters import period_note
from unionbench.read.selection import SCOPE_KEYS, SCOPES, Selection

DEFAULT_INDICATOR = None  # no id in code: the catalogue's first indicator (pick falls back to it)
LEVELS = ("county", "city")


@dataclass(frozen=True)
class Filters:
    selection: Selection  # what the read model compares for this view (a page may change the region or reference)
    home_name: str
    set_name: str
    periods: list[str]  # every quarter in which home or any of its counties has figures, newest first
    catalogue: dict[str, Indicator]
    indicator: Indicator | None = None
    level: str = "county"
    notes: tuple[str, ...] = field(default=())  # what became of a quarter the link asked for

    # The selection's parts, as the pages name them.
    home = property(lambda self: self.selection.home)
    set_id = property(lambda self: self.selection.benchmark)
    period = property(lambda self: self.selection.period)
    reference = property(lambda self: self.selection.reference)
    per_10k = property(lambda self: self.selection.per_10k)
    lang = property(lambda self: self.selection.lang)

    def scoped(self, scope: str) -> Selection:
        """This view among the peers of `scope` (selection.SCOPES): what a ranking, a map or a list of regions reads."""
        return replace(self.selection, scope=scope)


def pick(label: str, key: str, options: list, default, format_func=str, container=None):
    """A sidebar choice, seeded by ?key=id in the link, falling back to the default for an unknown id."""
    from_url(key, options, default if default in options else options[0])
    return (container or st.sidebar).selectbox(label, options, format_func=format_func, key=key)


def shared_filters(
    ctx: PageContext, *, indicator: bool = True, level: bool = False, per_10k: bool = True, subject: str | None = None
) -> Filters:
    """Home city, benchmark set and quarter always; indicator, level and per-10,000 when the page asks. The quarter
    opens on the home's own newest; with `subject` (a link key such as 'region' naming one of its counties), on
    that county's newest."""
    lang, store, version = ctx.lang, ctx.store, ctx.data_version
    homes = data.read(store, version, views.home_regions, lang)
    if not homes:  # figures, but none of a city's counties: nothing a page can take as home
        st.warning(t("no_periods", lang, home=data.region_name(store, version, ctx.settings.home or "", lang)))
        st.stop()
    if ctx.settings.home not in homes:  # the home city has no figures yet: say so while another city is shown
        st.warning(t("no_periods", lang, home=data.region_name(store, version, ctx.settings.home or "", lang)))
    set_names = data.read(store, version, views.set_names, lang)
    default = Selection.default(ctx.settings, homes, set_names, lang=lang)
    home = pick(t("home_region", lang), "home", list(homes), default.home, homes.get)
    set_id = pick(t("benchmark_set", lang), "bench", list(set_names), default.benchmark, set_names.get)
    chosen = replace(default, home=home, benchmark=set_id)
    quarters = data.read(store, version, read_quarters.quarters, home)
    periods = quarters.periods
    if not periods:
        st.warning(t("no_periods", lang, home=homes[home]))
        st.stop()
    opens_on = quarters.newest
    focus = (st.session_state.get(subject) or st.query_params.get(subject)) if subject else None
    if focus and focus in data.read(store, version, comparison.peer_regions, replace(chosen, scope="counties")):
        opens_on = data.read(store, version, read_quarters.quarters, focus).newest or opens_on
    asked = st.query_params.get("period") if "period" not in st.session_state else None
    period = pick(t("quarter", lang), "period", periods, opens_on, lambda p: period_text(p, lang))
    notes = (note,) if (note := period_note(asked, period, lang)) else ()
    catalogue = data.read(store, version, views.catalogue, lang)
    chosen_indicator = None
    if indicator:
        ids = [i for i, ind in catalogue.items() if ind.direction != "neutral"]
        chosen_indicator = catalogue[
            pick(t("indicator", lang), "indicator", ids, DEFAULT_INDICATOR, lambda i: catalogue[i].name)
        ]
    chosen_level = "county"
    if level:
        labels = {"county": t("level_county", lang), "city": t("level_city", lang)}
        from_url("level", list(LEVELS), "county")
        chosen_level = st.sidebar.segmented_control(
            t("level", lang), list(LEVELS), format_func=labels.get, key="level", required=True
        )
    per_capita = False
    if per_10k:
        flag_from_url("per10k", default=True)  # like with like: per 10,000 workers unless asked
        disabled = chosen_indicator is not None and chosen_indicator.per_capita_base is None
        per_capita = st.sidebar.toggle(t("per_10k_toggle", lang), key="per10k", disabled=disabled) and not disabled
    to_url(*[k for k in ("home", "bench", "period", "indicator", "level", "per10k") if k in st.session_state])
    reference = data.read(store, version, comparison.applicable_reference, chosen, ctx.settings.reference)
    selection = replace(chosen, period=period, reference=reference, per_10k=per_capita)
    return Filters(selection, homes[home], set_names[set_id], periods, catalogue, chosen_indicator, chosen_level, notes)


def scope_picker(scopes: tuple[str, ...], home_name: str, lang: str) -> tuple[str, str]:
    """The peer scope (kept in the link as ?scope=) in the sidebar, among `scopes` (ids of selection.SCOPES, such as
    'province_counties': every county of the home's province); returns its id and its name."""
    unknown = set(scopes) - set(SCOPES)
    if unknown:
        raise ValueError(f"unknown peer scopes {sorted(unknown)}; expected some of {SCOPES}")

    def name(scope: str) -> str:
        return t(SCOPE_KEYS[scope], lang, home=home_name)

    from_url("scope", list(scopes), scopes[0])
    scope = st.sidebar.radio(t("scope", lang), scopes, format_func=name, key="scope")
    to_url("scope")
    return scope, name(scope)


def regions_in_view(ctx: PageContext, f: Filters) -> dict[str, str]:
    """Adcode → name of the home city, its benchmark cities, then its counties: what trends and the explorer offer."""
    regions = [
        *data.read(ctx.store, ctx.data_version, comparison.peer_regions, f.scoped("benchmark_cities")),
        *data.read(ctx.store, ctx.data_version, comparison.peer_regions, f.scoped("counties")),
    ]
    names = data.read(ctx.store, ctx.data_version, views.region_names, tuple(regions), f.lang)
    return {region: names[region] for region in regions}


def quarter_notes(ctx: PageContext, f: Filters, region: str | None = None, region_name: str | None = None) -> None:
    """Under a page's title: what became of a quarter the link asked for; each quarter only some of the home's
    counties have reported (who has, and the quarter the city's figures are still for) with a link to open each
    county that has; and, for a county, that it has no figures for the chosen quarter."""
    lang = f.lang
    for note in f.notes:
        st.info(note, icon=":material/event_busy:")
    for partly in data.read(ctx.store, ctx.data_version, read_quarters.partly_reported, f.selection):
        with st.container(border=True, key=f"partly_{partly.period}"):
            st.info(partly.text(lang), icon=":material/pending_actions:")
            links = st.container(horizontal=True)  # each link as wide as its words
            others = {c: n for c, n in partly.reported.items() if (c, partly.period) != (region, f.period)}
            for county, name in others.items():
                links.page_link(
                    "app_pages/gaps.py",
                    label=t("quarter_open_county", lang, name=name, period=period_text(partly.period, lang)),
                    query_params={"home": f.home, "bench": f.set_id, "region": county, "period": partly.period,
                                  "lang": lang},
                    icon=":material/open_in_new:",
                )  # fmt: skip
    if (
        region
        and region != f.home
        and f.period not in data.read(ctx.store, ctx.data_version, read_quarters.quarters, region).own
    ):
        st.info(t("quarter_region_no_data", lang, region=region_name or region, period=period_text(f.period, lang)))
