"""Every formula the pages use, in plain words, in Chinese and English: the methodology page shows these, then
the exact rules from the analysis functions' own docstrings, so the words and the code cannot drift apart."""

from dataclasses import dataclass

from unionbench import analysis, metrics


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
        "每万名职工",
        "Per 10,000 workers",
        "数量和金额可按每万名职工计：数值 ÷ 职工人数 × 10000，使大小不同的地区可以比较。",
        "Counts and money can be shown per 10,000 workers: value ÷ workers × 10,000, so regions of different size "
        "compare fairly.",
    ),
    Section(
        "对标值",
        "Benchmark values",
        "对标组平均：比率和每万名职工指标按组内合并计算（分子之和 ÷ 分母之和），其他取组内平均；"
        "本地不计入自身的对标组。"
        "最优：组内最好的成员（越低越好的指标取最小）。省内前 10%：全省各市（或各县区）数值的第 90 百分位"
        "（越低越好取第 10 百分位）。也可选定某一个对标城市。",
        "Set average: rates and per-10k figures pool the members (sum of numerators ÷ sum of denominators); other "
        "figures take the members' mean; the home region is never its own benchmark. Best: the best member (the "
        "lowest where lower is better). Provincial top 10 %: the 90th percentile of the province's cities (or "
        "counties), the 10th where lower is better. Or one chosen member.",
    ),
    Section(
        "差距与红绿灯",
        "Gaps and traffic lights",
        "差距 = 本地 − 对标值；相对差距 = 差距 ÷ 对标值。比率的差距以“个百分点”表示。达到或超过对标值为“领先”；"
        "落后但在阈值内为“接近”（比率 2 个百分点，其他 10%，见指标目录）；否则为“落后”。越低越好的指标（如未整改问题）"
        "方向相反。每个状态同时用符号（▲ ● ▼）和文字表示，不只靠颜色。",
        "Gap = home − benchmark; relative gap = gap ÷ benchmark; for rates the gap is in percentage points. At or "
        "beyond the benchmark is ahead; behind but within the band (2 points for rates, 10 % otherwise — set per "
        "indicator in the catalogue) is close; otherwise behind. Lower-is-better indicators (open problems) read the "
        "other way. Each status carries a symbol (▲ ● ▼) and a word, not colour alone.",
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
        "趋势：近四个季度的最小二乘斜率；每季度变化不足均值的 1%（比率不足 0.25 个百分点）为“停滞”。"
        "追赶：按双方当前增速，差距在几个季度后消除；若差距在扩大或需要十年以上，则显示“按当前速度无法追上”。"
        "测算：到年底追平对标值，每个季度需要增加多少。",
        "Trend: the least-squares slope over the last four quarters; under 1 % of the mean per quarter (0.25 points "
        "for rates) is stagnating. Catch-up: the quarters until the gap closes if both sides keep their current "
        "pace, or 'not at the current pace' when the gap widens or would take over ten years. What-if: the increase "
        "per quarter needed to reach the benchmark by year end.",
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
)

# The exact rules, as the functions state them (English): shown under the plain-words sections.
RULES = (metrics.benchmark_value, metrics.gap, *analysis.METHODS)
