"""Every formula the pages use, in plain words, in Chinese and English: the methodology page shows these, then
the exact rules from the functions' own docstrings with the source that runs, so the words and the code cannot
drift apart."""

import inspect
from dataclasses import dataclass

from unionbench.read import analysis, comparison, similar, targets
from unionbench.store import load_query


@dataclass(frozen=True)
class Section:
    title_zh: str
    title_en: str
    body_zh: str
    body_en: str


SECTIONS = (
    Section(
        "比率与汇总",
        "Rates and roll-ups",
        "比率一律用“分子之和 ÷ 分母之和”计算（如工会组建率 = 已建会企业数 ÷ 应建会企业数），不对各地比率求平均。"
        "城市数值由其全部县区相加而来；只要有一个县区未报，就不显示该城市的汇总值，以免少算。"
        "两者不一致时：城市自己填报的数值优先于各县区之和；直接填报的比率（或差值，如未整改问题）与其分子分母不一致时，"
        "按分子分母计算的数值优先。上传预览会对这两种不一致给出提醒。",
        "A rate is always a ratio of sums (organisation rate = unions established ÷ enterprises eligible), never an "
        "average of rates. A city's figure is the sum of its counties, and is shown only when every county reported, "
        "so a missing county never makes a city look smaller. Where they disagree, a city's own report wins over the "
        "sum of its counties, and a rate (or difference, such as problems still open) computed from its parts wins "
        "over a rate reported directly; the upload preview warns about both.",
    ),
    Section(
        "比较口径",
        "The basis of a comparison",
        "本地数值与对标值总是放在同一口径上并标明单位：比率按比率比较（差距以“个百分点”计）；"
        "指标目录中有人均基数的数量和金额按每万名职工比较（如“个/万名职工”：数值 ÷ 职工人数 × 10000）；"
        "没有基数、随地区规模增长的总量（已建会企业、专职工会主席配备、已整改问题）只列出作背景，不作领先或落后的评判，"
        "相应的比率（组建率、整改率）承担评判。总量仍可作为背景显示，并注明“总量”。",
        "A home figure and its benchmark always share one basis, with the unit: a rate as a rate (gaps in percentage "
        "points); a count or an amount that has a per-capita base in the catalogue per 10,000 workers ('units per "
        "10,000 workers': value ÷ workers × 10,000); a total without a base that grows with the size of a place "
        "(unions established, full-time chairs, problems rectified) is shown as context and never judged ahead or "
        "behind — the matching rate (organisation rate, rectification rate) carries the judgement. The absolute value "
        "may still be shown, labelled as the total.",
    ),
    Section(
        "同级比较",
        "Like with like",
        "县区只与县区比较（对标城市下辖的县区：合并、最优或全省县区前 10%），城市只与城市比较，"
        "从不把县区与城市平均相比。",
        "A county is compared with counties (the benchmark cities' counties: pooled, best, or the province's top "
        "10 % of counties), a city with cities; never a county against a city average.",
    ),
    Section(
        "对标值",
        "Benchmark values",
        "对标组平均：比率和每万名职工指标按组内合并计算（分子之和 ÷ 分母之和），不是各成员比率的平均；"
        "本地不计入自身的对标组。最优：组内最好的成员（越低越好的指标取最小）。"
        "省内前 10%：全省同级地区数值的第 90 百分位（越低越好取第 10 百分位）。城市还可选定某一个对标城市。",
        "Set average: rates and per-10k figures pool the members (sum of numerators ÷ sum of denominators), never the "
        "mean of their ratios; the home region is never its own benchmark. Best: the best member (the lowest where "
        "lower is better). Provincial top 10 %: the 90th percentile of the province's regions of the same level (the "
        "10th where lower is better). A city may also be read against one chosen benchmark city.",
    ),
    Section(
        "对标数据的季度",
        "Which quarter the benchmark comes from",
        "本地县区总是先报。某季度对标地区尚未报齐时，用对标地区最近一个已报齐的季度比较，并注明“对标数据截至某季度”，"
        "不会出现整屏“无对标”。存量指标用本地最新季度对比；流量指标（当季发生额）按同一季度对比，避免季节差异。",
        "The home's counties report first. When the benchmark regions have not all reported a quarter yet, the "
        "comparison uses their latest fully reported quarter and says so ('benchmark figures as of …'), never a "
        "screen of dashes. A stock is read at the home's newest quarter; a flow (an amount in the quarter) on the "
        "same quarter for both sides, since flows follow the calendar.",
    ),
    Section(
        "差距与研判",
        "Gaps and verdicts",
        "差距以“好于对标为正”计：越高越好的指标为 本地 − 对标值，越低越好的指标（如未整改问题）为 对标值 − 本地；"
        "相对差距 = 差距 ÷ 对标值（比率不给相对差距）。差距在阈值以内（比率 2 个百分点，其他 10%，见指标目录），"
        "无论高低均为“持平”；超出阈值按正负为“领先”或“落后”。优势从不带负号，研判与符号永不矛盾。"
        "每个研判同时用符号（▲ ● ▼）、文字和颜色表示（蓝、灰、朱红，色觉障碍者可区分）。",
        "A gap is signed so that positive is better: home − benchmark where higher is better, benchmark − home where "
        "lower is better (problems still open); the relative gap is the gap ÷ the benchmark (none for a rate). "
        "Within the catalogue's band either way (2 points for a rate, 10 % otherwise) the two are level; beyond it "
        "ahead or behind by the gap's sign. A strength never carries a minus sign and a verdict never contradicts "
        "its sign. Each verdict has a symbol (▲ ● ▼), a word and a colour (blue, grey, vermillion: distinguishable "
        "with colour-vision deficiencies).",
    ),
    Section(
        "小数值",
        "Small numbers",
        "当本地数量与对标值折算到本地规模后都小于 10 时，不给百分比，并注明“数量较小，仅供参考”；"
        "这样的指标不列入优势或短板。",
        "When the home's count and the benchmark's level scaled to a place of the home's size are both under 10, no "
        "percentage is given and the row says 'small numbers: read with care'; such an indicator is never listed "
        "as a strength or a weakness.",
    ),
    Section(
        "数字格式",
        "How numbers are written",
        "数量为整数并带千分位，金额按指标目录的小数位（1 亿元以上写作亿元），比率保留一位小数，比率差距写作“个百分点”，"
        "每万名职工数值按大小保留 0–2 位小数。",
        "Counts are whole numbers with separators, money keeps the catalogue's decimals, rates one decimal, gaps "
        "between rates are in points, and figures per 10,000 workers keep 0–2 decimals by their size.",
    ),
    Section(
        "环比、同比与存量、流量",
        "Stocks, flows and their changes",
        "存量指标（站点数、组建率）与上季度比（环比）；流量指标（资金、培训）按季度发生额计，年末集中，与去年同季度比（同比），"
        "并看年初至今累计。",
        "Stocks (stations, rates) compare with the previous quarter; flows (funds, trainings) are in-quarter amounts "
        "that cluster at year end, so they compare with the same quarter a year ago and as year-to-date totals.",
    ),
    Section(
        "趋势、追赶与测算",
        "Trend, catch-up and what-if",
        "本地走势：本地自身数值近四个季度的最小二乘斜率（流量按滚动四季合计）；每季度变化不足均值的 1%（比率不足 0.25 "
        "个百分点）为“停滞”。它只说本地自己升还是降，不说差距。"
        "差距较上季：本季差距与上季差距相比（按显示的一位小数：比率看个百分点，其余看占对标值的百分比）——落后时差距缩小为"
        "“改善”、扩大为“变差”，领先时领先扩大为“改善”；括号里是上季的差距，便于核对。大屏的“差距较上季改善 N 项”"
        "就是这一列中“改善”的个数，只计参与对标判断的指标，背景指标不计。"
        "追赶：按双方近四季的速度，差距在几个季度后消除；若近四季对标增长更快，显示“近四季对标增长更快，按此速度追不上”；"
        "若需要十年以上，显示“按近四季速度需十年以上”。"
        "年底追平还需：存量指标（如站点数）写“每季需增 X”，即到年底追平对标值，剩下每个季度要增加多少；"
        "流量指标（如争取资金）写“某年全年还需完成 X（按对标全年水平）”，"
        "即对标近四个季度的合计，减去本地当年已完成的合计，是本年剩余季度合计还要完成的数额，不是每季增幅。第四季度之后本年没有剩余季度，不再测算。",
        "Own trend: the least-squares slope of the home's own figure over the last four quarters (a flow's rolling "
        "four-quarter total); under 1 % of the mean per quarter (0.25 points for rates) is stagnating. It says "
        "whether the home's own figure rises or falls, not the gap. Gap vs last quarter: this quarter's gap against "
        "last quarter's (as shown, one decimal: points for a rate, % of the benchmark otherwise) — a gap behind that "
        "narrows, or a lead that grows, is 'better'; last quarter's gap is given in brackets to check it by. The wall "
        "screen's 'N gaps better than last quarter' is the number of 'better' in this column, judged indicators "
        "only, never context figures. Catch-up: the quarters until the gap closes if both sides keep their pace of "
        "the last four quarters; 'the benchmark grew faster over the last four quarters: not at this pace' when it "
        "did, 'more than ten years' when it would take that long. Still needed by year end: for a stock (stations) "
        "'up X a quarter', the rise each remaining quarter needs to reach the benchmark by year end; for a flow "
        "(funds) 'X more in YEAR as a whole (against the benchmark's yearly level)': the benchmark's total over its "
        "last four quarters less the home's total so far this year, to be brought in over the rest of the year in "
        "all, not a rise per quarter. After Q4 no quarter of the year is left and nothing is worked out.",
    ),
    Section(
        "季度与报送",
        "Quarters and reporting",
        "季度选择列出本市或任一县区有数据的每个季度；页面默认打开本市自己最新的季度，县区页面打开该县区最新的季度。"
        "只有部分县区报送的季度会写明，例如“2026年第四季度：7 个县区中已报送 1 个（剑阁县），全市数据仍为第三季度”，"
        "并可直接打开已报送的县区；全市数值要等所有县区报送后才合计。链接所指的季度没有数据时，页面会提示，并写明显示的是哪个季度。",
        "The quarter picker lists every quarter in which the city or any of its counties has figures; a page opens "
        "on the city's own newest quarter, a county's page on the county's newest. A quarter only some counties "
        "have reported is named as such — e.g. '2026 Q4: 1 of 7 counties have reported (Jiange County); the city's "
        "figures are still for Q3' — with a link to each county that has; the city's own figures are summed only "
        "once every county has reported. A link asking for a quarter without figures gets a note saying which "
        "quarter is shown instead.",
    ),
    Section(
        "排名与综合指数",
        "Rankings and the composite index",
        "排名 1 为最好，并列取较好名次；与上季度、去年同期比较名次变化。"
        "与相邻名次相差不到 1%（或不到显示精度）时标注“⚠ 差距极小”。"
        "综合指数：每项指标在比较范围内标准化为 z 分数（截断于 ±3，越低越好取反；数量和金额按每万名职工计），"
        "再按权重加权平均，权重默认相等。",
        "Rank 1 is best; ties share the better rank; moves compare with the previous quarter and a year ago. A rank "
        "within 1 % (or one display step) of its neighbour is marked '⚠ tiny gap'. Composite index: each indicator "
        "becomes a z-score within the peer set (capped at ±3, flipped where lower is better; counts and money per "
        "10,000 workers), then a weighted mean, equal weights by default.",
    ),
    Section(
        "县区贡献与目标进度",
        "County contributions and targets",
        "县区贡献：城市与对标值的差距，按各县区的分母份额 ×（县区值 − 对标值）精确分解，各县区贡献之和等于城市差距。"
        "目标进度：流量指标看年初至今累计是否达到“目标 × 已过季度 / 4”；存量指标看是否达到从年初水平到目标的直线进度，"
        "落后超过计划增量的 10% 为“滞后”。",
        "County contributions: the city's gap splits exactly into each county's share of the base × (county − "
        "benchmark); they add up to the city's gap. Targets: a flow's year-to-date total against target × quarters "
        "elapsed / 4; a stock against the straight line from its start-of-year level to the target; more than 10 % "
        "of the planned change behind is 'behind schedule'.",
    ),
    Section(
        "相似地区与自定义对标组",
        "Similar places and custom benchmark sets",
        "相似地区：取同级地区结构指标（职工人数、应建会企业、会员人数）的最新数值，取对数后在候选地区（本省或全国）中标准化，"
        "按欧氏距离由近到远排列，距离相同时按地区代码排序；缺少其中任一数值的地区不参与比较，本地自身不列入。"
        "自定义对标组由管理员建立，成员为城市（县区按这些城市的县区对标），其“平均”参照有三种算法：合计相除（Σ÷Σ，与默认对标组相同）、"
        "最优成员、成员平均（各成员数值的算术平均）。",
        "Similar places: every same-level region's latest structural figures (workers, enterprises that should form "
        "a union, union members), log-scaled and standardised over the candidates (the province or all of China), "
        "nearest first by Euclidean distance, ties by region code; a region missing any of these figures is left "
        "out, and the home is never listed. A custom benchmark set, made by an admin, is a set of cities (a county "
        "is read against their counties); its 'average' reference is pooled (Σ ÷ Σ, as the default sets), its best "
        "member, or the plain mean of its members' figures.",
    ),
)

# The exact rules, as the functions state them (English): shown under the plain-words sections.
RULES = (
    comparison.basis_of,
    comparison.reference_regions,
    similar.similar_peers,
    comparison.shared_period,
    comparison.verdict_of,
    comparison.is_small,
    comparison.strengths_and_weaknesses,
    *analysis.METHODS,
    targets.target_progress,
)
# The rules read in SQL (the p90 reference: quantile_cont over the province's field), shown with their header.
QUERIES = ("reference_levels",)


@dataclass(frozen=True)
class Rule:
    title: str
    words: str
    source: str
    language: str


def shown_rules() -> list[Rule]:
    """Each rule as the page shows it: its name, its rule in words (the docstring, or a query's header comment) and
    the source that runs (inspect.getsource of the function the rows are computed with, or the query's text)."""
    rules = [
        Rule(f"{f.__module__.split('.')[-1]}.{f.__name__}", inspect.getdoc(f) or "", inspect.getsource(f), "python")
        for f in RULES
    ]
    for name in QUERIES:
        text = load_query(name)
        header = "\n".join(line[3:] for line in text.splitlines() if line.startswith("-- "))
        rules.append(Rule(f"queries/{name}.sql", header, text, "sql"))
    return rules
