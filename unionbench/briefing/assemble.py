"""Assemble the quarterly briefing by wording the read model's rows: comparison.comparison gives every
figure, basis, unit, gap, verdict, rank, trend, catch-up and what-if; this module only chooses which rows go where
and how they read. drilldown.county_contributions splits the city's gaps by county; targets.progress_rows gives the
targets. Nothing here computes a benchmark, a gap or a verdict of its own."""

import math
from dataclasses import replace
from datetime import datetime

import pandas as pd

from unionbench.briefing import charts
from unionbench.briefing import text as tx
from unionbench.briefing.model import Briefing, Bullets, Chart, Paragraph, Section, Table
from unionbench.catalog import common_base
from unionbench.i18n import known_language, ngettext, t
from unionbench.periods import year_of
from unionbench.read import analysis, comparison, drilldown
from unionbench.read.selection import Selection, UnknownReference
from unionbench.read.targets import progress_rows
from unionbench.read.views import benchmark_members, catalogue, region_names, set_names
from unionbench.store import Store

# A target's status → its word in the briefing's catalogue ("brief.status_…").
TARGET_STATUS_KEYS = {"reached": "status_reached", "on_track": "status_on_track", "lagging": "status_lagging",
                      "missed": "status_missed", "unknown": "status_unknown"}  # fmt: skip


class BriefingError(ValueError):
    """A briefing that cannot be written (unknown region or benchmark set, no figures for the quarter)."""


class _Counter:
    """Numbers tables and figures in order of appearance."""

    def __init__(self):
        self.tables = self.figures = 0

    def table(self) -> int:
        self.tables += 1
        return self.tables

    def figure(self) -> int:
        self.figures += 1
        return self.figures


class Context:
    """Everything the sections share: the selection, the names, and the comparison's rows for every indicator."""

    def __init__(self, store: Store, sel: Selection):
        self.store, self.sel = store, sel
        region, set_id, period, lang, reference = sel.home, sel.benchmark, sel.period, sel.lang, sel.reference
        self.region, self.set_id, self.period, self.lang, self.reference = region, set_id, period, lang, reference
        found = store.query("region_names", adcodes=[region])
        if found.empty or found.at[0, "level"] not in ("city", "county"):
            raise BriefingError(f"{region} is not a city or county")
        self.name = region_names(store, [region], lang)[region]
        self.level, self.parent = found.at[0, "level"], found.at[0, "parent"]
        sets = store.query("benchmark_sets").set_index("id")
        if set_id not in sets.index:
            raise BriefingError(f"unknown benchmark set {set_id!r}")
        self.set_row = sets.loc[set_id]
        self.set_name = set_names(store, lang)[set_id]
        self.city = region if self.level == "city" else self.parent
        self.rule, self.members = benchmark_members(store, set_id, self.city)
        self.member_rule = self.set_row.get("member_rule") or "pooled"  # a custom set's rule
        self.indicators = catalogue(store, lang)
        try:
            self.rows = comparison.comparison(store, self.sel)
        except UnknownReference as error:
            raise BriefingError(str(error)) from error
        if self.rows["value"].isna().all():
            raise BriefingError(f"no figures for {self.name} ({region}) in {period}")
        self.peers = comparison.peer_regions(store, self.sel)
        base = common_base(self.indicators)
        self.workers = float(self.rows.set_index("indicator")["value"].get(base, math.nan)) if base else math.nan
        self.counter = _Counter()
        self.reference_text = self._reference_text(self.level, reference)
        self.as_of = comparison.as_of_note(self.rows, self.sel)

    def t(self, key: str, **values) -> str:
        return tx.t(self.lang, key, **values)

    def peers_text(self) -> str:
        if self.level == "county":
            city = region_names(self.store, [self.parent], self.lang)[self.parent]
            return self.t("peers_counties", city=city, n=len(self.peers))
        return self.t("peers_cities", n=len(self.peers))

    def _reference_text(self, level: str, reference: str) -> str:
        """'遂内泸平均水平', '扬州所辖县区平均水平', '全省前10%水平（第90百分位）' … — what every gap is read against:
        the benchmark cities for a city, their counties for a county (comparison.reference_regions)."""
        set_name = self.set_name
        counties = level == "county"

        def said(city_key: str, county_key: str, **values) -> str:
            return self.t(county_key if counties else city_key, **values)

        if reference == "p90":
            return said("ref_p90", "ref_p90_counties")
        best_rule = self.rule == "province_best" or self.member_rule == "best"
        if reference == "best" or (reference == "average" and best_rule):
            return said("ref_best", "ref_best_counties", set=set_name)
        if reference == "average" and self.rule == "province_average":
            if counties:
                return self.t("ref_province_average_counties", set=set_name)
            return self.t("ref_province_average", set=set_name, n=len(self.members))
        if reference == "average" and len(self.members) == 1:
            return said("ref_single", "ref_single_counties", set=set_name)
        if reference == "average":
            return said("ref_average", "ref_average_counties", set=set_name)
        member = region_names(self.store, [reference], self.lang)[reference]
        return self.t("ref_member", member=member)

    def reference_rule(self) -> str:
        if self.reference == "p90":
            return self.t("rule_p90")
        if self.reference == "best" or self.rule == "province_best":
            return self.t("rule_best")
        if self.reference == "average":
            return self.t({"best": "rule_best", "average": "rule_mean"}.get(self.member_rule, "rule_members"))
        return self.t("rule_member")

    def member_names(self) -> list[str]:
        return list(region_names(self.store, self.members, self.lang).values())

    def headline(self) -> list[str]:
        return self.store.query("indicator_catalogue").query("headline")["id"].tolist()

    def judged(self) -> pd.DataFrame:
        """Rows compared with the benchmark (rates and per-10,000 figures); raw totals and context figures not."""
        return self.rows[self.rows.judged]

    def sentence(self, row) -> str:
        return tx.indicator_sentence(
            row, self.reference_text, self.lang, self.workers, analysis.quarters_left_in_year(self.period)
        )


# --- cells: the row's words, with a per-10,000 unit moved to the indicator's name -----------------------------------


def bare(text: str, row) -> str:
    """A row's figure or gap text without its per-10,000 unit, which the name cell carries: '9.52个/万名职工' →
    '9.52', '−3.07 个/万名职工 (−24.4%)' → '−3.07 (−24.4%)'. Rates and values keep theirs (79.8%, −3.1 个百分点)."""
    if not tx.per_10k(row):
        return text
    unit = row["basis_unit"]
    text = text.replace(f" {unit}", "").replace(unit, "")
    return text.replace(f" per {unit.removeprefix('CNY per ')}", "") if unit.startswith("CNY per ") else text


def name_cell(row, lang: str) -> str:
    """The indicator's name, with the unit of its compared figure when that is per 10,000 workers."""
    if tx.per_10k(row):
        return t("fmt.with_unit", lang, name=row["name"], unit=row["basis_unit"])
    return row["name"]


def value_cell(row, lang: str) -> str:
    """The row's value, with its quarter when that is the benchmark's older one (a flow while the benchmark lags)."""
    if tx.earlier_quarter(row):
        period = tx.period_words(row["home_period"], lang)
        return t("fmt.bracket", lang, text=row["value_text"], note=period)
    return row["value_text"]


def change_cell(row, lang: str) -> str:
    """The row's change with its label: '环比 +9 (+2.3%)' for a stock, '同比 −25.11 (−5.1%)' for a flow."""
    key = "brief.change_stock" if row["stock_flow"] == "stock" else "brief.change_flow"
    change = row["change"]
    if tx.missing(change):
        return "—"
    text = tx.signed_amount(change, row["unit"], row["decimals"], lang)
    previous = tx.previous_value(row)
    small = tx.missing(previous) or abs(previous) < tx.SMALL
    if not row["is_rate"] and not small and not tx.missing(row["change_rel"]) and round(change, row["decimals"]):
        text += f" ({tx.signed(row['change_rel'] * 100, 1)}%)"
    return t(key, lang, change=text)


def rank_cell(row) -> str:
    if not row["judged"] or tx.missing(row["rank"]):
        return "—"
    return f"{int(row['rank'])}/{int(row['rank_of'])}"


def verdict_cell(row) -> str:
    return row["verdict_text"] or "—"


def light(row) -> str | None:
    """The traffic light of a row: its verdict, none for small numbers (3 against 4 is not a story)."""
    return None if row["small"] or not row["verdict"] else row["verdict"]


def _lead_text(row, lang: str) -> str:
    if row["is_rate"]:
        return tx.points(row["lead"], 1, lang)
    return f"{abs(row['lead']):.1f}%"


# --- sections -------------------------------------------------------------------------------------------------------


def overview_section(ctx: Context) -> Section:
    section = Section(ctx.t("s_overview"))
    counts = comparison.verdict_counts(ctx.rows)
    judged = ctx.judged()
    unknown = len(judged) - counts["judged"]
    context = ctx.rows[(ctx.rows.direction != "neutral") & ~ctx.rows.judged]
    text = ctx.t(
        "overview",
        period=tx.period_words(ctx.period, ctx.lang),
        region=ctx.name,
        total=len(judged),
        reference=ctx.reference_text,
        ahead=counts[comparison.AHEAD],
        level=counts[comparison.LEVEL],
        behind=counts[comparison.BEHIND],
        unknown=ctx.t("overview_unknown", n=unknown) if unknown else "",
    )
    space = ctx.t("sentence_space")
    if len(context):
        text += space + ctx.t("overview_context", n=len(context), items=ctx.t("list_sep").join(context["name"]))
    if ctx.as_of:
        text += space + ctx.t("overview_as_of", note=ctx.as_of, period=tx.period_words(ctx.period, ctx.lang))
    section.add(Paragraph(text))
    strengths, weaknesses = comparison.strengths_and_weaknesses(ctx.rows)
    for key, frame in (("overview_worst", weaknesses), ("overview_best", strengths)):
        if len(frame):
            named = [
                t("fmt.bracket", ctx.lang, text=r["name"], note=_lead_text(r, ctx.lang)) for _, r in frame.iterrows()
            ]
            items = ctx.t("list_sep").join(named)
            section.add(Paragraph(ctx.t(key, items=items)))
    section.add(headline_table(ctx))
    section.add(_gap_chart(ctx))
    section.add(_trend_chart(ctx, ctx.headline()))
    return section


def headline_table(ctx: Context) -> Table:
    """Table 1: the headline indicators, every cell a word of the row (home, benchmark and gap on one basis)."""
    rows = ctx.rows.set_index("indicator").loc[ctx.headline()].reset_index()
    cells, lights = [], []
    for _, row in rows.iterrows():
        cells.append(
            [
                name_cell(row, ctx.lang),
                value_cell(row, ctx.lang),
                change_cell(row, ctx.lang),
                bare(row["home_text"], row),
                bare(row["benchmark_text"], row),
                bare(row["gap_text"], row),
                verdict_cell(row),
                ctx.t(tx.TREND_WORDS[row["trend"]]),
            ]
        )
        lights.append([None] * 6 + [light(row), None])
    return Table(
        columns=[
            ctx.t(k)
            for k in (
                "col_indicator",
                "col_value",
                "col_change",
                "col_home",
                "col_bench",
                "col_gap",
                "col_status",
                "col_trend",
            )
        ],  # fmt: skip
        rows=cells,
        numeric=[False, True, True, True, True, True, False, False],
        caption=ctx.t("headline_caption", n=ctx.counter.table(), reference=ctx.reference_text),
        lights=lights,
    )


def _gap_chart(ctx: Context) -> Chart:
    """Each judged indicator's lead (+) or gap (−) by the row's `lead`; small numbers and raw totals are left out."""
    scored = ctx.judged()[ctx.judged()["lead"].notna()]
    png = charts.gap_chart(
        scored["name"].tolist(),
        scored["lead"].tolist(),
        scored["verdict"].tolist(),
        ctx.t("gap_chart_axis"),
    )
    return Chart(png, ctx.t("gap_chart_caption", n=ctx.counter.figure(), reference=ctx.reference_text))


def _trend_chart(ctx: Context, headline: list[str]) -> Chart:
    """Eight quarters of the home's compared figure and the reference level, on the rows' basis."""
    periods = comparison.history_periods(ctx.period)
    levels = comparison.reference_levels(ctx.store, ctx.sel, periods)
    mine = ctx.store.query("compared_figures", regions=[ctx.region], periods=periods)
    rows = ctx.rows.set_index("indicator")
    panels = []
    for indicator in headline:
        row = rows.loc[indicator]
        home = mine[mine.indicator == indicator].set_index("period")["figure"].reindex(periods)
        bench = levels[levels.indicator == indicator].set_index("period")["level"].reindex(periods)
        unit = row["basis_unit"]
        panels.append(
            {
                "title": t("fmt.with_unit", ctx.lang, name=row["name"], unit=unit),
                "periods": periods,
                "home": home.astype(float).tolist(),
                "bench": bench.astype(float).tolist(),
            }
        )
    png = charts.trend_chart(panels, ctx.name, ctx.reference_text)
    return Chart(
        png, ctx.t("trend_chart_caption", n=ctx.counter.figure(), region=ctx.name, reference=ctx.reference_text)
    )


def groups_section(ctx: Context) -> Section:
    section = Section(ctx.t("s_groups"))
    groups = list(dict.fromkeys(ctx.rows["group"]))
    for number, group in enumerate(groups, start=1):
        rows = ctx.rows[ctx.rows.group == group]
        sub = Section(ctx.t("group_heading", n=heading_number(ctx, number), group=group), 2)
        sub.add(_group_table(ctx, group, rows))
        for _, row in rows.iterrows():
            if row["direction"] != "neutral":
                sub.add(Paragraph(ctx.sentence(row)))
        section.blocks.append(sub)
    return section


def heading_number(ctx: Context, n: int) -> str:
    """（一）, （二）… in Chinese, 2.1, 2.2… in English: each language's numerals come from its catalogue."""
    numerals = ctx.t("heading_numerals").split()
    return numerals[n - 1] if 1 <= n <= len(numerals) else str(n)


def _group_table(ctx: Context, group: str, rows: pd.DataFrame) -> Table:
    cells, lights = [], []
    for _, row in rows.iterrows():
        compared = f"{bare(row['home_text'], row)} / {bare(row['benchmark_text'], row)}" if row["judged"] else "—"
        cells.append(
            [
                name_cell(row, ctx.lang),
                value_cell(row, ctx.lang),
                change_cell(row, ctx.lang),
                rank_cell(row),
                compared,
                bare(row["gap_text"], row),
                verdict_cell(row),
                ctx.t(tx.TREND_WORDS[row["trend"]]),
            ]
        )
        lights.append([None] * 6 + [light(row), None])
    home_bench = ctx.t("col_home_bench")
    return Table(
        columns=[
            ctx.t("col_indicator"),
            ctx.t("col_value"),
            ctx.t("col_change"),
            ctx.t("col_rank"),
            home_bench,
            ctx.t("col_gap"),
            ctx.t("col_status"),
            ctx.t("col_trend"),
        ],  # fmt: skip
        rows=cells,
        numeric=[False, True, True, True, True, True, False, False],
        caption=ctx.t("group_caption", n=ctx.counter.table(), group=group, peers=ctx.peers_text()),
        lights=lights,
    )


def strengths_section(ctx: Context) -> Section:
    section = Section(ctx.t("s_strengths"))
    strengths, weaknesses = comparison.strengths_and_weaknesses(ctx.rows)
    for title, frame, empty in (
        ("strengths_title", strengths, "no_strengths"),
        ("weaknesses_title", weaknesses, "no_weaknesses"),
    ):
        if frame.empty:
            section.add(Paragraph(t("fmt.label", ctx.lang, label=ctx.t(title), value=ctx.t(empty))))
            continue
        items = []
        for _, row in frame.iterrows():
            clause = tx.gap_clause(row, ctx.reference_text, ctx.lang).lstrip("，, ")
            value = t("comma", ctx.lang).join((row["home_text"], clause))
            items.append(t("fmt.label", ctx.lang, label=row["name"], value=value))
        section.add(Bullets(items, ctx.t(title)))
    section.add(_radar(ctx))
    return section


def _radar(ctx: Context) -> Chart:
    """Scores 0–100 among the peers the rows rank the home in, on the rows' basis, judged indicators only."""
    judged = ctx.judged()
    order = judged["indicator"].tolist()
    figures = ctx.store.query("compared_figures", regions=ctx.peers, periods=[ctx.period])
    wide = figures.pivot_table(index="region", columns="indicator", values="figure").reindex(ctx.peers)
    wide = wide.reindex(columns=order)
    scores = analysis.normalised_scores(wide, dict(zip(judged["indicator"], judged["direction"], strict=True)))
    scores = scores.reindex(columns=order)
    names = region_names(ctx.store, ctx.peers, ctx.lang)
    series = [(ctx.name, scores.loc[ctx.region].tolist(), True)]
    others = [r for r in scores.index if r != ctx.region]
    if len(others) <= 5:
        series += [(names[r], scores.loc[r].tolist(), False) for r in others]
    else:
        label = ctx.t("peer_median")
        series.append((label, scores.loc[others].median().tolist(), False))
    caption = ctx.t("radar_caption", n=ctx.counter.figure(), peers=ctx.peers_text())
    return Chart(charts.radar_chart(judged["name"].tolist(), series), caption, 15)


def counties_section(ctx: Context) -> Section:
    section = Section(ctx.t("s_counties"))
    if ctx.level != "city":
        return section.add(Paragraph(ctx.t("no_county_section")))
    section.add(Paragraph(ctx.t("counties_intro")))
    _, weaknesses = comparison.strengths_and_weaknesses(ctx.rows)
    items, first = [], None
    for _, row in weaknesses.iterrows():
        parts = drilldown.county_contributions(ctx.store, ctx.sel, row["indicator"], ctx.rows)
        items.append(_contribution_item(ctx, row, parts))
        first = (row, parts) if first is None else first
    if items:
        section.add(Bullets(items))
    section.add(_county_table(ctx))
    if first is not None:
        row, parts = first
        unit = t("cmp.points", ctx.lang) if row["is_rate"] else row["basis_unit"]
        section.add(
            Chart(
                charts.contributions_chart(parts["region_name"].tolist(), parts["contribution"].tolist(), unit),
                ctx.t("contrib_caption", n=ctx.counter.figure(), indicator=row["name"], unit=unit),
            )
        )
    return section


def _contribution_item(ctx: Context, row, parts: pd.DataFrame) -> str:
    """'工会组建率（差距3.1个百分点）：苍溪县拉低2.02个百分点（按对标水平计少已建会企业338个）、…'"""
    lang = ctx.lang
    complete = parts.dropna(subset=["contribution"])
    if complete.empty:
        return t("fmt.label", lang, label=row["name"], value=ctx.t("contrib_none"))
    sign = -1 if row["direction"] == "lower" else 1
    pulling = complete[sign * complete["contribution"] < 0].head(3)
    pieces = []
    for _, county in pulling.iterrows():
        if row["is_rate"]:
            size = tx.points(county["contribution"], 2, lang)
            numerator = ctx.indicators[ctx.indicators[row["indicator"]].numerator]
            raw = f"{numerator.name}{tx.amount(abs(county['level_gap']), numerator.unit, 0, lang)}"
        else:
            size = tx.amount(abs(county["contribution"]), row["basis_unit"], 2, lang)
            raw = tx.amount(abs(county["level_gap"]), row["unit"], row["decimals"], lang)
        level = ""
        if row["is_rate"] or tx.per_10k(row):  # a plain count's contribution is its level gap already
            level = ctx.t("contrib_level", more_less=ctx.t("more" if county["level_gap"] > 0 else "less"), raw=raw)
        verb = ctx.t("contrib_pull_down")
        pieces.append(ctx.t("contrib_item", county=county["region_name"], verb=verb, amount=size, level=level))
    intro = ctx.t("contrib_intro", indicator=row["name"], gap=tx.gap_size_text(row, lang))
    return intro + ctx.t("list_sep").join(pieces) + ctx.t("end")


def _county_table(ctx: Context) -> Table:
    """Each county's headline figures and verdicts from its own comparison (against the benchmark cities'
    counties), the city's from the city's rows (against the cities), and both references underneath."""
    headline = ctx.headline()
    counties = pd.Series(
        region_names(ctx.store, ctx.store.query("child_regions", parent=ctx.region)["adcode"], ctx.lang)
    )
    city_rows = ctx.rows.set_index("indicator").loc[headline]
    county_rows = {
        adcode: comparison.comparison(ctx.store, ctx.sel.with_home(adcode), only=headline)
        .set_index("indicator")
        .loc[headline]
        for adcode in counties.index
    }
    cells, lights = [], []
    listed = [(name, county_rows[adcode]) for adcode, name in counties.items()]
    for name, rows in [*listed, (ctx.t("city_row", city=ctx.name), city_rows)]:
        cells.append([name] + [bare(rows.at[i, "home_text"], rows.loc[i]) for i in headline])
        lights.append([None] + [light(rows.loc[i]) for i in headline])
    county_reference = ctx._reference_text("county", ctx.sel.with_home(ctx.region).reference)
    references = {}  # cells → whose reference they are; pooled counties give the cities' own figures: one row
    any_county = next(iter(county_rows.values()), None)
    for key, rows in (("bench_row_county", any_county), ("bench_row_city", city_rows)):
        if rows is not None:
            line = tuple(bare(rows.at[i, "benchmark_text"], rows.loc[i]) for i in headline)
            references.setdefault(line, []).append(key)
    for line, keys in references.items():
        cells.append([ctx.t(keys[0] if len(keys) == 1 else "bench_row")] + list(line))
        lights.append([None] * (len(headline) + 1))
    return Table(
        columns=[ctx.t("col_region")] + [name_cell(city_rows.loc[i], ctx.lang) for i in headline],
        rows=cells,
        numeric=[False] + [True] * len(headline),
        caption=ctx.t(
            "county_table_caption",
            n=ctx.counter.table(),
            reference=ctx.reference_text,
            county_reference=county_reference,
        ),  # fmt: skip
        lights=lights,
    )


def targets_section(ctx: Context) -> Section:
    section = Section(ctx.t("s_targets"))
    city = ctx.region if ctx.level == "city" else ctx.parent
    progress = progress_rows(ctx.store, ctx.sel.with_home(city))
    year = year_of(ctx.period)
    if ctx.level == "county" and len(progress):
        progress = progress[progress.region == ctx.region]
    if progress.empty:
        return section.add(Paragraph(ctx.t("targets_none", year=year)))
    counts = progress["status"].value_counts()
    due = float(progress["due"].iloc[0])
    section.add(
        Paragraph(
            ctx.t(
                "targets_summary",
                year=year,
                total=len(progress),
                reached=int(counts.get("reached", 0)),
                on_track=int(counts.get("on_track", 0)),
                lagging=int(counts.get("lagging", 0)),
                missed=int(counts.get("missed", 0)),
                unknown=int(counts.get("unknown", 0)),
                period=tx.period_words(ctx.period, ctx.lang),
                due=f"{due * 100:.0f}%",
            )
        )
    )
    behind = progress[progress.status.isin(["lagging", "missed"])]
    if behind.empty:
        return section.add(Paragraph(ctx.t("no_lagging")))
    sep = ctx.t("list_sep")
    by_region = behind.groupby("region_name", sort=False)["indicator"].apply(
        lambda ids: sep.join(ctx.indicators[i].name for i in ids)
    )
    joined = sep.join(t("fmt.bracket", ctx.lang, text=name, note=items) for name, items in by_region.items())
    section.add(Paragraph(ctx.t("lagging_intro", items=joined)))
    cells, lights = [], []
    for _, row in behind.iterrows():
        ind = ctx.indicators[row["indicator"]]
        cells.append(
            [
                row["region_name"],
                ind.name,
                tx.amount(row["target"], ind.unit, ind.decimals, ctx.lang),
                tx.amount(row["actual"], ind.unit, ind.decimals, ctx.lang),
                "—" if tx.missing(row["achieved"]) else f"{row['achieved'] * 100:.0f}%",
                f"{row['due'] * 100:.0f}%",
                ctx.t(TARGET_STATUS_KEYS[row["status"]]),
            ]
        )
        lights.append([None] * 6 + [row["status"]])
    section.add(
        Table(
            columns=[
                ctx.t("col_region"),
                ctx.t("col_indicator"),
                ctx.t("col_target"),
                ctx.t("col_actual"),
                ctx.t("col_progress"),
                ctx.t("col_due"),
                ctx.t("col_status"),
            ],
            rows=cells,
            numeric=[False, False, True, True, True, True, False],
            caption=ctx.t("targets_caption", n=ctx.counter.table()),
            lights=lights,
        )
    )
    return section


def provenance(ctx: Context) -> pd.DataFrame:
    """The uploads whose figures stand now for the regions and quarters this briefing reads."""
    cities = [ctx.region, *ctx.members] if ctx.level == "city" else [ctx.region, ctx.parent, *ctx.members]
    counties = ctx.store.query("child_regions_of", parents=cities)["adcode"].tolist()
    return ctx.store.query(
        "uploads_behind_figures", regions=[*cities, *counties], periods=comparison.history_periods(ctx.period)
    )


def data_section(ctx: Context, uploads: pd.DataFrame, generated: datetime) -> Section:
    section = Section(ctx.t("s_data"))
    if uploads["is_demo"].any():
        section.add(Paragraph(ctx.t("demo_notice")))
    if uploads.empty:
        section.add(Paragraph(ctx.t("no_uploads")))
    else:
        section.add(Paragraph(ngettext("brief.uploads_intro", "brief.uploads_intro.plural", len(uploads), ctx.lang)))
        section.add(
            Table(
                columns=[
                    ctx.t("col_upload"),
                    ctx.t("col_file"),
                    ctx.t("col_user"),
                    ctx.t("col_time"),
                    ctx.t("col_figures"),
                    ctx.t("col_demo"),
                ],
                rows=[
                    [
                        f"#{row.id}",
                        row.file_name,
                        row.user_name,
                        f"{row.created_at:%Y-%m-%d %H:%M}",
                        f"{row.figures:,}",
                        ctx.t("yes" if row.is_demo else "no"),
                    ]
                    for row in uploads.itertuples()
                ],
                numeric=[False, False, False, False, True, False],
                caption=ctx.t("uploads_caption", n=ctx.counter.table()),
            )
        )
    section.add(Bullets(tx.method_lines(ctx.lang, ctx.reference_rule(), ctx.indicators), ctx.t("method_title")))
    section.add(Paragraph(ctx.t("generated_by", when=f"{generated:%Y-%m-%d %H:%M}")))
    return section


def build_briefing(store: Store, sel: Selection, generated: datetime | None = None) -> Briefing:
    """The whole briefing for a selection's home region (city or county), benchmark set, quarter and reference, in
    Chinese or English."""
    sel = replace(sel, lang=known_language(sel.lang))
    ctx = Context(store, sel)
    region, set_id, period, lang = sel.home, sel.benchmark, sel.period, sel.lang
    generated = generated or datetime.now()
    uploads = provenance(ctx)
    set_name = ctx.set_name
    members = ctx.t("list_sep").join(ctx.member_names()) if len(ctx.members) <= 5 else ""
    benchmark = t("fmt.bracket", lang, text=set_name, note=members) if members else set_name
    sections = [overview_section(ctx), groups_section(ctx), strengths_section(ctx), counties_section(ctx)]
    sections += [targets_section(ctx), data_section(ctx, uploads, generated)]
    return Briefing(
        title=ctx.t("title", region=ctx.name),
        subtitle=ctx.t("subtitle", period=tx.period_words(period, lang)),
        meta=[
            (ctx.t("meta_region"), t("fmt.bracket", lang, text=ctx.name, note=region)),
            (
                ctx.t("meta_benchmark"),
                benchmark if ctx.reference_text == set_name else f"{benchmark} · {ctx.reference_text}",
            ),
            (ctx.t("meta_period"), tx.period_words(period, lang)),
            (ctx.t("meta_generated"), f"{generated:%Y-%m-%d %H:%M}"),
            (ctx.t("meta_version"), f"v{store.data_version()}"),
        ],
        notice=ctx.t("demo_notice") if uploads["is_demo"].any() else None,
        sections=sections,
        lang=lang,
        file_stem=f"briefing_{region}_{set_id}_{period}_{lang}",
    )
