"""Words and numbers for the briefing, in Chinese (default) or English.

Rules the sentences keep:
- Units as the unions count them: 402个, 79.8%, 1,846.80万元 (1.85亿元 from 10,000 万元 up); in English
  402 units, 79.8%, CNY 18.47 million. Rate gaps are in percentage points (个百分点 / points), never in %.
- No sentence overstates a tiny difference. A gap within the indicator's amber band (catalogue: 10 % of the
  benchmark, or 2 points for a rate) is "基本持平 / about level", on either side. A change is "基本持平 / about the
  same" when it would not show at the figure's display precision, is under 1 % (analysis.STAGNATION_SHARE), or for a
  rate under a quarter point (analysis.STAGNATION_POINTS). Small counts (both under 10) get no percentage and a
  "small numbers" caution: 3 against 4 stations is not a story.
- Every judgement names its reference ("遂内泸平均水平"), and every rounded number shown is the one the verdict
  rests on.
- Every figure, unit and verdict is a row of compare.comparison (issue 11); these functions only word the rows.
"""

import re

from unionbench import analysis, compare
from unionbench.formatting import (  # noqa: F401 — the briefing's formatter is the one formatter (issue 11)
    SMALL,
    amount,
    format_number,
    missing,
    money,
    percent,
    period_text,
    points,
    signed,
    signed_amount,
)

_T = {
    "zh": {
        "title": "{region}工会工作对标分析季度通报",
        "subtitle": "{period}",
        "meta_region": "地区",
        "meta_benchmark": "对标",
        "meta_period": "季度",
        "meta_generated": "生成时间",
        "meta_version": "数据版本",
        "demo_notice": "注意：本通报使用演示数据（由固定种子生成，在种子材料给出处与之一致），"
        "仅供展示，不代表真实工作情况。",
        "s_overview": "一、总体情况",
        "s_groups": "二、分项指标",
        "s_strengths": "三、优势与短板",
        "s_counties": "四、县区差距来源",
        "s_targets": "五、年度目标进度",
        "s_data": "六、数据来源与说明",
        "group_heading": "（{n}）{group}",
        "overview": "{period}，{region}{total}项对标指标中，{ahead}项领先{reference}，{level}项与之基本持平（差距在"
        "预警线以内，高低均算），{behind}项落后{unknown}。",
        "overview_unknown": "，{n}项缺少可比数据",
        "overview_context": "另有{n}项（{items}）为随地区规模增长的总量，仅作参考，不作评判。",
        "overview_as_of": "{note}：对标地区尚未报送{period}的数据，各项与其最新报送的季度比较。",
        "overview_worst": "差距最大的是{items}。",
        "overview_best": "领先最多的是{items}。",
        "headline_caption": "表{n}　核心指标与对标差距（{reference}）",
        "gap_chart_caption": "图{n}　各项指标相对{reference}的领先（+）与落后（−）：比率为百分点，其余为相对差距%",
        "trend_chart_caption": "图{n}　核心指标近八个季度走势：{region}与{reference}（可比口径）",
        "group_caption": "表{n}　{group}指标（排名为{peers}中的位次，1为最好）",
        "radar_caption": "图{n}　各项指标在{peers}中的相对得分（0–100，100为组内最好）",
        "contrib_caption": "图{n}　{indicator}差距的县区构成（{unit}）",
        "county_table_caption": "表{n}　各县区核心指标（可比口径；县区与{county_reference}比较，"
        "全市与{reference}比较）",
        "targets_caption": "表{n}　进度滞后或未完成的年度目标",
        "uploads_caption": "表{n}　本通报所用数据的上传记录",
        "col_indicator": "指标",
        "col_value": "本期数值",
        "col_change": "较上期",
        "col_qoq": "较上季度",
        "col_yoy": "较上年同期",
        "col_rank": "排名",
        "col_home": "本地（可比口径）",
        "col_bench": "对标值",
        "col_gap": "差距",
        "col_status": "研判",
        "col_trend": "趋势",
        "col_region": "地区",
        "col_target": "年度目标",
        "col_actual": "当前完成",
        "col_progress": "完成进度",
        "col_due": "应完成",
        "col_upload": "上传编号",
        "col_file": "文件",
        "col_user": "上传人",
        "col_time": "上传时间",
        "col_figures": "数据条数",
        "col_demo": "演示数据",
        "city_row": "{city}（全市）",
        "bench_row": "对标值",
        "bench_row_county": "对标值（县区）",
        "bench_row_city": "对标值（全市）",
        "yes": "是",
        "no": "否",
        "status_ahead": "领先",
        "status_level": "持平",
        "status_behind": "落后",
        "status_unknown": "—",
        "status_reached": "已完成",
        "status_on_track": "正常",
        "status_lagging": "滞后",
        "status_missed": "未完成",
        "trend_improving": "改善",
        "trend_stagnating": "停滞",
        "trend_worsening": "下滑",
        "trend_unknown": "—",
        "ref_average": "{set}平均水平",
        "ref_single": "{set}水平",
        "ref_province_average": "{set}水平（全省其他{n}个市州）",
        "ref_best": "{set}最优水平",
        "ref_p90": "全省前10%水平（第90百分位）",
        "ref_member": "{member}水平",
        "ref_average_counties": "{set}所辖县区平均水平",
        "ref_single_counties": "{set}所辖县区水平",
        "ref_province_average_counties": "{set}县区水平（全省其他县区）",
        "ref_best_counties": "{set}所辖县区最优水平",
        "ref_p90_counties": "全省县区前10%水平（第90百分位）",
        "peers_cities": "{n}市",
        "peers_counties": "{city}{n}个县区",
        "stock_value": "{name}：季末{value}",
        "flow_value": "{name}：本季度{value}",
        "flow_value_at": "{name}：{period}{value}（对标地区尚未报送本季度，流量指标双方均取该季度）",
        "rate_value": "{name}：{value}",
        "change_up": "，较{when}增加{delta}{rel}",
        "change_down": "，较{when}减少{delta}{rel}",
        "change_rate_up": "，较{when}提高{delta}",
        "change_rate_down": "，较{when}下降{delta}",
        "change_flat": "，与{when}基本持平",
        "change_none": "",
        "when_qoq": "上季度",
        "when_yoy": "上年同期",
        "compared_per10k": "，折合{value}",
        "gap_better": "，比{reference}（{bench}）{more_less}{delta}{rel}，{verdict}",
        "gap_level": "，与{reference}（{bench}）持平",
        "more": "多",
        "less": "少",
        "higher": "高",
        "lower": "低",
        "rel": "（{sign}{pct}）",
        "verdict_ahead": "好于对标",
        "verdict_level_better": "略好于对标，属基本持平（在{band}预警线以内）",
        "verdict_level_worse": "略差于对标，属基本持平（在{band}预警线以内）",
        "verdict_behind": "落后于对标",
        "small_numbers": "（数量较小，仅供参考）",
        "gap_missing": "，缺少可比数据，无法与{reference}比较",
        "not_judged": "；此项为随地区规模增长的总量，仅作参考，不与对标比较",
        "trend_sentence": "；近四个季度{trend}",
        "trend_improving_s": "呈改善趋势",
        "trend_stagnating_s": "基本停滞",
        "trend_worsening_s": "呈下滑趋势",
        "catch_closing": "；按双方近四个季度的增速，约{n}个季度可追平",
        "catch_widening": "；按当前增速差距仍在扩大，难以追平",
        "catch_too_slow": "；按当前增速十年内难以追平",
        "catch_not_enough_data": "；数据不足，无法预测追平时间",
        "catch_ahead": "；按近四个季度累计已不落后",
        "needed_stock": "；如要年底前达到对标水平，每季度需{up_down}{amount}",
        "needed_flow": "；如要全年累计达到对标水平，其余{left}个季度每季度需完成{amount}",
        "needed_flow_last": "；如要全年累计达到对标水平，第四季度需完成{amount}",
        "raise": "提高",
        "cut": "减少",
        "about": "（约{raw}）",
        "end": "。",
        "band_points": "{band}个百分点",
        "band_pct": "{band}%",
        "strengths_title": "优势指标",
        "weaknesses_title": "短板指标",
        "no_strengths": "本季度没有明显领先的指标（领先幅度均在预警线以内）。",
        "no_weaknesses": "本季度没有明显落后的指标（落后幅度均在预警线以内）。",
        "contrib_intro": "{indicator}（差距{gap}）：",
        "contrib_item": "{county}{verb}{amount}{level}",
        "contrib_pull_down": "拉低",
        "contrib_push_up": "拉高",
        "contrib_level": "（按对标水平计{more_less}{raw}）",
        "contrib_none": "各县区数据不全，无法分解差距。",
        "counties_intro": "以下按差距从大到小列出主要短板指标的县区构成：县区贡献按其在全市基数中的占比加权，"
        "合计等于全市差距。",
        "no_county_section": "本通报以县区为对象，县区差距构成见所属市的通报。",
        "targets_summary": "{year}年共{total}项年度目标：已完成{reached}项，进度正常{on_track}项，滞后{lagging}项，"
        "未完成{missed}项，缺数据{unknown}项（按{period}末进度，时间进度为{due}）。",
        "targets_none": "{year}年尚未录入年度目标。",
        "no_lagging": "没有进度滞后的目标。",
        "lagging_intro": "进度滞后的地区：{items}。",
        "uploads_intro": "本通报所用数字均取自当前数据库，与看板页面所示一致；共涉及{n}次上传：",
        "no_uploads": "没有找到相关上传记录。",
        "method_title": "口径说明",
        "method": [
            "对标值：{reference_rule}；比较的地区不含本地。",
            "可比口径：服务阵地、托育、资金、会员、未整改问题、互助保障、培训按每万名职工计算；组建率、入会率、整改率为合计相除"
            "（Σ分子÷Σ分母），不是各地比率的平均，差距以百分点表示。",
            "研判：与对标相差不超过预警线（每万名职工指标为对标值的10%，比率为2个百分点）为基本持平，高低均算；"
            "超过预警线，好于对标为领先，差于对标为落后。差距以好为正。未整改问题等越少越好的指标，少于对标为领先。",
            "已建会企业、专职工会主席配备、已整改问题等随地区规模增长的总量仅作参考，不作评判；双方数量均不足10的，"
            "不计百分比，不列为优势或短板。县区与对标城市所辖县区比较，城市与城市比较。",
            "对标地区尚未报送本季度数据时，与其最新完整报送的季度比较，并注明“对标数据截至某季度”。",
            "变化：存量指标与上季度比较，流量指标（资金、补助、培训）与上年同期比较，避免季节因素。",
            "趋势：近四个季度的最小二乘斜率；每季度变化不足均值的1%（比率不足0.25个百分点）为停滞。",
            "追平预测：按双方近四个季度的增速推算差距缩小所需季度数；超过40个季度视为难以追平。",
        ],
        "rule_members": "对标组各城市（县区通报为其所辖县区）的合计相除值（Σ分子÷Σ分母）",
        "rule_best": "对标组中该指标最好的城市（县区通报为最好的县区）",
        "rule_p90": "全省同级地区该指标的第90百分位（越少越好的指标取第10百分位）",
        "rule_member": "所选地区自身的数值",
        "generated_by": "本通报由工会对标看板根据当前数据自动生成（{when}）。",
        "list_sep": "、",
        "clause_sep": "；",
        "region_and": "{region}",
    },
    "en": {
        "title": "{region}: quarterly union benchmarking briefing",
        "subtitle": "{period}",
        "meta_region": "Region",
        "meta_benchmark": "Benchmark",
        "meta_period": "Quarter",
        "meta_generated": "Generated",
        "meta_version": "Data version",
        "demo_notice": "Note: this briefing uses demo data (generated from a fixed seed, matching the seed articles "
        "where they give figures). It is for demonstration only and does not describe real work.",
        "s_overview": "1. Overview",
        "s_groups": "2. Indicators by group",
        "s_strengths": "3. Strengths and weaknesses",
        "s_counties": "4. Where the gaps come from: counties",
        "s_targets": "5. Progress on this year's targets",
        "s_data": "6. Data sources and method",
        "group_heading": "2.{n} {group}",
        "overview": "In {period}, of {region}'s {total} benchmarked indicators {ahead} are ahead of {reference}, "
        "{level} are level with it (within the amber band, either way) and {behind} are behind{unknown}.",
        "overview_unknown": "; {n} lack comparable figures",
        "overview_context": "{n} more ({items}) are totals that grow with the size of a place: shown for context, "
        "not judged.",
        "overview_as_of": "{note}: the benchmark regions have not reported {period} yet, so each indicator is "
        "compared with their latest reported quarter.",
        "overview_worst": "The largest gaps are in {items}.",
        "overview_best": "The largest leads are in {items}.",
        "headline_caption": "Table {n}. Headline indicators and their gaps ({reference})",
        "gap_chart_caption": "Figure {n}. Lead (+) or gap (−) to {reference}: rates in points, others in % of the "
        "benchmark",
        "trend_chart_caption": "Figure {n}. Headline indicators over eight quarters: {region} and {reference} "
        "(comparable terms)",
        "group_caption": "Table {n}. {group} (rank among {peers}; 1 = best)",
        "radar_caption": "Figure {n}. Relative scores among {peers} (0–100; 100 = best in the group)",
        "contrib_caption": "Figure {n}. Counties' shares of the gap in {indicator} ({unit})",
        "county_table_caption": "Table {n}. Counties on the headline indicators (comparable terms; counties against "
        "{county_reference}, the city against {reference})",
        "targets_caption": "Table {n}. Annual targets lagging or missed",
        "uploads_caption": "Table {n}. Uploads behind this briefing's figures",
        "col_indicator": "Indicator",
        "col_value": "This quarter",
        "col_change": "Change",
        "col_qoq": "vs last quarter",
        "col_yoy": "vs a year ago",
        "col_rank": "Rank",
        "col_home": "Home (comparable)",
        "col_bench": "Benchmark",
        "col_gap": "Gap",
        "col_status": "Status",
        "col_trend": "Trend",
        "col_region": "Region",
        "col_target": "Target",
        "col_actual": "Actual",
        "col_progress": "Done",
        "col_due": "Due",
        "col_upload": "Upload",
        "col_file": "File",
        "col_user": "By",
        "col_time": "When",
        "col_figures": "Figures",
        "col_demo": "Demo",
        "city_row": "{city} (city)",
        "bench_row": "Benchmark",
        "bench_row_county": "Benchmark (counties)",
        "bench_row_city": "Benchmark (city)",
        "yes": "yes",
        "no": "no",
        "status_ahead": "ahead",
        "status_level": "level",
        "status_behind": "behind",
        "status_unknown": "—",
        "status_reached": "reached",
        "status_on_track": "on track",
        "status_lagging": "lagging",
        "status_missed": "missed",
        "trend_improving": "better",
        "trend_stagnating": "flat",
        "trend_worsening": "worse",
        "trend_unknown": "—",
        "ref_average": "the {set} average",
        "ref_single": "{set}",
        "ref_province_average": "{set} (the other {n} cities)",
        "ref_best": "the best of {set}",
        "ref_p90": "the provincial top-10% level (90th percentile)",
        "ref_member": "{member}",
        "ref_average_counties": "the {set} counties' average",
        "ref_single_counties": "the counties of {set}",
        "ref_province_average_counties": "{set} (the province's other counties)",
        "ref_best_counties": "the best county of {set}",
        "ref_p90_counties": "the provincial top-10% county level (90th percentile)",
        "peers_cities": "{n} cities",
        "peers_counties": "the {n} counties of {city}",
        "stock_value": "{name}: {value} at quarter end",
        "flow_value": "{name}: {value} in the quarter",
        "flow_value_at": "{name}: {value} in {period} (the benchmark has not reported this quarter yet; a flow is "
        "compared on the same quarter for both)",
        "rate_value": "{name}: {value}",
        "change_up": ", up {delta}{rel} on {when}",
        "change_down": ", down {delta}{rel} on {when}",
        "change_rate_up": ", up {delta} on {when}",
        "change_rate_down": ", down {delta} on {when}",
        "change_flat": ", about the same as {when}",
        "change_none": "",
        "when_qoq": "the previous quarter",
        "when_yoy": "a year ago",
        "compared_per10k": "; {value}",
        "gap_better": ", {delta} {more_less} than {reference} ({bench}){rel}: {verdict}",
        "gap_level": ", level with {reference} ({bench})",
        "more": "more",
        "less": "fewer",
        "higher": "higher",
        "lower": "lower",
        "rel": " ({sign}{pct})",
        "verdict_ahead": "ahead",
        "verdict_level_better": "slightly better, about level (within the {band} band)",
        "verdict_level_worse": "slightly behind, about level (within the {band} band)",
        "verdict_behind": "behind",
        "small_numbers": " (small numbers; read with care)",
        "gap_missing": "; no comparable figure to compare with {reference}",
        "not_judged": "; a total that grows with the size of a place: shown for context, not compared",
        "trend_sentence": "; {trend} over the last four quarters",
        "trend_improving_s": "improving",
        "trend_stagnating_s": "standing still",
        "trend_worsening_s": "worsening",
        "catch_closing": "; at both sides' pace over the last four quarters the gap closes in about {n} quarters",
        "catch_widening": "; at the current pace the gap is widening and will not close",
        "catch_too_slow": "; at the current pace it will not close within ten years",
        "catch_not_enough_data": "; too little data to project a catch-up",
        "catch_ahead": "; over the last four quarters taken together it is not behind",
        "needed_stock": "; to reach the benchmark by year end it must {up_down} by {amount} a quarter",
        "needed_flow": "; for the year's total to reach the benchmark, each of the remaining {left} quarters must "
        "bring {amount}",
        "needed_flow_last": "; for the year's total to reach the benchmark, the fourth quarter must bring {amount}",
        "raise": "rise",
        "cut": "fall",
        "about": " (about {raw})",
        "end": ".",
        "band_points": "{band}-point",
        "band_pct": "{band}%",
        "strengths_title": "Strengths",
        "weaknesses_title": "Weaknesses",
        "no_strengths": "No indicator is clearly ahead this quarter (every lead is within the amber band).",
        "no_weaknesses": "No indicator is clearly behind this quarter (every gap is within the amber band).",
        "contrib_intro": "{indicator} (gap {gap}): ",
        "contrib_item": "{county} {verb} {amount}{level}",
        "contrib_pull_down": "pulls it down by",
        "contrib_push_up": "lifts it by",
        "contrib_level": " ({raw} {more_less} than at the benchmark level)",
        "contrib_none": "The counties' figures are incomplete; the gap cannot be split.",
        "counties_intro": "The main weaknesses, split by county: each county's own gap weighted by its share of the "
        "city's base; the parts add up to the city's gap.",
        "no_county_section": "This briefing is about a county; its city's briefing splits the city's gaps by county.",
        "targets_summary": "{total} targets for {year}: {reached} reached, {on_track} on track, {lagging} lagging, "
        "{missed} missed, {unknown} without data (at the end of {period}; {due} of the year elapsed).",
        "targets_none": "No annual targets have been entered for {year}.",
        "no_lagging": "No target is lagging.",
        "lagging_intro": "Lagging: {items}.",
        "uploads_intro": "Every figure comes from the current database, as the dashboard's pages show it; "
        "{n} upload(s) are behind them:",
        "no_uploads": "No uploads found for these figures.",
        "method_title": "Method",
        "method": [
            "Benchmark: {reference_rule}; the home region is never part of its own benchmark.",
            "Comparable terms: stations, childcare, funds, members, open problems, mutual aid and training per "
            "10,000 workers; "
            "organisation, membership and rectification rates as ratios of sums (Σ numerators ÷ Σ denominators), "
            "never means of rates, with gaps in percentage points.",
            "Status: level when the difference either way is within the amber band (10 % of the benchmark for "
            "figures per 10,000 workers, 2 points for rates); beyond it ahead when better, behind when worse. Gaps "
            "are positive when better; for lower-is-better indicators such as problems still open, fewer is ahead.",
            "Totals that grow with the size of a place (enterprises with a union, full-time chairs, problems "
            "rectified) are shown for context, not judged; when both sides count under ten there is no percentage "
            "and no strength or weakness. A county is read against the benchmark cities' counties, a city against "
            "cities.",
            "When the benchmark regions have not reported the quarter yet, their latest fully reported quarter is "
            "used and named ('benchmark figures as of ...').",
            "Changes: stocks against the previous quarter, flows (funds, subsidy, training) against the same quarter "
            "a year ago, so that seasons are not read as changes.",
            "Trend: least-squares slope over the last four quarters; under 1 % of the mean a quarter (a quarter point "
            "for rates) is standing still.",
            "Catch-up: quarters until the gap closes at both sides' pace over the last four quarters; more than 40 "
            "quarters counts as not at the current pace.",
        ],
        "rule_members": "the benchmark cities pooled (for a county, their counties): sums divided by sums",
        "rule_best": "the best city of the benchmark set on each indicator (for a county, the best county)",
        "rule_p90": "the 90th percentile of every region of the same level in the province (the 10th for "
        "lower-is-better)",
        "rule_member": "the chosen region's own figure",
        "generated_by": "Generated automatically by the Union Benchmark Dashboard from the current data ({when}).",
        "list_sep": ", ",
        "clause_sep": "; ",
        "region_and": "{region}",
    },
}


def t(lang: str, key: str, **values) -> str:
    """A template in the language, filled in."""
    text = _T["en" if lang == "en" else "zh"][key]
    return text.format(**values) if values else text


def method_lines(lang: str, reference_rule: str) -> list[str]:
    return [line.format(reference_rule=reference_rule) for line in _T["en" if lang == "en" else "zh"]["method"]]


# --- pieces of sentences ------------------------------------------------------------------------------------------
# Each piece words one row of compare.comparison: every number, unit and verdict is the row's; these functions only
# choose the words around them.


def per_10k(row) -> bool:
    return str(row["basis"]).startswith("per_10k")


def previous_value(row) -> float:
    """The figure the row's change is read against (a quarter or a year before)."""
    return row["value"] - row["change"]


def is_tiny_change(change: float, previous: float, decimals: int, is_rate: bool) -> bool:
    """A change too small to call a rise or a fall (module docstring)."""
    if round(abs(change), decimals) == 0:
        return True
    if is_rate:
        return abs(change) < analysis.STAGNATION_POINTS
    return bool(previous) and abs(change) / abs(previous) < analysis.STAGNATION_SHARE


def change_clause(row, lang: str) -> str:
    """', 较上季度增加6个（+1.5%）' — the row's change: a stock's on the previous quarter, a flow's on the same
    quarter a year ago."""
    change = row["change"]
    if missing(change):
        return t(lang, "change_none")
    previous = previous_value(row)
    when = t(lang, "when_qoq" if row["stock_flow"] == "stock" else "when_yoy")
    decimals = row["decimals"]
    if is_tiny_change(change, previous, decimals, row["is_rate"]):
        return t(lang, "change_flat", when=when)
    if row["is_rate"]:
        key = "change_rate_up" if change > 0 else "change_rate_down"
        return t(lang, key, when=when, delta=points(change, decimals, lang))
    small = abs(previous) < SMALL and abs(row["value"]) < SMALL
    rel = ""
    if not small and not missing(row["change_rel"]):
        rel = t(lang, "rel", sign="+" if change > 0 else "−", pct=percent(row["change_rel"], lang))
    delta = amount(abs(change), row["unit"], decimals, lang)
    return t(lang, "change_up" if change > 0 else "change_down", when=when, delta=delta, rel=rel)


def earlier_quarter(row) -> bool:
    """A flow read on the benchmark's latest quarter, older than the briefing's (compare: flows follow the
    calendar): its value is that quarter's, and the words must say so."""
    return row["stock_flow"] == "flow" and bool(row.get("benchmark_lags")) and bool(row.get("home_period"))


def value_clause(row, lang: str) -> str:
    if earlier_quarter(row):
        period = period_text(row["home_period"], lang)
        return t(lang, "flow_value_at", name=row["name"], value=row["value_text"], period=period)
    key = "rate_value" if row["is_rate"] else "stock_value" if row["stock_flow"] == "stock" else "flow_value"
    return t(lang, key, name=row["name"], value=row["value_text"])


def compared_clause(row, lang: str) -> str:
    """'，折合9.52个/万名职工' — the figure that is compared, when it is not the value itself."""
    if not per_10k(row) or missing(row["home_value"]):
        return ""
    return t(lang, "compared_per10k", value=row["home_text"])


def difference_text(row, lang: str) -> str:
    """The size of the difference without its sign, in the compared unit at the row's decimals: 3.07个/万名职工,
    1.1个百分点."""
    if row["is_rate"]:
        return points(row["difference"], 1, lang)
    return amount(abs(row["difference"]), row["basis_unit"], compare.figure_decimals(row), lang)


def gap_size_text(row, lang: str) -> str:
    """The size of the gap without its sign: 3.07个/万名职工, 3.1个百分点."""
    if row["is_rate"]:
        return points(row["gap"], 1, lang)
    return amount(abs(row["gap"]), row["basis_unit"], compare.figure_decimals(row), lang)


def verdict_words(row, lang: str) -> str:
    """The row's verdict in words: ahead, behind, or level — slightly better or worse, within the amber band."""
    if row["verdict"] == compare.AHEAD:
        return t(lang, "verdict_ahead")
    if row["verdict"] == compare.BEHIND:
        return t(lang, "verdict_behind")
    band = t(lang, "band_points" if row["is_rate"] else "band_pct", band=f"{row['amber_band']:g}")
    return t(lang, "verdict_level_better" if row["gap"] > 0 else "verdict_level_worse", band=band)


def gap_clause(row, reference: str, lang: str) -> str:
    """'，比遂内泸平均水平（12.59个/万名职工）少3.07个/万名职工（24.4%），落后于对标' — more/less follows the figures,
    the verdict the row: for problems still open, fewer is ahead. The share has no sign (the words say which way),
    so a strength never shows a minus sign."""
    if row["direction"] == "neutral":
        return ""
    if not row["judged"]:
        return t(lang, "not_judged")
    if not row["verdict"]:
        return t(lang, "gap_missing", reference=reference)
    bench = row["benchmark_text"]
    shown_difference = difference_text(row, lang)
    decimals = 1 if row["is_rate"] else compare.figure_decimals(row)
    if round(row["difference"], decimals) == 0:  # level to the shown precision: no "more by 0.00"
        text = t(lang, "gap_level", reference=reference, bench=bench)
    else:
        above = row["difference"] > 0
        more_less = t(lang, ("higher" if above else "lower") if row["is_rate"] else ("more" if above else "less"))
        rel = "" if missing(row["gap_rel"]) else t(lang, "rel", sign="", pct=percent(row["gap_rel"], lang))
        text = t(lang, "gap_better", more_less=more_less, reference=reference, bench=bench, delta=shown_difference,
                 rel=rel, verdict=verdict_words(row, lang))  # fmt: skip
    return text + (t(lang, "small_numbers") if row["small"] else "")


def trend_clause(row, lang: str) -> str:
    if row["trend"] not in ("improving", "stagnating", "worsening"):
        return ""
    return t(lang, "trend_sentence", trend=t(lang, f"trend_{row['trend']}_s"))


def trails(row) -> bool:
    """Behind, or level but on the worse side: where a catch-up and a what-if are worth a clause."""
    return row["verdict"] == compare.BEHIND or (row["verdict"] == compare.LEVEL and row["gap"] < 0)


def catch_up_clause(row, lang: str) -> str:
    """Only where home trails: quarters to catch up at both sides' pace, or why it will not."""
    if not trails(row) or not row["catch_up_reason"]:
        return ""
    reason = row["catch_up_reason"]
    if reason == "closing":
        text = t(lang, "catch_closing", n=int(row["catch_up"]))
        return re.sub(r"\b1 quarters\b", "1 quarter", text) if lang == "en" else text
    return t(lang, f"catch_{reason}")


def needed_clause(row, lang: str, workers: float, quarters_left: int) -> str:
    """What-if: what each remaining quarter must bring to reach the benchmark by year end; per-10k amounts also
    as the whole region's raw amount (× workers ÷ 10,000)."""
    needed = row["needed_per_quarter"]
    if not trails(row) or missing(needed) or needed == 0 or quarters_left == 0:
        return ""
    if row["is_rate"]:
        shown = points(needed, 1, lang)
    else:
        shown = amount(abs(needed), row["basis_unit"], compare.figure_decimals(row), lang)
        if per_10k(row) and not missing(workers):
            shown += t(lang, "about", raw=amount(abs(needed) * workers / 10_000, row["unit"], row["decimals"], lang))
    if row["stock_flow"] == "flow":
        return t(lang, "needed_flow_last" if quarters_left == 1 else "needed_flow", left=quarters_left, amount=shown)
    up_down = t(lang, "raise" if needed > 0 else "cut")
    return t(lang, "needed_stock", up_down=up_down, amount=shown)


def indicator_sentence(row, reference: str, lang: str, workers: float, quarters_left: int) -> str:
    """One indicator in one sentence: its figure and change, its compared figure, the gap and verdict, the trend,
    the catch-up projection and the what-if — all from one row of compare.comparison."""
    parts = [value_clause(row, lang), change_clause(row, lang), compared_clause(row, lang)]
    if row["direction"] != "neutral":
        parts += [
            gap_clause(row, reference, lang),
            trend_clause(row, lang),
            catch_up_clause(row, lang),
            needed_clause(row, lang, workers, quarters_left),
        ]
    return "".join(parts) + t(lang, "end")


def period_words(period: str, lang: str) -> str:
    return period_text(period, lang)
