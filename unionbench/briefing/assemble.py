"""Assemble the quarterly briefing from the same functions the pages use: gaps.gap_table for every gap, status,
trend, catch-up and what-if; views.overview_kpis' rules for the headline figures; gaps.county_gap_contributions
for the counties; views.target_progress for the targets. Nothing here computes a benchmark of its own."""

import math
from datetime import datetime

import pandas as pd

from unionbench import analysis, gaps, metrics
from unionbench.briefing import charts
from unionbench.briefing import text as tx
from unionbench.briefing.model import Briefing, Bullets, Chart, Paragraph, Section, Table
from unionbench.periods import shift, year_of
from unionbench.store import Store
from unionbench.views import benchmark_members, catalogue, target_progress


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
    """Everything the sections share: the choices, the names, the gap table with every indicator's figures."""

    def __init__(self, store: Store, region: str, set_id: str, period: str, lang: str, reference: str):
        self.store, self.region, self.set_id, self.period, self.lang, self.reference = (
            store,
            region,
            set_id,
            period,
            lang,
            reference,
        )
        found = store.query("region_names", adcodes=[region])
        if found.empty or found.at[0, "level"] not in ("city", "county"):
            raise BriefingError(f"{region} is not a city or county")
        self.name, self.level, self.parent = found.at[0, "name_zh"], found.at[0, "level"], found.at[0, "parent"]
        sets = store.query("benchmark_sets").set_index("id")
        if set_id not in sets.index:
            raise BriefingError(f"unknown benchmark set {set_id!r}")
        self.set_row = sets.loc[set_id]
        self.rule, self.members = benchmark_members(store, set_id, region)
        self.indicators = catalogue(store, lang)
        self.table = gaps.gap_table(store, region, set_id, period, lang, reference)
        if self.table["home_value"].isna().all():
            raise BriefingError(f"no figures for {self.name} ({region}) in {period}")
        self.figures = self._figures()
        self.peers = self._peers()
        self.rows = self._rows()
        self.workers = self._value("workers")
        self.counter = _Counter()
        self.reference_text = self._reference_text()

    def t(self, key: str, **values) -> str:
        return tx.t(self.lang, key, **values)

    def _value(self, indicator: str) -> float:
        row = self.figures[self.figures.indicator == indicator]
        return float(row["value"].iloc[0]) if len(row) else math.nan

    def _figures(self) -> pd.DataFrame:
        """Every catalogue indicator's value now, a quarter ago and a year ago, and its leading change."""
        periods = [self.period, shift(self.period, -1), shift(self.period, -4)]
        values = self.store.query("values_by_region", regions=[self.region], periods=periods)
        wide = values.pivot_table(index="indicator", columns="period", values="value").reindex(
            list(self.indicators), columns=periods
        )
        rows = []
        for ind in self.indicators.values():
            now, quarter_ago, year_ago = (float(wide.at[ind.id, p]) for p in periods)
            qoq, yoy = metrics.change(now, quarter_ago), metrics.change(now, year_ago)
            leading = qoq if ind.stock_flow == "stock" else yoy
            rows.append(
                {
                    "indicator": ind.id,
                    "value": now,
                    "qoq_abs": qoq.absolute,
                    "qoq_rel": qoq.relative,
                    "yoy_abs": yoy.absolute,
                    "yoy_rel": yoy.relative,
                    "quarter_ago": quarter_ago,
                    "year_ago": year_ago,
                    "change_abs": leading.absolute,
                    "change_previous": quarter_ago if ind.stock_flow == "stock" else year_ago,
                }
            )
        return pd.DataFrame(rows)

    def _peers(self) -> list[str]:
        """Who the home is ranked among: a city with its benchmark cities (every city of the province for a
        provincial set), a county with the other counties of its city."""
        if self.level == "county":
            return self.store.query("child_regions", parent=self.parent)["adcode"].tolist()
        return [self.region, *self.members]

    def peers_text(self) -> str:
        if self.level == "county":
            city = self.store.query("region_names", adcodes=[self.parent]).at[0, "name_zh"]
            return self.t("peers_counties", city=city, n=len(self.peers))
        return self.t("peers_cities", n=len(self.peers))

    def _rows(self) -> pd.DataFrame:
        """One row per catalogue indicator (neutral ones too): figures, changes, rank among peers, and the gap
        table's columns (empty for neutral indicators)."""
        peer_values = self.store.query("values_by_region", regions=self.peers, periods=[self.period])
        ranks, counts = {}, {}
        for ind in self.indicators.values():
            mine = peer_values[peer_values.indicator == ind.id].set_index("region")
            shown = mine[gaps.compared_column(ind)] if len(mine) else pd.Series(dtype=float)
            ranked = metrics.rank_descending(shown, ind.direction)
            ranks[ind.id], counts[ind.id] = ranked.get(self.region, math.nan), int(ranked.notna().sum())
        base = pd.DataFrame(
            [
                {
                    "indicator": ind.id,
                    "name": ind.name,
                    "group": ind.group,
                    "unit": ind.unit,
                    "direction": ind.direction,
                    "is_rate": ind.is_rate,
                    "per_10k": ind.per_capita_base is not None,
                    "stock_flow": ind.stock_flow,
                    "decimals": ind.decimals,
                    "amber_band": ind.amber_band,
                    "rank": ranks[ind.id],
                    "ranked": counts[ind.id],
                }
                for ind in self.indicators.values()
            ]
        )
        gap_columns = [c for c in self.table.columns if c not in base.columns or c == "indicator"]
        merged = base.merge(self.table[gap_columns], on="indicator", how="left")
        merged = merged.merge(self.figures, on="indicator", how="left")
        merged["home_value"] = merged["value"]
        merged["status"] = merged["status"].fillna(metrics.UNKNOWN)
        merged["trend"] = merged["trend"].fillna(analysis.UNKNOWN)
        merged["lead"] = merged.apply(_lead, axis=1)
        return merged

    def _reference_text(self) -> str:
        """'遂内泸平均水平', '全省前10%水平（第90百分位）', '遂宁市水平' … — what every gap is read against."""
        set_name = self.set_row["name_zh" if self.lang == "zh" else "name_en"]
        if self.reference == "p90":
            return self.t("ref_p90")
        if self.reference == "best" or (self.reference == "average" and self.rule == "province_best"):
            return self.t("ref_best", set=set_name)
        if self.reference == "average" and self.rule == "province_average":
            return self.t("ref_province_average", set=set_name, n=len(self.members))
        if self.reference == "average":
            return self.t("ref_single" if len(self.members) == 1 else "ref_average", set=set_name)
        member = self.store.query("region_names", adcodes=[self.reference]).at[0, "name_zh"]
        return self.t("ref_member", member=member)

    def reference_rule(self) -> str:
        if self.reference == "p90":
            return self.t("rule_p90")
        if self.reference == "best" or self.rule == "province_best":
            return self.t("rule_best")
        if self.reference in ("average",):
            return self.t("rule_members")
        return self.t("rule_member")

    def member_names(self) -> list[str]:
        return self.store.query("region_names", adcodes=self.members)["name_zh"].tolist()

    def scored(self) -> pd.DataFrame:
        return self.rows[self.rows.direction != "neutral"]

    def sentence(self, row) -> str:
        return tx.indicator_sentence(
            row, self.reference_text, self.lang, self.workers, analysis.quarters_left_in_year(self.period)
        )


def _lead(row) -> float:
    """Positive when home is better: points for a rate, % of the benchmark otherwise (as strengths_weaknesses)."""
    if row["direction"] == "neutral" or tx.missing(row["gap_abs"]):
        return math.nan
    sign = -1 if row["direction"] == "lower" else 1
    return sign * (row["gap_abs"] if row["is_rate"] else row["gap_rel"] * 100)


# --- cells ----------------------------------------------------------------------------------------------------------


def _value_cell(row, lang: str) -> str:
    return tx.amount(row["home_value"], row["unit"], row["decimals"], lang)


def _change_cell(change: float, relative: float, previous: float, row, lang: str) -> str:
    if tx.missing(change):
        return "—"
    text = tx.signed_amount(change, row["unit"], row["decimals"], lang)
    small = abs(previous) < tx.SMALL if not tx.missing(previous) else True
    if not row["is_rate"] and not small and not tx.missing(relative) and round(change, row["decimals"]) != 0:
        rel = tx.signed(relative * 100, 1) + "%"
        text += f"（{rel}）" if lang == "zh" else f" ({rel})"
    return text


def _compared_cell(value: float, row, lang: str) -> str:
    if tx.missing(value):
        return "—"
    if row["per_10k"]:
        return tx.format_number(value, tx.per10k_decimals(row["home_compared"], row["benchmark_compared"]))
    return tx.amount(value, row["unit"], row["decimals"], lang)


def _gap_cell(row, lang: str) -> str:
    if tx.missing(row["gap_abs"]):
        return "—"
    if row["is_rate"]:
        return tx.signed(row["gap_abs"], row["decimals"])
    decimals = (
        tx.per10k_decimals(row["home_compared"], row["benchmark_compared"]) if row["per_10k"] else row["decimals"]
    )
    text = tx.signed(row["gap_abs"], decimals)
    if not tx.small_numbers(row) and not tx.missing(row["gap_rel"]):
        rel = tx.signed(row["gap_rel"] * 100, 1) + "%"
        text += f"（{rel}）" if lang == "zh" else f" ({rel})"
    return text


def _rank_cell(row) -> str:
    if row["direction"] == "neutral" or tx.missing(row["rank"]):
        return "—"
    return f"{int(row['rank'])}/{int(row['ranked'])}"


def _status_cell(ctx: Context, status: str) -> str:
    return ctx.t(f"status_{status}")


def _lead_text(row, lang: str) -> str:
    if row["is_rate"]:
        return tx.points(row["lead"], row["decimals"], lang)
    return f"{abs(row['lead']):.1f}%"


# --- sections -------------------------------------------------------------------------------------------------------


def overview_section(ctx: Context) -> Section:
    section = Section(ctx.t("s_overview"))
    scored = ctx.scored()
    counts = scored["status"].value_counts()
    unknown = int(counts.get(metrics.UNKNOWN, 0))
    section.add(
        Paragraph(
            ctx.t(
                "overview",
                period=tx.period_words(ctx.period, ctx.lang),
                region=ctx.name,
                total=len(scored),
                reference=ctx.reference_text,
                ahead=int(counts.get("ahead", 0)),
                near=int(counts.get("near", 0)),
                behind=int(counts.get("behind", 0)),
                unknown=ctx.t("overview_unknown", n=unknown) if unknown else "",
            )
        )
    )
    strengths, weaknesses = _strengths(ctx), _weaknesses(ctx)
    sep = ctx.t("list_sep")
    if len(weaknesses):
        items = sep.join(
            f"{r['name']}（{_lead_text(r, ctx.lang)}）"
            if ctx.lang == "zh"
            else f"{r['name']} ({_lead_text(r, ctx.lang)})"
            for _, r in weaknesses.iterrows()
        )
        section.add(Paragraph(ctx.t("overview_worst", items=items)))
    if len(strengths):
        items = sep.join(
            f"{r['name']}（{_lead_text(r, ctx.lang)}）"
            if ctx.lang == "zh"
            else f"{r['name']} ({_lead_text(r, ctx.lang)})"
            for _, r in strengths.iterrows()
        )
        section.add(Paragraph(ctx.t("overview_best", items=items)))
    section.add(_headline_table(ctx))
    headline = ctx.store.query("indicator_catalogue").query("headline")["id"].tolist()
    section.add(_gap_chart(ctx))
    section.add(_trend_chart(ctx, headline))
    return section


def _headline_table(ctx: Context) -> Table:
    headline = ctx.store.query("indicator_catalogue").query("headline")["id"].tolist()
    rows = ctx.rows.set_index("indicator").loc[headline].reset_index()
    cells, lights = [], []
    for _, row in rows.iterrows():
        leading = "qoq" if row["stock_flow"] == "stock" else "yoy"
        previous = row["quarter_ago"] if leading == "qoq" else row["year_ago"]
        cells.append(
            [
                _name_cell(row, ctx.lang),
                _value_cell(row, ctx.lang),
                _leading_label(leading, ctx.lang)
                + _change_cell(row[f"{leading}_abs"], row[f"{leading}_rel"], previous, row, ctx.lang),
                _compared_cell(row["home_compared"], row, ctx.lang),
                _compared_cell(row["benchmark_compared"], row, ctx.lang),
                _gap_cell(row, ctx.lang),
                _status_cell(ctx, row["status"]),
                ctx.t(f"trend_{row['trend']}"),
            ]
        )
        lights.append([None] * 6 + [row["status"], None])
    return Table(
        columns=[
            ctx.t("col_indicator"),
            ctx.t("col_value"),
            ctx.t("col_change"),
            ctx.t("col_home"),
            ctx.t("col_bench"),
            ctx.t("col_gap"),
            ctx.t("col_status"),
            ctx.t("col_trend"),
        ],
        rows=cells,
        numeric=[False, True, True, True, True, True, False, False],
        caption=ctx.t("headline_caption", n=ctx.counter.table(), reference=ctx.reference_text),
        lights=lights,
        widths=[2.3, 1.5, 2.4, 1.2, 1.2, 1.8, 0.9, 0.9],
    )


def _leading_label(leading: str, lang: str) -> str:
    """Which change the headline shows: a stock's on the previous quarter, a flow's on a year ago."""
    if lang == "zh":
        return "环比 " if leading == "qoq" else "同比 "
    return "QoQ " if leading == "qoq" else "YoY "


def _name_cell(row, lang: str) -> str:
    """The indicator's name, with the unit of its comparable figure when that is not its own unit."""
    if row["per_10k"]:
        return f"{row['name']}（每万名职工）" if lang == "zh" else f"{row['name']} (per 10k workers)"
    return row["name"]


def _gap_chart(ctx: Context) -> Chart:
    scored = ctx.scored()
    png = charts.gap_chart(
        scored["name"].tolist(),
        scored["lead"].tolist(),
        scored["status"].tolist(),
        "领先（+）/ 落后（−）：比率为百分点，其余为%"
        if ctx.lang == "zh"
        else "lead (+) / gap (−): points for rates, else %",
    )
    return Chart(png, ctx.t("gap_chart_caption", n=ctx.counter.figure(), reference=ctx.reference_text))


def _trend_chart(ctx: Context, headline: list[str]) -> Chart:
    periods = gaps.history_periods(ctx.period)
    chosen = [ctx.indicators[i] for i in headline]
    bench = gaps.reference_series(ctx.store, ctx.region, ctx.set_id, periods, chosen, ctx.reference)
    values = ctx.store.query("values_by_region", regions=[ctx.region], periods=periods)
    panels = []
    for ind in chosen:
        mine = values[values.indicator == ind.id].set_index("period")[gaps.compared_column(ind)].reindex(periods)
        panels.append(
            {
                "title": f"{ind.name}（{gaps.compared_unit(ind, ctx.lang)}）"
                if ctx.lang == "zh"
                else f"{ind.name} ({gaps.compared_unit(ind, ctx.lang)})",
                "periods": periods,
                "home": mine.astype(float).tolist(),
                "bench": bench[ind.id].astype(float).tolist(),
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
        sub = Section(ctx.t("group_heading", n=_chinese_number(number) if ctx.lang == "zh" else number, group=group), 2)
        sub.add(_group_table(ctx, group, rows))
        for _, row in rows.iterrows():
            if row["direction"] != "neutral":
                sub.add(Paragraph(ctx.sentence(row)))
        section.blocks.append(sub)
    return section


def _chinese_number(n: int) -> str:
    return "一二三四五六七八九十"[n - 1] if 1 <= n <= 10 else str(n)


def _group_table(ctx: Context, group: str, rows: pd.DataFrame) -> Table:
    cells, lights = [], []
    for _, row in rows.iterrows():
        home, bench = (
            _compared_cell(row["home_compared"], row, ctx.lang),
            _compared_cell(row["benchmark_compared"], row, ctx.lang),
        )
        cells.append(
            [
                _name_cell(row, ctx.lang),
                _value_cell(row, ctx.lang),
                _change_cell(row["qoq_abs"], row["qoq_rel"], row["quarter_ago"], row, ctx.lang),
                _change_cell(row["yoy_abs"], row["yoy_rel"], row["year_ago"], row, ctx.lang),
                _rank_cell(row),
                "—" if row["direction"] == "neutral" else f"{home} / {bench}",
                _gap_cell(row, ctx.lang),
                _status_cell(ctx, row["status"]),
                ctx.t(f"trend_{row['trend']}"),
            ]
        )
        lights.append([None] * 7 + [row["status"], None])
    home_bench = "本地 / 对标（可比口径）" if ctx.lang == "zh" else "Home / benchmark (comparable)"
    return Table(
        columns=[
            ctx.t("col_indicator"),
            ctx.t("col_value"),
            ctx.t("col_qoq"),
            ctx.t("col_yoy"),
            ctx.t("col_rank"),
            home_bench,
            ctx.t("col_gap"),
            ctx.t("col_status"),
            ctx.t("col_trend"),
        ],
        rows=cells,
        numeric=[False, True, True, True, True, True, True, False, False],
        caption=ctx.t("group_caption", n=ctx.counter.table(), group=group, peers=ctx.peers_text()),
        lights=lights,
        widths=[2.3, 1.5, 1.5, 1.5, 0.8, 1.9, 1.7, 0.8, 0.8],
    )


def _strengths(ctx: Context) -> pd.DataFrame:
    """Leads beyond the amber band, largest first: a lead within it is 'about level', not a strength."""
    scored = ctx.scored()
    clear = scored[(scored.status == "ahead") & ~scored.apply(tx.within_band, axis=1)]
    return clear.sort_values("lead", ascending=False).head(3)


def _weaknesses(ctx: Context) -> pd.DataFrame:
    """Gaps beyond the amber band (status behind), largest first."""
    scored = ctx.scored()
    return scored[scored.status == "behind"].sort_values("lead").head(3)


def strengths_section(ctx: Context) -> Section:
    section = Section(ctx.t("s_strengths"))
    for title, frame, empty in (
        ("strengths_title", _strengths(ctx), "no_strengths"),
        ("weaknesses_title", _weaknesses(ctx), "no_weaknesses"),
    ):
        if frame.empty:
            section.add(Paragraph(f"{ctx.t(title)}{'：' if ctx.lang == 'zh' else ': '}{ctx.t(empty)}"))
            continue
        items = []
        for _, row in frame.iterrows():
            shown = tx.compared_text(row["home_compared"], row, ctx.lang)
            prefix = ("每万名职工" if ctx.lang == "zh" else "") if row["per_10k"] else ""
            suffix = "" if ctx.lang == "zh" or not row["per_10k"] else " per 10,000 workers"
            clause = tx.gap_clause(row, ctx.reference_text, ctx.lang).lstrip("，, ")
            sep = "，" if ctx.lang == "zh" else ", "
            items.append(f"{row['name']}{'：' if ctx.lang == 'zh' else ': '}{prefix}{shown}{suffix}{sep}{clause}")
        section.add(Bullets(items, ctx.t(title)))
    section.add(_radar(ctx))
    return section


def _radar(ctx: Context) -> Chart:
    scores = gaps.profile_scores(ctx.store, ctx.region, ctx.set_id, ctx.period)
    order = [i for i in ctx.indicators if i in set(scores.indicator)]
    names = [ctx.indicators[i].name for i in order]
    wide = scores.pivot(index="region", columns="indicator", values="score").reindex(columns=order)
    series = [(ctx.name, wide.loc[ctx.region].tolist(), True)]
    others = [r for r in wide.index if r != ctx.region]
    labels = scores.drop_duplicates("region").set_index("region")["region_name"]
    if len(others) <= 5:
        series += [(labels[r], wide.loc[r].tolist(), False) for r in others]
    else:
        label = "对标组中位数" if ctx.lang == "zh" else "benchmark set median"
        series.append((label, wide.loc[others].median().tolist(), False))
    peers = f"{ctx.name}与{ctx.set_row['name_zh']}" if ctx.lang == "zh" else f"{ctx.name} and {ctx.set_row['name_en']}"
    return Chart(charts.radar_chart(names, series), ctx.t("radar_caption", n=ctx.counter.figure(), peers=peers), 15)


def counties_section(ctx: Context) -> Section:
    section = Section(ctx.t("s_counties"))
    if ctx.level != "city":
        return section.add(Paragraph(ctx.t("no_county_section")))
    section.add(Paragraph(ctx.t("counties_intro")))
    weaknesses = _weaknesses(ctx)
    items, first = [], None
    for _, row in weaknesses.iterrows():
        parts = gaps.county_gap_contributions(
            ctx.store, ctx.region, ctx.set_id, ctx.period, row["indicator"], ctx.reference
        )
        items.append(_contribution_item(ctx, row, parts))
        first = (row, parts) if first is None else first
    if items:
        section.add(Bullets(items))
    section.add(_county_table(ctx))
    if first is not None:
        row, parts = first
        unit = (
            "个百分点" if row["is_rate"] and ctx.lang == "zh" else "points" if row["is_rate"] else row["compared_unit"]
        )
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
        return f"{row['name']}：{ctx.t('contrib_none')}"
    sign = -1 if row["direction"] == "lower" else 1
    pulling = complete[sign * complete["contribution"] < 0].head(3)
    pieces = []
    for _, county in pulling.iterrows():
        if row["is_rate"]:
            size = tx.points(county["contribution"], 2, lang)
            numerator = ctx.indicators[ctx.indicators[row["indicator"]].numerator]
            raw = f"{numerator.name}{tx.amount(abs(county['level_gap']), numerator.unit, 0, lang)}"
        else:
            decimals = 2 if row["per_10k"] else row["decimals"]
            size = tx.amount(abs(county["contribution"]), row["compared_unit"], decimals, lang)
            raw = tx.amount(abs(county["level_gap"]), row["unit"], row["decimals"], lang)
        worse_more = county["level_gap"] > 0
        level = ""
        if row["is_rate"] or row["per_10k"]:  # a plain count's contribution is its level gap already
            level = ctx.t("contrib_level", more_less=ctx.t("more" if worse_more else "less"), raw=raw)
        verb = ctx.t("contrib_pull_down")
        pieces.append(ctx.t("contrib_item", county=county["region_name"], verb=verb, amount=size, level=level))
    intro = ctx.t("contrib_intro", indicator=row["name"], gap=tx.gap_magnitude(row, lang))
    return intro + ctx.t("list_sep").join(pieces) + ctx.t("end")


def _county_table(ctx: Context) -> Table:
    headline = ctx.store.query("indicator_catalogue").query("headline")["id"].tolist()
    counties = ctx.store.query("child_regions", parent=ctx.region)[["adcode", "name_zh"]]
    values = ctx.store.query("values_by_region", regions=[*counties["adcode"], ctx.region], periods=[ctx.period])
    rows = ctx.rows.set_index("indicator")
    cells, lights = [], []
    for adcode, name in [*counties.itertuples(index=False), (ctx.region, ctx.t("city_row", city=ctx.name))]:
        line, light = [name], [None]
        for indicator in headline:
            ind, row = ctx.indicators[indicator], rows.loc[indicator]
            found = values[(values.region == adcode) & (values.indicator == indicator)]
            figure = float(found[gaps.compared_column(ind)].iloc[0]) if len(found) else math.nan
            status = metrics.gap(figure, row["benchmark_compared"], ind.direction, ind.amber_band, ind.is_rate).status
            line.append(_compared_cell(figure, row, ctx.lang))
            light.append(status)
        cells.append(line)
        lights.append(light)
    cells.append(
        [ctx.t("bench_row")]
        + [_compared_cell(rows.at[i, "benchmark_compared"], rows.loc[i], ctx.lang) for i in headline]
    )
    lights.append([None] * (len(headline) + 1))
    return Table(
        columns=[ctx.t("col_region")] + [_name_cell(rows.loc[i], ctx.lang) for i in headline],
        rows=cells,
        numeric=[False] + [True] * len(headline),
        caption=ctx.t("county_table_caption", n=ctx.counter.table(), reference=ctx.reference_text),
        lights=lights,
    )


def targets_section(ctx: Context) -> Section:
    section = Section(ctx.t("s_targets"))
    city = ctx.region if ctx.level == "city" else ctx.parent
    progress = target_progress(ctx.store, city, ctx.period, ctx.lang)
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
    joined = sep.join(
        f"{name}（{items}）" if ctx.lang == "zh" else f"{name} ({items})" for name, items in by_region.items()
    )
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
                ctx.t(f"status_{row['status']}"),
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
        "uploads_behind_figures", regions=[*cities, *counties], periods=gaps.history_periods(ctx.period)
    )


def data_section(ctx: Context, uploads: pd.DataFrame, generated: datetime) -> Section:
    section = Section(ctx.t("s_data"))
    if uploads["is_demo"].any():
        section.add(Paragraph(ctx.t("demo_notice")))
    if uploads.empty:
        section.add(Paragraph(ctx.t("no_uploads")))
    else:
        section.add(Paragraph(ctx.t("uploads_intro", n=len(uploads))))
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
                widths=[1.0, 4.0, 1.5, 2.2, 1.2, 1.0],
            )
        )
    section.add(Bullets(tx.method_lines(ctx.lang, ctx.reference_rule()), ctx.t("method_title")))
    section.add(Paragraph(ctx.t("generated_by", when=f"{generated:%Y-%m-%d %H:%M}")))
    return section


def build_briefing(
    store: Store,
    region: str,
    set_id: str,
    period: str,
    lang: str = "zh",
    reference: str = "average",
    generated: datetime | None = None,
) -> Briefing:
    """The whole briefing for a home region (city or county), benchmark set and quarter, in Chinese or English."""
    lang = "en" if lang == "en" else "zh"
    try:
        ctx = Context(store, region, set_id, period, lang, reference)
    except gaps.UnknownReference as error:
        raise BriefingError(str(error)) from error
    generated = generated or datetime.now()
    uploads = provenance(ctx)
    set_name = ctx.set_row["name_zh" if lang == "zh" else "name_en"]
    members = ctx.t("list_sep").join(ctx.member_names()) if len(ctx.members) <= 5 else ""
    benchmark = (
        f"{set_name}（{members}）" if members and lang == "zh" else f"{set_name} ({members})" if members else set_name
    )
    sections = [overview_section(ctx), groups_section(ctx), strengths_section(ctx), counties_section(ctx)]
    sections += [targets_section(ctx), data_section(ctx, uploads, generated)]
    return Briefing(
        title=ctx.t("title", region=ctx.name),
        subtitle=ctx.t("subtitle", period=tx.period_words(period, lang)),
        meta=[
            (ctx.t("meta_region"), f"{ctx.name}（{region}）" if lang == "zh" else f"{ctx.name} ({region})"),
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
