"""Every word the product shows, in Chinese (first) and English, in one table: the pages, the wall screen, the
comparison read model (keys "cmp.…"), the quarterly briefing ("brief.…") and the CLI read it here, so a term is
translated once (issue 11). Indicator names and units come from the catalogue (data/indicators.csv)."""

LANGUAGES = {"zh": "中文", "en": "English"}

STRINGS: dict[str, dict] = {
    # --- pages and components -------------------------------------------------------------------------------
    "app_title": {
        "zh": "工会对标看板",
        "en": "Union Benchmark Dashboard",
    },
    "language": {
        "zh": "语言",
        "en": "Language",
    },
    "overview": {
        "zh": "总览",
        "en": "Overview",
    },
    "home_region": {
        "zh": "本地",
        "en": "Home",
    },
    "benchmark_set": {
        "zh": "对标组",
        "en": "Benchmark",
    },
    "quarter": {
        "zh": "季度",
        "en": "Quarter",
    },
    "indicator": {
        "zh": "指标",
        "en": "Indicator",
    },
    "per_10k_toggle": {
        "zh": "按每万名职工",
        "en": "Per 10,000 workers",
    },
    "demo_banner": {
        "zh": "演示数据：以下数字由程序生成，仅用于演示，不是真实统计。",
        "en": ("Demo data: the figures below are generated for demonstration and are not real statistics."),
    },
    "overview_heading": {
        "zh": "{home} · {period} · 对标{bench}",
        "en": "{home} · {period} · vs {bench}",
    },
    "data_as_of": {
        "zh": "数据更新于 {time}",
        "en": "Data as of {time}",
    },
    "vs_previous_quarter": {
        "zh": "较上季度",
        "en": "vs previous quarter",
    },
    "vs_last_year": {
        "zh": "较去年同期",
        "en": "vs same quarter last year",
    },
    "per_10k_short": {
        "zh": "每万名职工",
        "en": "per 10k workers",
    },
    "status_ahead": {
        "zh": "▲ 领先",
        "en": "▲ Ahead",
    },
    "status_level": {
        "zh": "● 持平",
        "en": "● Level",
    },
    "status_near": {
        "zh": "● 接近",
        "en": "● Close",
    },
    "total_context": {
        "zh": "总量",
        "en": "Total",
    },
    "status_behind": {
        "zh": "▼ 落后",
        "en": "▼ Behind",
    },
    "status_unknown": {
        "zh": "— 无对标",
        "en": "— No benchmark",
    },
    "map_heading": {
        "zh": "{city}各县区 · {indicator}",
        "en": "Counties of {city} · {indicator}",
    },
    "map_rank": {
        "zh": "排名",
        "en": "Rank",
    },
    "link_value_ignored": {
        "zh": "链接中的 {param} 无法识别，已用默认值",
        "en": "{param} in the link was not understood; the default is used",
    },
    "page_failed": {
        "zh": "页面出错，已记录。如需协助，请告知管理员错误编号 {id}。",
        "en": ("Something went wrong and it has been logged. If you need help, quote error id {id}."),
    },
    "sign_in_locked": {
        "zh": "登录失败次数过多，已暂时锁定。请于 {time}（约 {minutes} 分钟后）再试。",
        "en": ("Too many failed sign-ins: locked for now. Try again after {time} (in about {minutes} min)."),
    },
    "example_password": {
        "zh": (
            "安全提醒：有上传账号仍在使用示例密码 demo2026，而本数据库不只是演示数据。请在服务器上运行 "
            "unionbench users passwd 用户名 更换密码（.streamlit/secrets.toml 中的账号用 unionbench passwd 生成新行）。"
        ),
        "en": (
            "Security warning: an upload account still has the example password demo2026 on a database that holds "
            "more than demo data. Run `unionbench users passwd NAME` on the server (for a .streamlit/secrets.toml "
            "account, `unionbench passwd` prints a new line)."
        ),
    },
    "not_initialised": {
        "zh": "数据库尚未初始化完成（初始化可能被中断）。请运行 unionbench init。",
        "en": (
            "The database is not initialised (its initialisation may have been interrupted). Run `unionbench init`."
        ),
    },
    "no_database": {
        "zh": "找不到数据库：{path}。请运行 make run 或 unionbench init --demo。",
        "en": "No database at {path}. Run `make run` or `unionbench init --demo`.",
    },
    "county_table": {
        "zh": "县区数值",
        "en": "County values",
    },
    "region": {
        "zh": "地区",
        "en": "Region",
    },
    "value": {
        "zh": "数值",
        "en": "Value",
    },
    "gap": {
        "zh": "差距",
        "en": "Gap",
    },
    "points": {
        "zh": "个百分点",
        "en": "pts",
    },
    "per_10k_basis": {
        "zh": "按每万名职工计（{unit}）",
        "en": "{unit} per 10,000 workers",
    },
    "rate_basis": {
        "zh": "按比率计（{unit}）",
        "en": "as a rate ({unit})",
    },
    "no_periods": {
        "zh": "{home}暂无任何季度数据。",
        "en": "No quarter has data for {home} yet.",
    },
    "no_data_legend": {
        "zh": "灰色：本季度无数据",
        "en": "Grey: no figure this quarter",
    },
    "level": {
        "zh": "层级",
        "en": "Level",
    },
    "level_county": {
        "zh": "县区",
        "en": "Counties",
    },
    "level_city": {
        "zh": "城市",
        "en": "Cities",
    },
    "map": {
        "zh": "地图",
        "en": "Map",
    },
    "rankings": {
        "zh": "排名",
        "en": "Rankings",
    },
    "gaps": {
        "zh": "差距分析",
        "en": "Gap analysis",
    },
    "targets": {
        "zh": "目标进度",
        "en": "Targets",
    },
    "trends": {
        "zh": "趋势",
        "en": "Trends",
    },
    "explorer": {
        "zh": "数据查询",
        "en": "Data explorer",
    },
    "method": {
        "zh": "方法说明",
        "en": "Methodology",
    },
    "scope": {
        "zh": "范围",
        "en": "Scope",
    },
    "scope_counties": {
        "zh": "{home}各县区",
        "en": "Counties of {home}",
    },
    "scope_province_cities": {
        "zh": "全省各市（州）",
        "en": "Cities of the province",
    },
    "scope_benchmark_cities": {
        "zh": "{home}与对标城市",
        "en": "{home} and benchmark cities",
    },
    "scope_benchmark_counties": {
        "zh": "{home}与对标城市的县区",
        "en": "Counties of {home} and benchmark cities",
    },
    "scope_province_counties": {
        "zh": "全省各县（市、区）",
        "en": "Counties of the province",
    },
    "basis_per_10k": {
        "zh": "按每万名职工（{unit}）",
        "en": "Per 10,000 workers ({unit})",
    },
    "basis_rate": {
        "zh": "按比率（{unit}）",
        "en": "As a rate ({unit})",
    },
    "basis_value": {
        "zh": "按总量（{unit}）",
        "en": "As a total ({unit})",
    },
    "basis_raw_count": {
        "zh": "按总量（{unit}）：随规模增长、无人均基数，未按规模折算，仅供参考",
        "en": (
            "As a total ({unit}): it grows with size and has no per-capita base, so it is not scaled; read with care"
        ),
    },
    "ranked_of": {
        "zh": "{n}个地区中有{ranked}个本季度有数据（无数据的列在表末）",
        "en": "{ranked} of {n} regions have a figure this quarter (those without are listed last)",
    },
    "ranking_condensed": {
        "zh": ("图中显示前{n}名、后{n}名和{home}的地区（红色），省略处注明省去的名次数；完整名次见右表。"),
        "en": (
            "The chart shows the top {n}, the bottom {n} and {home}'s regions (red); gaps say h"
            "ow many ranks are left out. The table beside it has every rank."
        ),
    },
    "bars_skipped": {
        "zh": "⋯ 省略{n}个 ⋯",
        "en": "⋯ {n} not shown ⋯",
    },
    "map_basis_differs": {
        "zh": (
            "地图和右表按总量排名；下方概况按对比口径（{unit}）排名，两者名次可能不同。打开“按每万名职工”后口径一致。"
        ),
        "en": (
            "The map and the table rank totals; the profile below ranks on the compared basis ("
            "{unit}), so ranks may differ. Turn on “Per 10,000 workers” to read both on one bas"
            "is."
        ),
    },
    "profile_compared": {
        "zh": "对比值（同口径）",
        "en": "Compared figure",
    },
    "profile_benchmark": {
        "zh": "对标值（同口径）",
        "en": "Benchmark (same basis)",
    },
    "profile_verdict": {
        "zh": "判断",
        "en": "Verdict",
    },
    "profile_value": {
        "zh": "总量（背景）",
        "en": "Total (context)",
    },
    "profile_no_figure": {
        "zh": "本季度未报数据",
        "en": "no figure reported this quarter",
    },
    "profile_rank_among": {
        "zh": (
            "排名范围：{scope}，按对比口径（每万名职工、比率）计算；县区与对标城市的县区比较，"
            "城市与城市比较；随规模增长的总量只作背景，不列对标值、不评判。"
        ),
        "en": (
            "Ranks among {scope}, on the compared basis (per 10,000 workers, or the rate); a co"
            "unty is read against the benchmark cities' counties, a city against cities; totals"
            " that grow with size are context only, with no benchmark and no verdict."
        ),
    },
    "profile_indicator_line": {
        "zh": "**{indicator}**：{sentence}",
        "en": "**{indicator}**: {sentence}",
    },
    "profile_rank_part": {
        "zh": "排名 {rank}/{of}（{scope}）",
        "en": "rank {rank} of {of} ({scope})",
    },
    "profile_value_part": {
        "zh": "总量 {value}（背景）",
        "en": "total {value} (context)",
    },
    "map_page_heading": {
        "zh": "{scope} · {indicator} · {period}",
        "en": "{scope} · {indicator} · {period}",
    },
    "map_click_hint": {
        "zh": "点击地图上的区域查看其概况；点击城市可进入其县区。",
        "en": ("Click a region on the map for its profile; click a city to drill into its counties."),
    },
    "drill_into": {
        "zh": "进入{city}的县区",
        "en": "Drill into the counties of {city}",
    },
    "back_to": {
        "zh": "返回{scope}",
        "en": "Back to {scope}",
    },
    "profile_heading": {
        "zh": "{region}概况 · {period}",
        "en": "Profile of {region} · {period}",
    },
    "profile_pick": {
        "zh": "查看区域概况",
        "en": "Region profile",
    },
    "rank_of": {
        "zh": "排名",
        "en": "Rank",
    },
    "benchmark": {
        "zh": "对标值",
        "en": "Benchmark",
    },
    "trend": {
        "zh": "趋势",
        "en": "Trend",
    },
    "trend_improving": {
        "zh": "↗ 向好",
        "en": "↗ improving",
    },
    "trend_stagnating": {
        "zh": "→ 停滞",
        "en": "→ stagnating",
    },
    "trend_worsening": {
        "zh": "↘ 变差",
        "en": "↘ worsening",
    },
    "trend_unknown": {
        "zh": "— 数据不足",
        "en": "— too little data",
    },
    "last_8_quarters": {
        "zh": "近 8 个季度",
        "en": "Last 8 quarters",
    },
    "rankings_heading": {
        "zh": "{scope} · {period}",
        "en": "{scope} · {period}",
    },
    "ranking_indicator": {
        "zh": "单项排名 · {indicator}",
        "en": "Ranking · {indicator}",
    },
    "move_quarter": {
        "zh": "较上季度",
        "en": "vs last quarter",
    },
    "move_year": {
        "zh": "较去年同期",
        "en": "vs a year ago",
    },
    "caution": {
        "zh": "提示",
        "en": "Note",
    },
    "caution_text": {
        "zh": "⚠ 差距极小",
        "en": "⚠ tiny gap",
    },
    "caution_note": {
        "zh": "⚠ 表示与相邻名次相差不到 1% 或不到显示精度：名次及其变化不宜过度解读。",
        "en": (
            "⚠ marks a rank less than 1 % (or one display step) from its neighbour: do not read"
            " much into it or its move."
        ),
    },
    "composite_heading": {
        "zh": "综合指数",
        "en": "Composite index",
    },
    "composite_method": {
        "zh": (
            "方法：每项指标在本范围内标准化（z 分数，截断于 ±3，越低越好的指标取反；数量和金额"
            "按每万名职工计），再按权重加权平均。权重默认相等，可在下方调整。"
        ),
        "en": (
            "Method: each indicator is standardised within this scope (z-score, capped at ±3, s"
            "ign flipped where lower is better; counts and money per 10,000 workers), then aver"
            "aged with weights — equal by default, adjustable below."
        ),
    },
    "weights": {
        "zh": "调整权重",
        "en": "Adjust weights",
    },
    "composite": {
        "zh": "综合得分",
        "en": "Composite",
    },
    "coverage": {
        "zh": "参与指标数",
        "en": "Indicators",
    },
    "moved_up": {
        "zh": "↑{n}",
        "en": "↑{n}",
    },
    "moved_down": {
        "zh": "↓{n}",
        "en": "↓{n}",
    },
    "unchanged_rank": {
        "zh": "—",
        "en": "—",
    },
    "trends_heading": {
        "zh": "趋势 · {period}",
        "en": "Trends · {period}",
    },
    "regions": {
        "zh": "地区",
        "en": "Regions",
    },
    "indicators": {
        "zh": "指标",
        "en": "Indicators",
    },
    "quarters_shown": {
        "zh": "显示季度数",
        "en": "Quarters shown",
    },
    "changes_heading": {
        "zh": "变化（{period}）",
        "en": "Changes ({period})",
    },
    "qoq": {
        "zh": "环比",
        "en": "QoQ",
    },
    "yoy": {
        "zh": "同比",
        "en": "YoY",
    },
    "year_to_date": {
        "zh": "年初至今",
        "en": "Year to date",
    },
    "flow_note": {
        "zh": ("存量指标（如站点数）看环比；流量指标（如资金、培训）按季度发生额计，年末集中，看同比和年初至今累计。"),
        "en": (
            "Stocks (e.g. stations) read quarter on quarter; flows (funds, trainings) are in-qu"
            "arter amounts that cluster at year end, so read them year on year and as year-to-d"
            "ate totals."
        ),
    },
    "explorer_heading": {
        "zh": "数据查询",
        "en": "Data explorer",
    },
    "periods_range": {
        "zh": "季度范围",
        "en": "Quarters",
    },
    "show_provenance": {
        "zh": "显示数据来源（哪次上传）",
        "en": "Show provenance (which upload set each figure)",
    },
    "computed": {
        "zh": "汇总/计算所得",
        "en": "rolled up / derived",
    },
    "download_csv": {
        "zh": "下载 CSV",
        "en": "Download CSV",
    },
    "download_xlsx": {
        "zh": "下载 Excel",
        "en": "Download Excel",
    },
    "rows_count": {
        "zh": "共 {n} 行",
        "en": "{n} rows",
    },
    "unit": {
        "zh": "单位",
        "en": "Unit",
    },
    "source": {
        "zh": "来源",
        "en": "Source",
    },
    "method_heading": {
        "zh": "方法说明",
        "en": "Methodology",
    },
    "targets_heading": {
        "zh": "{home}{year}年目标进度 · 截至{period}",
        "en": "{home} targets {year} · as of {period}",
    },
    "target": {
        "zh": "目标",
        "en": "Target",
    },
    "actual": {
        "zh": "实际",
        "en": "Actual",
    },
    "expected_by_now": {
        "zh": "应达进度",
        "en": "Expected by now",
    },
    "achieved": {
        "zh": "计划完成度",
        "en": "Share of the year's plan done",
    },
    "due_share": {
        "zh": "应完成",
        "en": "Due by now",
    },
    "lagging_counties": {
        "zh": "进度滞后：{names}",
        "en": "Behind schedule: {names}",
    },
    "no_lagging": {
        "zh": "没有进度滞后的县区。",
        "en": "No county is behind schedule.",
    },
    "no_targets": {
        "zh": "{year}年尚无目标。",
        "en": "No targets for {year}.",
    },
    "target_reached": {
        "zh": "✔ 已完成",
        "en": "✔ reached",
    },
    "target_on_track": {
        "zh": "● 按进度",
        "en": "● on track",
    },
    "target_lagging": {
        "zh": "▼ 滞后",
        "en": "▼ behind schedule",
    },
    "target_missed": {
        "zh": "✖ 未完成",
        "en": "✖ missed",
    },
    "target_unknown": {
        "zh": "— 无数据",
        "en": "— no figure",
    },
    "targets_note": {
        "zh": (
            "“计划完成度”是今年计划增量已完成的比例：流量指标（资金、培训）为年初至今累计 ÷ 年"
            "度目标；存量指标和比率为（当前 − 年初水平）÷（目标 − 年初水平）。100% 即全年目标已"
            "达到，可超过 100%；“应完成”是按时间进度此时应完成的比例（每季度 25%）。落后于应完"
            "成超过 10 个百分点为“滞后”。"
        ),
        "en": (
            "'Share of the year's plan done' is how much of this year's planned change is done:"
            " for a flow (money, trainings) the year-to-date total ÷ the annual target; for a s"
            "tock or a rate (current − start-of-year level) ÷ (target − start-of-year level). 1"
            "00 % means the year's target is reached; it may exceed 100 %. 'Due by now' is the "
            "share the calendar expects (25 % a quarter); more than 10 points short of it is 'b"
            "ehind schedule'."
        ),
    },
    "method_rules": {
        "zh": "精确规则（代码中的说明，英文）",
        "en": "The exact rules, as the code states them",
    },
    "screen": {
        "zh": "大屏",
        "en": "Wall screen",
    },
    "screen_heading": {
        "zh": "{home}工会对标",
        "en": "{home} union benchmarks",
    },
    "vs_bench": {
        "zh": "对标{bench}",
        "en": "vs {bench}",
    },
    "demo_tag": {
        "zh": "演示数据",
        "en": "demo data",
    },
    "screen_ranking": {
        "zh": "县区排名（{unit}）",
        "en": "County ranking ({unit})",
    },
    "screen_gaps": {
        "zh": "与{bench}对比（{unit}）",
        "en": "Against {bench} ({unit})",
    },
    "screen_slide_overview": {
        "zh": "总览",
        "en": "Overview",
    },
    "screen_slide_indicator": {
        "zh": "短板",
        "en": "Lagging",
    },
    "screen_slide_chosen": {
        "zh": "指标",
        "en": "Indicator",
    },
    "screen_slide_ranking": {
        "zh": "县区",
        "en": "Counties",
    },
    "screen_slide_trend": {
        "zh": "趋势",
        "en": "Trend",
    },
    "screen_basis": {
        "zh": "按 {unit} 比较",
        "en": "compared in {unit}",
    },
    "screen_rank_trend": {
        "zh": "排名 {rank} · 趋势 {trend}",
        "en": "rank {rank} · trend {trend}",
    },
    "screen_needed": {
        "zh": "年底追平：{needed}",
        "en": "to catch up by year end: {needed}",
    },
    "screen_each_member": {
        "zh": "{home}与各对标城市",
        "en": "{home} against each benchmark city",
    },
    "screen_county_heading": {
        "zh": "{city}各县区排名（对标{bench}各县区）",
        "en": "Counties of {city}, ranked (against the counties of {bench})",
    },
    "screen_trend_heading": {
        "zh": "近 8 个季度：{home}与{bench}",
        "en": "Last 8 quarters: {home} and {bench}",
    },
    "screen_drag": {
        "zh": "落后最多的县区（对标{bench}各县区）",
        "en": "Counties furthest behind (against the counties of {bench})",
    },
    "screen_overview_what": {
        "zh": "重点指标，各按其口径（每万名职工或比率）",
        "en": "key indicators, each on its basis (per 10,000 workers or a rate)",
    },
    "list_sep": {
        "zh": "、",
        "en": ", ",
    },
    "screen_legend_ahead": {
        "zh": "领先",
        "en": "ahead",
    },
    "screen_legend_level": {
        "zh": "持平",
        "en": "level",
    },
    "screen_legend_behind": {
        "zh": "落后",
        "en": "behind",
    },
    "screen_link_note": {
        "zh": "链接参数有误，已用默认值：{keys}",
        "en": "Link values not understood, defaults used: {keys}",
    },
    "screen_stale": {
        "zh": "数据暂时无法读取，显示 {time} 的画面",
        "en": "Data unreachable: showing the frame of {time}",
    },
    "gap_region": {
        "zh": "本地区域",
        "en": "Home region",
    },
    "reference": {
        "zh": "对标口径",
        "en": "Compare with",
    },
    "reference_average": {
        "zh": "对标组平均",
        "en": "Set average",
    },
    "reference_best": {
        "zh": "对标组最优",
        "en": "Best in set",
    },
    "reference_p90": {
        "zh": "全省前 10% 水平",
        "en": "Provincial top 10 %",
    },
    "gaps_heading": {
        "zh": "{region} · 对标{bench}（{reference}） · {period}",
        "en": "{region} · vs {bench} ({reference}) · {period}",
    },
    "strengths": {
        "zh": "优势",
        "en": "Strengths",
    },
    "weaknesses": {
        "zh": "短板",
        "en": "Weaknesses",
    },
    "none_listed": {
        "zh": "无",
        "en": "none this quarter",
    },
    "context_heading": {
        "zh": "背景指标（随规模增长的总量与基数，只列出不评判）",
        "en": "Context (totals that grow with size, and bases: shown, not judged)",
    },
    "gap_table_heading": {
        "zh": "逐项差距",
        "en": "Indicator by indicator",
    },
    "home_figure": {
        "zh": "本地",
        "en": "Home",
    },
    "relative_gap": {
        "zh": "相对差距",
        "en": "Relative",
    },
    "catch_up": {
        "zh": "追平预计",
        "en": "Catch-up",
    },
    "catch_up_quarters": {
        "zh": "约 {n} 个季度",
        "en": "about {n} quarters",
    },
    "catch_up_ahead": {
        "zh": "已领先",
        "en": "already ahead",
    },
    "catch_up_never": {
        "zh": "按当前速度无法追上",
        "en": "not at the current pace",
    },
    "catch_up_unknown": {
        "zh": "数据不足",
        "en": "too little data",
    },
    "needed": {
        "zh": "年底追平还需",
        "en": "Still needed to draw level by year end",
    },
    "profile_radar": {
        "zh": "综合画像（组内 0–100 分，100 为最好）",
        "en": "Profile (0–100 within the group, 100 = best)",
    },
    "contributions_heading": {
        "zh": "各县区对差距的贡献 · {indicator}",
        "en": "What each county adds to the gap · {indicator}",
    },
    "contributions_note": {
        "zh": "按县区规模精确分解，各县区贡献之和等于全市差距（{unit}）。负值表示拉低全市。",
        "en": (
            "An exact split by county size: the contributions add up to the city's gap ({unit})"
            ". Negative pulls the city down."
        ),
    },
    "biggest_drag": {
        "zh": "拉低最多：{county}",
        "en": "Largest drag: {county}",
    },
    "briefing_docx": {
        "zh": "下载季度通报（Word）",
        "en": "Download the briefing (Word)",
    },
    "briefing_pdf": {
        "zh": "下载季度通报（PDF）",
        "en": "Download the briefing (PDF)",
    },
    "briefing_reference_average": {
        "zh": "县区通报与对标城市所辖县区比较，不与单个城市比较：通报按对标组县区平均水平撰写。",
        "en": (
            "A county's briefing reads it against the benchmark cities' counties, not one city: it uses their average."
        ),
    },
    "upload": {
        "zh": "数据上传",
        "en": "Upload",
    },
    "upload_heading": {
        "zh": "季度数据上传",
        "en": "Quarterly upload",
    },
    "no_upload_users": {
        "zh": (
            "尚未设置账号：请在服务器上运行 unionbench users add 用户名 --role admin 添加管理员"
            "（或在 .streamlit/secrets.toml 的 [upload_users] 中配置），然后刷新本页。"
        ),
        "en": (
            "No accounts yet: run `unionbench users add NAME --role admin` on the server (or configure one under "
            "[upload_users] in .streamlit/secrets.toml), then reload this page."
        ),
    },
    "sign_in": {
        "zh": "登录后上传",
        "en": "Sign in to upload",
    },
    "user_name": {
        "zh": "用户名",
        "en": "User name",
    },
    "password": {
        "zh": "密码",
        "en": "Password",
    },
    "sign_in_button": {
        "zh": "登录",
        "en": "Sign in",
    },
    "sign_in_failed": {
        "zh": "用户名或密码不正确。",
        "en": "Wrong user name or password.",
    },
    "signed_in_as": {
        "zh": "已登录：{user}",
        "en": "Signed in as {user}",
    },
    "sign_out": {
        "zh": "退出登录",
        "en": "Sign out",
    },
    "step_template": {
        "zh": "① 下载填报模板",
        "en": "① Download the template",
    },
    "template_hint": {
        "zh": (
            "模板逐行列出{home}各县区需填报的指标，附上季度数值（仅供参考，不导入）和“填报说明”工作表；"
            "比率由系统根据分子分母自动计算，无需填写。"
        ),
        "en": (
            "The template lists each county of {home} and indicator to report, row by row, with last quarter's "
            "figure for reference (not imported) and an instructions sheet; rates are computed from their parts."
        ),
    },
    "template_csv": {
        "zh": "下载 CSV 模板",
        "en": "Download CSV template",
    },
    "template_xlsx": {
        "zh": "下载 Excel 模板",
        "en": "Download Excel template",
    },
    "step_upload": {
        "zh": "② 上传填好的文件",
        "en": "② Upload the filled-in file",
    },
    "upload_file": {
        "zh": "CSV 或 Excel（.xlsx）文件",
        "en": "CSV or Excel (.xlsx) file",
    },
    "period_for_file": {
        "zh": "季度（仅当文件中没有季度列时使用）",
        "en": "Quarter (used only when the file has no period column)",
    },
    "checking": {
        "zh": "正在检查文件…",
        "en": "Checking the file…",
    },
    "rejected": {
        "zh": "文件未通过检查：发现 {count} 个问题，未写入任何数据。请修改后重新上传。",
        "en": (
            "The file was not accepted: {count} problem(s) found and nothing was written. Fix them and upload again."
        ),
    },
    "more_problems": {
        "zh": "只列出前 {shown} 个问题（共 {count} 个），完整清单请下载。",
        "en": "The first {shown} of {count} problems are listed; download the full list.",
    },
    "problems_download": {
        "zh": "下载问题清单（CSV）",
        "en": "Download the problem list (CSV)",
    },
    "warnings_heading": {
        "zh": "请留意（不影响导入）：{count} 条",
        "en": "Worth a look (does not block): {count}",
    },
    "row": {
        "zh": "行",
        "en": "Row",
    },
    "column": {
        "zh": "列",
        "en": "Column",
    },
    "cell_value": {
        "zh": "单元格内容",
        "en": "Cell",
    },
    "reason": {
        "zh": "原因",
        "en": "Reason",
    },
    "reason_other": {
        "zh": "Reason (English)",
        "en": "原因（中文）",
    },
    "step_preview": {
        "zh": "③ 预览并确认",
        "en": "③ Preview and confirm",
    },
    "preview_new": {
        "zh": "新增",
        "en": "New",
    },
    "preview_changed": {
        "zh": "修改",
        "en": "Changed",
    },
    "preview_unchanged": {
        "zh": "不变",
        "en": "Unchanged",
    },
    "preview_nothing": {
        "zh": "文件中的数字与库中完全相同，提交不会改变任何数据。",
        "en": "Every figure in the file equals the stored one: committing would change nothing.",
    },
    "old_value": {
        "zh": "原值",
        "en": "Old",
    },
    "new_value": {
        "zh": "新值",
        "en": "New",
    },
    "change_status": {
        "zh": "类型",
        "en": "Type",
    },
    "commit_button": {
        "zh": "确认提交",
        "en": "Commit",
    },
    "committed": {
        "zh": (
            "已提交：上传 #{id}，新增 {added} 个、修改 {changed} 个、不变 {unchanged} 个数值。"
            "所有页面（含大屏）将在数秒内显示新数据。"
        ),
        "en": (
            "Committed as upload #{id}: {added} new, {changed} changed, {unchanged} unchanged. "
            "Every open page, the wall screen included, shows the new figures within seconds."
        ),
    },
    "already_imported": {
        "zh": (
            "这个文件已于上传 #{previous} 导入过，其数值与库中当前数值相同，本次未做任何更改（"
            "记录为上传 #{id}，0 个更改）。"
        ),
        "en": (
            "This file was already imported as upload #{previous} and its figures are the curre"
            "nt ones: nothing was changed (recorded as upload #{id}, 0 changed)."
        ),
    },
    "changed_nothing": {
        "zh": "文件中的数值与库中当前数值相同，本次未做任何更改（记录为上传 #{id}，0 个更改）。",
        "en": (
            "Every figure in the file is the current one: nothing was changed (recorded as upload #{id}, 0 changed)."
        ),
    },
    "problem_counts": {
        "zh": "各类问题数量：",
        "en": "Problems by kind: ",
    },
    "busy": {
        "zh": "数据库正在被另一项写入占用，请稍后再试。未写入任何数据。",
        "en": "Another write is in progress; try again shortly. Nothing was written.",
    },
    "history_heading": {
        "zh": "上传记录",
        "en": "Upload history",
    },
    "upload_id": {
        "zh": "编号",
        "en": "ID",
    },
    "file_name": {
        "zh": "文件",
        "en": "File",
    },
    "uploaded_by": {
        "zh": "上传人",
        "en": "By",
    },
    "uploaded_at": {
        "zh": "时间",
        "en": "Time",
    },
    "layout": {
        "zh": "格式",
        "en": "Layout",
    },
    "status": {
        "zh": "状态",
        "en": "Status",
    },
    "status_committed": {
        "zh": "有效",
        "en": "committed",
    },
    "status_reverted": {
        "zh": "已撤销",
        "en": "reverted",
    },
    "revert_pick": {
        "zh": "撤销某次上传",
        "en": "Revert an upload",
    },
    "revert_confirm": {
        "zh": "我确认撤销上传 #{id}（其数值将恢复为上传前的版本，历史记录保留）",
        "en": ("I confirm reverting upload #{id} (its figures go back to their earlier versions; history is kept)"),
    },
    "revert_button": {
        "zh": "撤销",
        "en": "Revert",
    },
    "reverted": {
        "zh": "已撤销上传 #{id}。",
        "en": "Upload #{id} was reverted.",
    },
    "demo_data_label": {
        "zh": "（演示数据）",
        "en": " (demo data)",
    },
    # --- the comparison read model (unionbench.compare) ------------------------------------------------------
    "cmp.ahead": {
        "zh": "领先",
        "en": "ahead",
    },
    "cmp.level": {
        "zh": "持平",
        "en": "level",
    },
    "cmp.behind": {
        "zh": "落后",
        "en": "behind",
    },
    "cmp.not_judged": {
        "zh": "不作评判（随规模增长的总量）",
        "en": "not judged (a total that grows with size)",
    },
    "cmp.no_reference": {
        "zh": "无对标数据",
        "en": "no benchmark figure",
    },
    "cmp.per_base": {
        "zh": "{unit}/万名职工",
        "en": "{unit} per 10,000 workers",
    },
    "cmp.points": {
        "zh": "个百分点",
        "en": "points",
    },
    "cmp.small": {
        "zh": "（数量较小，仅供参考）",
        "en": " (small numbers: read with care)",
    },
    "cmp.better": {
        "zh": "好于对标",
        "en": "better than the benchmark",
    },
    "cmp.worse": {
        "zh": "差于对标",
        "en": "worse than the benchmark",
    },
    "cmp.as_of": {
        "zh": "对标数据截至{period}",
        "en": "benchmark figures as of {period}",
    },
    "cmp.both_on": {
        "zh": "对标数据截至{period}，双方均按该季度比较（当季发生额）",
        "en": ("benchmark figures as of {period}; both sides read on that quarter (an amount in the quarter)"),
    },
    "cmp.more": {
        "zh": "多",
        "en": "more",
    },
    "cmp.less": {
        "zh": "少",
        "en": "fewer",
    },
    "cmp.higher": {
        "zh": "高",
        "en": "higher",
    },
    "cmp.lower": {
        "zh": "低",
        "en": "lower",
    },
    "cmp.sentence": {
        "zh": "{home}，比对标（{bench}）{more_less}{delta}{rel}，{verdict}",
        "en": "{home}, {delta}{rel} {more_less} than the benchmark ({bench}): {verdict}",
    },
    "cmp.sentence_level": {
        "zh": "{home}，与对标（{bench}）基本持平",
        "en": "{home}, about level with the benchmark ({bench})",
    },
    "cmp.improving": {
        "zh": "改善",
        "en": "improving",
    },
    "cmp.stagnating": {
        "zh": "停滞",
        "en": "stagnating",
    },
    "cmp.worsening": {
        "zh": "下滑",
        "en": "worsening",
    },
    "cmp.unknown": {
        "zh": "—",
        "en": "—",
    },
    "cmp.catch_up_ahead": {
        "zh": "已领先",
        "en": "already ahead",
    },
    "cmp.catch_up_quarters": {
        "zh": "按近四季速度约{n}个季度",
        "en": "about {n} quarters at the last four quarters' pace",
    },
    "cmp.catch_up_never": {
        "zh": "近四季对标增长更快，按此速度追不上",
        "en": "the benchmark grew faster over the last four quarters: not at this pace",
    },
    "cmp.catch_up_unknown": {
        "zh": "数据不足",
        "en": "not enough data",
    },
    "cmp.needed": {
        "zh": "每季{verb}{amount}",
        "en": "{verb} {amount} a quarter",
    },
    "cmp.rise": {
        "zh": "需增",
        "en": "up",
    },
    "cmp.fall": {
        "zh": "需减",
        "en": "down",
    },
    "cmp.rank": {
        "zh": "{rank}/{of}",
        "en": "{rank} of {of}",
    },
    "cmp.headline_behind": {
        "zh": "{judged} 项指标中 {behind} 项落后于{bench}",
        "en": "{behind} of {judged} indicators behind {bench}",
    },
    "cmp.headline_none_behind": {
        "zh": "{judged} 项指标无一落后于{bench}",
        "en": "No indicator of {judged} behind {bench}",
    },
    "cmp.headline_nothing": {
        "zh": "暂无可与{bench}对标的指标",
        "en": "No indicator can be compared with {bench} yet",
    },
    "cmp.headline_worst": {
        "zh": "差距最大：{name} {lead}",
        "en": "Largest gap: {name} {lead}",
    },
    "cmp.headline_improved": {
        "zh": "差距较上季改善 {n} 项",
        "en": "{n} gaps better than last quarter",
    },
    "cmp.headline_sep": {
        "zh": " · ",
        "en": " · ",
    },
    "cmp.reference_line": {
        "zh": "对标水平",
        "en": "benchmark level",
    },
    # --- the quarterly briefing (unionbench.briefing) ----------------------------------------------------------
    "brief.title": {
        "zh": "{region}工会工作对标分析季度通报",
        "en": "{region}: quarterly union benchmarking briefing",
    },
    "brief.subtitle": {
        "zh": "{period}",
        "en": "{period}",
    },
    "brief.meta_region": {
        "zh": "地区",
        "en": "Region",
    },
    "brief.meta_benchmark": {
        "zh": "对标",
        "en": "Benchmark",
    },
    "brief.meta_period": {
        "zh": "季度",
        "en": "Quarter",
    },
    "brief.meta_generated": {
        "zh": "生成时间",
        "en": "Generated",
    },
    "brief.meta_version": {
        "zh": "数据版本",
        "en": "Data version",
    },
    "brief.demo_notice": {
        "zh": ("注意：本通报使用演示数据（由固定种子生成，在种子材料给出处与之一致），仅供展示，不代表真实工作情况。"),
        "en": (
            "Note: this briefing uses demo data (generated from a fixed seed, matching the seed"
            " articles where they give figures). It is for demonstration only and does not desc"
            "ribe real work."
        ),
    },
    "brief.s_overview": {
        "zh": "一、总体情况",
        "en": "1. Overview",
    },
    "brief.s_groups": {
        "zh": "二、分项指标",
        "en": "2. Indicators by group",
    },
    "brief.s_strengths": {
        "zh": "三、优势与短板",
        "en": "3. Strengths and weaknesses",
    },
    "brief.s_counties": {
        "zh": "四、县区差距来源",
        "en": "4. Where the gaps come from: counties",
    },
    "brief.s_targets": {
        "zh": "五、年度目标进度",
        "en": "5. Progress on this year's targets",
    },
    "brief.s_data": {
        "zh": "六、数据来源与说明",
        "en": "6. Data sources and method",
    },
    "brief.group_heading": {
        "zh": "（{n}）{group}",
        "en": "2.{n} {group}",
    },
    "brief.overview": {
        "zh": (
            "{period}，{region}{total}项对标指标中，{ahead}项领先{reference}，{level}项与之基本"
            "持平（差距在预警线以内，高低均算），{behind}项落后{unknown}。"
        ),
        "en": (
            "In {period}, of {region}'s {total} benchmarked indicators {ahead} are ahead of {re"
            "ference}, {level} are level with it (within the amber band, either way) and {behin"
            "d} are behind{unknown}."
        ),
    },
    "brief.overview_unknown": {
        "zh": "，{n}项缺少可比数据",
        "en": "; {n} lack comparable figures",
    },
    "brief.overview_context": {
        "zh": "另有{n}项（{items}）为随地区规模增长的总量，仅作参考，不作评判。",
        "en": ("{n} more ({items}) are totals that grow with the size of a place: shown for context, not judged."),
    },
    "brief.overview_as_of": {
        "zh": "{note}：对标地区尚未报送{period}的数据，各项与其最新报送的季度比较。",
        "en": (
            "{note}: the benchmark regions have not reported {period} yet, so each indicator is"
            " compared with their latest reported quarter."
        ),
    },
    "brief.overview_worst": {
        "zh": "差距最大的是{items}。",
        "en": "The largest gaps are in {items}.",
    },
    "brief.overview_best": {
        "zh": "领先最多的是{items}。",
        "en": "The largest leads are in {items}.",
    },
    "brief.headline_caption": {
        "zh": "表{n}\u3000核心指标与对标差距（{reference}）",
        "en": "Table {n}. Headline indicators and their gaps ({reference})",
    },
    "brief.gap_chart_caption": {
        "zh": ("图{n}\u3000各项指标相对{reference}的领先（+）与落后（−）：比率为百分点，其余为相对差距%"),
        "en": ("Figure {n}. Lead (+) or gap (−) to {reference}: rates in points, others in % of the benchmark"),
    },
    "brief.trend_chart_caption": {
        "zh": "图{n}\u3000核心指标近八个季度走势：{region}与{reference}（可比口径）",
        "en": ("Figure {n}. Headline indicators over eight quarters: {region} and {reference} (comparable terms)"),
    },
    "brief.group_caption": {
        "zh": "表{n}\u3000{group}指标（排名为{peers}中的位次，1为最好）",
        "en": "Table {n}. {group} (rank among {peers}; 1 = best)",
    },
    "brief.radar_caption": {
        "zh": "图{n}\u3000各项指标在{peers}中的相对得分（0–100，100为组内最好）",
        "en": "Figure {n}. Relative scores among {peers} (0–100; 100 = best in the group)",
    },
    "brief.contrib_caption": {
        "zh": "图{n}\u3000{indicator}差距的县区构成（{unit}）",
        "en": "Figure {n}. Counties' shares of the gap in {indicator} ({unit})",
    },
    "brief.county_table_caption": {
        "zh": ("表{n}\u3000各县区核心指标（可比口径；县区与{county_reference}比较，全市与{reference}比较）"),
        "en": (
            "Table {n}. Counties on the headline indicators (comparable terms; counties against"
            " {county_reference}, the city against {reference})"
        ),
    },
    "brief.targets_caption": {
        "zh": "表{n}\u3000进度滞后或未完成的年度目标",
        "en": "Table {n}. Annual targets lagging or missed",
    },
    "brief.uploads_caption": {
        "zh": "表{n}\u3000本通报所用数据的上传记录",
        "en": "Table {n}. Uploads behind this briefing's figures",
    },
    "brief.col_indicator": {
        "zh": "指标",
        "en": "Indicator",
    },
    "brief.col_value": {
        "zh": "本期数值",
        "en": "This quarter",
    },
    "brief.col_change": {
        "zh": "较上期",
        "en": "Change",
    },
    "brief.col_qoq": {
        "zh": "较上季度",
        "en": "vs last quarter",
    },
    "brief.col_yoy": {
        "zh": "较上年同期",
        "en": "vs a year ago",
    },
    "brief.col_rank": {
        "zh": "排名",
        "en": "Rank",
    },
    "brief.col_home": {
        "zh": "本地（可比口径）",
        "en": "Home (comparable)",
    },
    "brief.col_bench": {
        "zh": "对标值",
        "en": "Benchmark",
    },
    "brief.col_gap": {
        "zh": "差距",
        "en": "Gap",
    },
    "brief.col_status": {
        "zh": "研判",
        "en": "Status",
    },
    "brief.col_trend": {
        "zh": "趋势",
        "en": "Trend",
    },
    "brief.col_region": {
        "zh": "地区",
        "en": "Region",
    },
    "brief.col_target": {
        "zh": "年度目标",
        "en": "Target",
    },
    "brief.col_actual": {
        "zh": "当前完成",
        "en": "Actual",
    },
    "brief.col_progress": {
        "zh": "完成进度",
        "en": "Done",
    },
    "brief.col_due": {
        "zh": "应完成",
        "en": "Due",
    },
    "brief.col_upload": {
        "zh": "上传编号",
        "en": "Upload",
    },
    "brief.col_file": {
        "zh": "文件",
        "en": "File",
    },
    "brief.col_user": {
        "zh": "上传人",
        "en": "By",
    },
    "brief.col_time": {
        "zh": "上传时间",
        "en": "When",
    },
    "brief.col_figures": {
        "zh": "数据条数",
        "en": "Figures",
    },
    "brief.col_demo": {
        "zh": "演示数据",
        "en": "Demo",
    },
    "brief.city_row": {
        "zh": "{city}（全市）",
        "en": "{city} (city)",
    },
    "brief.bench_row": {
        "zh": "对标值",
        "en": "Benchmark",
    },
    "brief.bench_row_county": {
        "zh": "对标值（县区）",
        "en": "Benchmark (counties)",
    },
    "brief.bench_row_city": {
        "zh": "对标值（全市）",
        "en": "Benchmark (city)",
    },
    "brief.yes": {
        "zh": "是",
        "en": "yes",
    },
    "brief.no": {
        "zh": "否",
        "en": "no",
    },
    "brief.status_ahead": {
        "zh": "领先",
        "en": "ahead",
    },
    "brief.status_level": {
        "zh": "持平",
        "en": "level",
    },
    "brief.status_behind": {
        "zh": "落后",
        "en": "behind",
    },
    "brief.status_unknown": {
        "zh": "—",
        "en": "—",
    },
    "brief.status_reached": {
        "zh": "已完成",
        "en": "reached",
    },
    "brief.status_on_track": {
        "zh": "正常",
        "en": "on track",
    },
    "brief.status_lagging": {
        "zh": "滞后",
        "en": "lagging",
    },
    "brief.status_missed": {
        "zh": "未完成",
        "en": "missed",
    },
    "brief.trend_improving": {
        "zh": "改善",
        "en": "better",
    },
    "brief.trend_stagnating": {
        "zh": "停滞",
        "en": "flat",
    },
    "brief.trend_worsening": {
        "zh": "下滑",
        "en": "worse",
    },
    "brief.trend_unknown": {
        "zh": "—",
        "en": "—",
    },
    "brief.ref_average": {
        "zh": "{set}平均水平",
        "en": "the {set} average",
    },
    "brief.ref_single": {
        "zh": "{set}水平",
        "en": "{set}",
    },
    "brief.ref_province_average": {
        "zh": "{set}水平（全省其他{n}个市州）",
        "en": "{set} (the other {n} cities)",
    },
    "brief.ref_best": {
        "zh": "{set}最优水平",
        "en": "the best of {set}",
    },
    "brief.ref_p90": {
        "zh": "全省前10%水平（第90百分位）",
        "en": "the provincial top-10% level (90th percentile)",
    },
    "brief.ref_member": {
        "zh": "{member}水平",
        "en": "{member}",
    },
    "brief.ref_average_counties": {
        "zh": "{set}所辖县区平均水平",
        "en": "the {set} counties' average",
    },
    "brief.ref_single_counties": {
        "zh": "{set}所辖县区水平",
        "en": "the counties of {set}",
    },
    "brief.ref_province_average_counties": {
        "zh": "{set}县区水平（全省其他县区）",
        "en": "{set} (the province's other counties)",
    },
    "brief.ref_best_counties": {
        "zh": "{set}所辖县区最优水平",
        "en": "the best county of {set}",
    },
    "brief.ref_p90_counties": {
        "zh": "全省县区前10%水平（第90百分位）",
        "en": "the provincial top-10% county level (90th percentile)",
    },
    "brief.peers_cities": {
        "zh": "{n}市",
        "en": "{n} cities",
    },
    "brief.peers_counties": {
        "zh": "{city}{n}个县区",
        "en": "the {n} counties of {city}",
    },
    "brief.stock_value": {
        "zh": "{name}：季末{value}",
        "en": "{name}: {value} at quarter end",
    },
    "brief.flow_value": {
        "zh": "{name}：本季度{value}",
        "en": "{name}: {value} in the quarter",
    },
    "brief.flow_value_at": {
        "zh": "{name}：{period}{value}（对标地区尚未报送本季度，流量指标双方均取该季度）",
        "en": (
            "{name}: {value} in {period} (the benchmark has not reported this quarter yet; a fl"
            "ow is compared on the same quarter for both)"
        ),
    },
    "brief.rate_value": {
        "zh": "{name}：{value}",
        "en": "{name}: {value}",
    },
    "brief.change_up": {
        "zh": "，较{when}增加{delta}{rel}",
        "en": ", up {delta}{rel} on {when}",
    },
    "brief.change_down": {
        "zh": "，较{when}减少{delta}{rel}",
        "en": ", down {delta}{rel} on {when}",
    },
    "brief.change_rate_up": {
        "zh": "，较{when}提高{delta}",
        "en": ", up {delta} on {when}",
    },
    "brief.change_rate_down": {
        "zh": "，较{when}下降{delta}",
        "en": ", down {delta} on {when}",
    },
    "brief.change_flat": {
        "zh": "，与{when}基本持平",
        "en": ", about the same as {when}",
    },
    "brief.change_none": {
        "zh": "",
        "en": "",
    },
    "brief.when_qoq": {
        "zh": "上季度",
        "en": "the previous quarter",
    },
    "brief.when_yoy": {
        "zh": "上年同期",
        "en": "a year ago",
    },
    "brief.compared_per10k": {
        "zh": "，折合{value}",
        "en": "; {value}",
    },
    "brief.gap_better": {
        "zh": "，比{reference}（{bench}）{more_less}{delta}{rel}，{verdict}",
        "en": ", {delta} {more_less} than {reference} ({bench}){rel}: {verdict}",
    },
    "brief.gap_level": {
        "zh": "，与{reference}（{bench}）持平",
        "en": ", level with {reference} ({bench})",
    },
    "brief.more": {
        "zh": "多",
        "en": "more",
    },
    "brief.less": {
        "zh": "少",
        "en": "fewer",
    },
    "brief.higher": {
        "zh": "高",
        "en": "higher",
    },
    "brief.lower": {
        "zh": "低",
        "en": "lower",
    },
    "brief.rel": {
        "zh": "（{sign}{pct}）",
        "en": " ({sign}{pct})",
    },
    "brief.verdict_ahead": {
        "zh": "好于对标",
        "en": "ahead",
    },
    "brief.verdict_level_better": {
        "zh": "略好于对标，属基本持平（在{band}预警线以内）",
        "en": "slightly better, about level (within the {band} band)",
    },
    "brief.verdict_level_worse": {
        "zh": "略差于对标，属基本持平（在{band}预警线以内）",
        "en": "slightly behind, about level (within the {band} band)",
    },
    "brief.verdict_behind": {
        "zh": "落后于对标",
        "en": "behind",
    },
    "brief.small_numbers": {
        "zh": "（数量较小，仅供参考）",
        "en": " (small numbers; read with care)",
    },
    "brief.gap_missing": {
        "zh": "，缺少可比数据，无法与{reference}比较",
        "en": "; no comparable figure to compare with {reference}",
    },
    "brief.not_judged": {
        "zh": "；此项为随地区规模增长的总量，仅作参考，不与对标比较",
        "en": "; a total that grows with the size of a place: shown for context, not compared",
    },
    "brief.trend_sentence": {
        "zh": "；近四个季度{trend}",
        "en": "; {trend} over the last four quarters",
    },
    "brief.trend_improving_s": {
        "zh": "呈改善趋势",
        "en": "improving",
    },
    "brief.trend_stagnating_s": {
        "zh": "基本停滞",
        "en": "standing still",
    },
    "brief.trend_worsening_s": {
        "zh": "呈下滑趋势",
        "en": "worsening",
    },
    "brief.catch_closing": {
        "zh": "；按双方近四个季度的增速，约{n}个季度可追平",
        "en": ("; at both sides' pace over the last four quarters the gap closes in about {n} quarters"),
    },
    "brief.catch_widening": {
        "zh": "；按当前增速差距仍在扩大，难以追平",
        "en": "; at the current pace the gap is widening and will not close",
    },
    "brief.catch_too_slow": {
        "zh": "；按当前增速十年内难以追平",
        "en": "; at the current pace it will not close within ten years",
    },
    "brief.catch_not_enough_data": {
        "zh": "；数据不足，无法预测追平时间",
        "en": "; too little data to project a catch-up",
    },
    "brief.catch_ahead": {
        "zh": "；按近四个季度累计已不落后",
        "en": "; over the last four quarters taken together it is not behind",
    },
    "brief.needed_stock": {
        "zh": "；如要年底前达到对标水平，每季度需{up_down}{amount}",
        "en": "; to reach the benchmark by year end it must {up_down} by {amount} a quarter",
    },
    "brief.needed_flow": {
        "zh": "；如要全年累计达到对标水平，其余{left}个季度每季度需完成{amount}",
        "en": (
            "; for the year's total to reach the benchmark, each of the remaining {left} quarters must bring {amount}"
        ),
    },
    "brief.needed_flow_last": {
        "zh": "；如要全年累计达到对标水平，第四季度需完成{amount}",
        "en": ("; for the year's total to reach the benchmark, the fourth quarter must bring {amount}"),
    },
    "brief.raise": {
        "zh": "提高",
        "en": "rise",
    },
    "brief.cut": {
        "zh": "减少",
        "en": "fall",
    },
    "brief.about": {
        "zh": "（约{raw}）",
        "en": " (about {raw})",
    },
    "brief.end": {
        "zh": "。",
        "en": ".",
    },
    "brief.band_points": {
        "zh": "{band}个百分点",
        "en": "{band}-point",
    },
    "brief.band_pct": {
        "zh": "{band}%",
        "en": "{band}%",
    },
    "brief.strengths_title": {
        "zh": "优势指标",
        "en": "Strengths",
    },
    "brief.weaknesses_title": {
        "zh": "短板指标",
        "en": "Weaknesses",
    },
    "brief.no_strengths": {
        "zh": "本季度没有明显领先的指标（领先幅度均在预警线以内）。",
        "en": "No indicator is clearly ahead this quarter (every lead is within the amber band).",
    },
    "brief.no_weaknesses": {
        "zh": "本季度没有明显落后的指标（落后幅度均在预警线以内）。",
        "en": "No indicator is clearly behind this quarter (every gap is within the amber band).",
    },
    "brief.contrib_intro": {
        "zh": "{indicator}（差距{gap}）：",
        "en": "{indicator} (gap {gap}): ",
    },
    "brief.contrib_item": {
        "zh": "{county}{verb}{amount}{level}",
        "en": "{county} {verb} {amount}{level}",
    },
    "brief.contrib_pull_down": {
        "zh": "拉低",
        "en": "pulls it down by",
    },
    "brief.contrib_push_up": {
        "zh": "拉高",
        "en": "lifts it by",
    },
    "brief.contrib_level": {
        "zh": "（按对标水平计{more_less}{raw}）",
        "en": " ({raw} {more_less} than at the benchmark level)",
    },
    "brief.contrib_none": {
        "zh": "各县区数据不全，无法分解差距。",
        "en": "The counties' figures are incomplete; the gap cannot be split.",
    },
    "brief.counties_intro": {
        "zh": ("以下按差距从大到小列出主要短板指标的县区构成：县区贡献按其在全市基数中的占比加权，合计等于全市差距。"),
        "en": (
            "The main weaknesses, split by county: each county's own gap weighted by its share "
            "of the city's base; the parts add up to the city's gap."
        ),
    },
    "brief.no_county_section": {
        "zh": "本通报以县区为对象，县区差距构成见所属市的通报。",
        "en": ("This briefing is about a county; its city's briefing splits the city's gaps by county."),
    },
    "brief.targets_summary": {
        "zh": (
            "{year}年共{total}项年度目标：已完成{reached}项，进度正常{on_track}项，滞后{lagging"
            "}项，未完成{missed}项，缺数据{unknown}项（按{period}末进度，时间进度为{due}）。"
        ),
        "en": (
            "{total} targets for {year}: {reached} reached, {on_track} on track, {lagging} lagg"
            "ing, {missed} missed, {unknown} without data (at the end of {period}; {due} of the"
            " year elapsed)."
        ),
    },
    "brief.targets_none": {
        "zh": "{year}年尚未录入年度目标。",
        "en": "No annual targets have been entered for {year}.",
    },
    "brief.no_lagging": {
        "zh": "没有进度滞后的目标。",
        "en": "No target is lagging.",
    },
    "brief.lagging_intro": {
        "zh": "进度滞后的地区：{items}。",
        "en": "Lagging: {items}.",
    },
    "brief.uploads_intro": {
        "zh": "本通报所用数字均取自当前数据库，与看板页面所示一致；共涉及{n}次上传：",
        "en": (
            "Every figure comes from the current database, as the dashboard's pages show it; {n"
            "} upload(s) are behind them:"
        ),
    },
    "brief.no_uploads": {
        "zh": "没有找到相关上传记录。",
        "en": "No uploads found for these figures.",
    },
    "brief.method_title": {
        "zh": "口径说明",
        "en": "Method",
    },
    "brief.method": {
        "zh": [
            "对标值：{reference_rule}；比较的地区不含本地。",
            (
                "可比口径：{per_10k}按每万名职工计算；{rates}为合计相除（Σ分子÷Σ分母），不是各地比率的平均，"
                "差距以百分点表示。"
            ),
            (
                "研判：与对标相差不超过预警线（每万名职工指标为对标值的10%，比率为2个百分点）为基本"
                "持平，高低均算；超过预警线，好于对标为领先，差于对标为落后。差距以好为正。越少越好的指标，"
                "少于对标为领先。"
            ),
            (
                "{totals}等随地区规模增长的总量仅作参考，不作评判；"
                "双方数量均不足10的，不计百分比，不列为优势或短板。县区与对标城市所辖县区比较，城市"
                "与城市比较。"
            ),
            ("对标地区尚未报送本季度数据时，与其最新完整报送的季度比较，并注明“对标数据截至某季度”。"),
            ("变化：存量指标与上季度比较，流量指标（{flows}）与上年同期比较，避免季节因素。"),
            ("趋势：近四个季度的最小二乘斜率；每季度变化不足均值的1%（比率不足0.25个百分点）为停滞。"),
            "追平预测：按双方近四个季度的增速推算差距缩小所需季度数；超过40个季度视为难以追平。",
        ],
        "en": [
            "Benchmark: {reference_rule}; the home region is never part of its own benchmark.",
            (
                "Comparable terms: {per_10k} per 10,000 workers; {rates} as ratios of sums (Σ numerators ÷ "
                "Σ denominators), never means of rates, with gaps in percentage points."
            ),
            (
                "Status: level when the difference either way is within the amber band (10 % of the"
                " benchmark for figures per 10,000 workers, 2 points for rates); beyond it ahead wh"
                "en better, behind when worse. Gaps are positive when better; for lower-is-better "
                "indicators, fewer is ahead."
            ),
            (
                "Totals that grow with the size of a place ({totals}) are shown for context, not judged; when "
                "both sides count under ten there is no percentage and no strength or weakness. A county is read "
                "against the benchmark cities' counties, a city against cities."
            ),
            (
                "When the benchmark regions have not reported the quarter yet, their latest fully r"
                "eported quarter is used and named ('benchmark figures as of ...')."
            ),
            (
                "Changes: stocks against the previous quarter, flows ({flows}) against the same quarter a year "
                "ago, so that seasons are not read as changes."
            ),
            (
                "Trend: least-squares slope over the last four quarters; under 1 % of the mean a qu"
                "arter (a quarter point for rates) is standing still."
            ),
            (
                "Catch-up: quarters until the gap closes at both sides' pace over the last four qua"
                "rters; more than 40 quarters counts as not at the current pace."
            ),
        ],
    },
    "brief.rule_members": {
        "zh": "对标组各城市（县区通报为其所辖县区）的合计相除值（Σ分子÷Σ分母）",
        "en": "the benchmark cities pooled (for a county, their counties): sums divided by sums",
    },
    "brief.rule_best": {
        "zh": "对标组中该指标最好的城市（县区通报为最好的县区）",
        "en": ("the best city of the benchmark set on each indicator (for a county, the best county)"),
    },
    "brief.rule_p90": {
        "zh": "全省同级地区该指标的第90百分位（越少越好的指标取第10百分位）",
        "en": ("the 90th percentile of every region of the same level in the province (the 10th for lower-is-better)"),
    },
    "brief.rule_member": {
        "zh": "所选地区自身的数值",
        "en": "the chosen region's own figure",
    },
    "brief.generated_by": {
        "zh": "本通报由工会对标看板根据当前数据自动生成（{when}）。",
        "en": ("Generated automatically by the Union Benchmark Dashboard from the current data ({when})."),
    },
    "brief.list_sep": {
        "zh": "、",
        "en": ", ",
    },
    "brief.clause_sep": {
        "zh": "；",
        "en": "; ",
    },
    "brief.region_and": {
        "zh": "{region}",
        "en": "{region}",
    },
    # issue 16: the wall screen's data time, shorter in English so the title keeps one line with an English name
    "screen_data_as_of": {
        "zh": "数据更新于 {time}",
        "en": "As of {time}",
    },
    # --- issue 16: similar peers and custom benchmark sets (unionbench.similar, unionbench.custom_sets, the set
    # editor page) ---
    "sets.bad_id": {
        "zh": "编号只能用小写字母、数字、“-”和“_”，2–40 个字符，以字母或数字开头。",
        "en": "An id is 2–40 lower-case letters, digits, '-' or '_', starting with a letter or digit.",
    },
    "sets.csv_id": {
        "zh": "这是 data/benchmark_sets.csv 中的默认对标组编号，不能用作或改动自定义对标组。",
        "en": "This is a default set's id from data/benchmark_sets.csv; a custom set cannot use or change it.",
    },
    "sets.unknown_set": {
        "zh": "没有这个自定义对标组。",
        "en": "There is no custom benchmark set with this id.",
    },
    "sets.id_taken": {
        "zh": "已有同编号的对标组，请换一个编号，或编辑该组。",
        "en": "A benchmark set already has this id: choose another, or edit that set.",
    },
    "sets.empty_name": {
        "zh": "名称不能为空。",
        "en": "The name is empty.",
    },
    "sets.bad_name": {
        "zh": "名称最多 {limit} 个字符，只能含文字、数字、空格和 ·-()（）、,，&'/+（不能是链接或格式符号）。",
        "en": (
            "A name has at most {limit} characters: letters, digits, spaces and ·-()（）、,，&'/+ only "
            "(no links or markup)."
        ),
    },
    "sets.name_taken": {
        "zh": "已有同名的对标组，请换一个名称。",
        "en": "Another benchmark set has this name: choose another.",
    },
    "sets.bad_rule": {
        "zh": "对标口径须为 {rules} 之一。",
        "en": "The rule must be one of {rules}.",
    },
    "sets.no_members": {
        "zh": "至少选择一个城市。",
        "en": "Choose at least one city.",
    },
    "sets.too_many": {
        "zh": "最多 {limit} 个城市。",
        "en": "At most {limit} cities.",
    },
    "sets.repeated": {
        "zh": "同一城市重复出现。",
        "en": "This city is listed twice.",
    },
    "sets.unknown_region": {
        "zh": "没有这个地区代码。",
        "en": "No region has this code.",
    },
    "sets.not_a_city": {
        "zh": "对标组由城市组成（县区按所选城市的县区对标），这不是城市。",
        "en": "A benchmark set is made of cities (a county is read against their counties); this is not a city.",
    },
    "similar.col_rank": {
        "zh": "序号",
        "en": "Rank",
    },
    "similar.col_region": {
        "zh": "地区",
        "en": "Region",
    },
    "similar.col_distance": {
        "zh": "距离",
        "en": "Distance",
    },
    "similar.col_similar_in": {
        "zh": "最相近的指标",
        "en": "Most alike in",
    },
    "similar.sep": {
        "zh": "，",
        "en": ", ",
    },
    "similar.home_line": {
        "zh": "本地数值：{figures}（{period}）",
        "en": "Home figures: {figures} ({period})",
    },
    "sets_page": {
        "zh": "相似地区与对标组",
        "en": "Peers & benchmark sets",
    },
    "sets_heading": {
        "zh": "相似地区与自定义对标组",
        "en": "Similar places and custom benchmark sets",
    },
    "peers_heading": {
        "zh": "与{home}结构相似的地区",
        "en": "Places like {home}",
    },
    "peers_hint": {
        "zh": (
            "按结构指标（职工人数、应建会企业、会员人数）的最新数值找同级地区："
            "取对数、在候选地区中标准化后计算欧氏距离，距离越小越相似；"
            "缺少其中任一数值的地区不参与比较，距离相同时按地区代码排序。"
        ),
        "en": (
            "Same-level places found by the latest structural figures (workers, ent"
            "erprises that should form a union, union members): log-scaled, standar"
            "dised over the candidates, Euclidean distance — the smaller, the more "
            "alike. A place missing any of these figures is left out; ties go by re"
            "gion code."
        ),
    },
    "peers_region": {
        "zh": "查找对象",
        "en": "Find places like",
    },
    "peers_within": {
        "zh": "范围",
        "en": "Within",
    },
    "within_province": {
        "zh": "本省",
        "en": "The province",
    },
    "within_country": {
        "zh": "全国",
        "en": "All of China",
    },
    "peers_k": {
        "zh": "数量",
        "en": "How many",
    },
    "peers_none": {
        "zh": "{home}没有结构指标数值，无法查找相似地区。",
        "en": "{home} has no structural figures, so no similar places can be found.",
    },
    "peers_pool": {
        "zh": "共比较 {pool} 个同级地区；{skipped} 个因缺少数值未参与。",
        "en": "Compared with {pool} places of the same level; {skipped} left out for missing figures.",
    },
    "editor_heading": {
        "zh": "自定义对标组",
        "en": "Custom benchmark sets",
    },
    "editor_admin_only": {
        "zh": "新建、修改或删除对标组需管理员登录。",
        "en": "Creating, changing or removing a benchmark set needs an admin's sign-in.",
    },
    "editor_pick": {
        "zh": "编辑",
        "en": "Edit",
    },
    "editor_new": {
        "zh": "＋ 新建对标组",
        "en": "+ New set",
    },
    "set_name_zh": {
        "zh": "名称（中文）",
        "en": "Name (Chinese)",
    },
    "set_name_en": {
        "zh": "名称（英文）",
        "en": "Name (English)",
    },
    "set_members": {
        "zh": "成员城市（可输入名称搜索）",
        "en": "Member cities (type to search)",
    },
    "set_add_peers": {
        "zh": "加入与{home}最相似的 {n} 个城市",
        "en": "Add the {n} cities most like {home}",
    },
    "set_rule": {
        "zh": "对标口径（“平均”参照的算法）",
        "en": "Rule (what the set's “average” reference is)",
    },
    "set_rule_pooled": {
        "zh": "合计相除（Σ÷Σ，与默认对标组相同）",
        "en": "Pooled (Σ ÷ Σ, as the default sets)",
    },
    "set_rule_best": {
        "zh": "最优成员",
        "en": "Best member",
    },
    "set_rule_average": {
        "zh": "成员平均（各成员数值的算术平均）",
        "en": "Average of the members' figures",
    },
    "set_save": {
        "zh": "保存对标组",
        "en": "Save the set",
    },
    "set_delete": {
        "zh": "删除此对标组",
        "en": "Remove this set",
    },
    "set_saved": {
        "zh": "已保存对标组“{name}”：各页面、大屏链接和季度通报均可选用。",
        "en": "Saved “{name}”: every page, the screen link and the briefing can use it.",
    },
    "set_deleted": {
        "zh": "已删除对标组“{name}”。",
        "en": "Removed “{name}”.",
    },
    "set_rejected": {
        "zh": "未保存，请改正以下问题：",
        "en": "Not saved; please correct:",
    },
    "set_col_field": {
        "zh": "项目",
        "en": "Field",
    },
    "set_col_value": {
        "zh": "值",
        "en": "Value",
    },
    "set_col_reason": {
        "zh": "原因",
        "en": "Reason",
    },
    "set_col_reason_other": {
        "zh": "原因（英文）",
        "en": "Reason (Chinese)",
    },
    "custom_sets_heading": {
        "zh": "已保存的自定义对标组",
        "en": "Saved custom sets",
    },
    "no_custom_sets": {
        "zh": "还没有自定义对标组；默认对标组来自 data/benchmark_sets.csv。",
        "en": "No custom sets yet; the default sets come from data/benchmark_sets.csv.",
    },
    "set_col_id": {
        "zh": "编号",
        "en": "Id",
    },
    "set_col_name": {
        "zh": "名称",
        "en": "Name",
    },
    "set_col_rule": {
        "zh": "口径",
        "en": "Rule",
    },
    "set_col_members": {
        "zh": "成员",
        "en": "Members",
    },
    "set_col_created": {
        "zh": "创建",
        "en": "Created",
    },
    "set_col_updated": {
        "zh": "最后修改",
        "en": "Last changed",
    },
    "brief.rule_mean": {
        "zh": "对标组各城市（县区通报为其所辖县区）该指标数值的算术平均（自定义对标组的“成员平均”口径）",
        "en": "the plain mean of the benchmark cities' figures (for a county, their counties'): a custom set's rule",
    },
    "set_members_placeholder": {
        "zh": "输入城市名称搜索…",
        "en": "Type a city's name to search…",
    },
    "set_delete_confirm": {
        "zh": "确认删除“{name}”（默认对标组不受影响）",
        "en": "Yes, remove “{name}” (the default sets stay)",
    },
    # --- issue 14: accounts, submissions, review, tracker and audit (wt-reporting) ---
    "reminder.due": {
        "zh": "【报送提醒】{region}总工会：{period}工会指标数据请于{year}年{month}月{day}日前通过工会对标看板报送。",
        "en": "[Reminder] {region} union federation: please send the {period} union indicators through the Union "
        "Benchmark Dashboard by {year}-{month:02d}-{day:02d}.",
    },
    "reminder.overdue": {
        "zh": "【报送提醒】{region}总工会：{period}工会指标数据截至{year}年{month}月{day}日应报送，已逾期{days}天，"
        "请尽快通过工会对标看板报送。",
        "en": "[Reminder] {region} union federation: the {period} union indicators were due on "
        "{year}-{month:02d}-{day:02d} and are {days} day(s) overdue; please send them through the Union Benchmark "
        "Dashboard.",
    },
    "reminder.returned": {
        "zh": "【报送提醒】{region}总工会：{period}工会指标数据已退回（原因：{reason}），截至{year}年{month}月{day}日"
        "应报送，已逾期{days}天，请修改后尽快重新报送。",
        "en": "[Reminder] {region} union federation: the {period} union indicators were returned ({reason}); they "
        "were due on {year}-{month:02d}-{day:02d} and are {days} day(s) overdue: please correct and send them again.",
    },
    "tracker": {
        "zh": "报送进度",
        "en": "Submissions",
    },
    "tracker_heading": {
        "zh": "报送进度",
        "en": "Submission tracker",
    },
    "sign_in_sets": {
        "zh": "管理员登录后编辑对标组",
        "en": "Sign in as an admin to edit benchmark sets",
    },
    "sign_in_tracker": {
        "zh": "登录后查看报送进度",
        "en": "Sign in to see the submissions",
    },
    "role_admin": {
        "zh": "管理员",
        "en": "admin",
    },
    "role_reporter": {
        "zh": "{region}报送员",
        "en": "reporter for {region}",
    },
    "admin_only": {
        "zh": "本页仅限管理员使用。",
        "en": "This page is for admins only.",
    },
    "region_template_hint": {
        "zh": "模板逐项列出{region}需填报的指标和上季度数值（仅供参考）：请在“数值”列填入本季度的数值。",
        "en": "The template lists {region}'s indicators with last quarter's figures for reference: fill in this "
        "quarter's figures in the value column.",
    },
    "submit_hint": {
        "zh": "提交后由市总工会审核，审核通过后才计入看板。",
        "en": "After you submit, the city office reviews the file; its figures count once approved.",
    },
    "submit_button": {
        "zh": "提交审核",
        "en": "Submit for review",
    },
    "submitted_notice": {
        "zh": "已提交，待审核：报送 #{id}（{figures} 个数值）。审核通过后才计入看板。",
        "en": "Submitted for review as submission #{id} ({figures} figures). They count once an admin approves them.",
    },
    "submission_submitted": {
        "zh": "已提交/待审核",
        "en": "submitted, awaiting review",
    },
    "submission_returned": {
        "zh": "已退回",
        "en": "returned",
    },
    "submission_approved": {
        "zh": "已通过",
        "en": "approved",
    },
    "submission_id": {
        "zh": "报送编号",
        "en": "Submission",
    },
    "figures": {
        "zh": "数值个数",
        "en": "Figures",
    },
    "submitted_at": {
        "zh": "报送时间",
        "en": "Sent at",
    },
    "return_reason": {
        "zh": "退回原因",
        "en": "Reason for return",
    },
    "my_submissions": {
        "zh": "我的报送",
        "en": "My submissions",
    },
    "no_submissions": {
        "zh": "尚无报送记录。",
        "en": "Nothing sent yet.",
    },
    "review_heading": {
        "zh": "待审核的报送（{count}）",
        "en": "Submissions awaiting review ({count})",
    },
    "review_nothing": {
        "zh": "没有待审核的报送。",
        "en": "Nothing is waiting for review.",
    },
    "review_pick": {
        "zh": "审核哪一份",
        "en": "Review which one",
    },
    "layout.wide": {
        "zh": "每县一行",
        "en": "a row per county",
    },
    "layout.long": {
        "zh": "每项一行",
        "en": "a row per figure",
    },
    "layout.demo": {
        "zh": "演示数据",
        "en": "demo data",
    },
    "review_pick_placeholder": {
        "zh": "请选择一份报送查看预览",
        "en": "Choose a submission to see its preview",
    },
    "return_reason_needed": {
        "zh": "请先填写退回原因，报送员会看到它。",
        "en": "Write the reason first: the reporter will see it.",
    },
    "approve_button": {
        "zh": "审核通过并发布",
        "en": "Approve and publish",
    },
    "return_button": {
        "zh": "退回",
        "en": "Return",
    },
    "approved_notice": {
        "zh": (
            "报送 #{id} 已审核通过并发布为上传 #{upload}：新增 {added} 个、修改 {changed} 个、不变 {unchanged} 个数值。"
        ),
        "en": (
            "Submission #{id} approved and published as upload #{upload}: {added} new, {changed} changed, "
            "{unchanged} unchanged."
        ),
    },
    "returned_notice": {
        "zh": "报送 #{id} 已退回，报送员可在“我的报送”中看到原因。",
        "en": "Submission #{id} was returned; its reporter sees the reason under My submissions.",
    },
    "audit_heading": {
        "zh": "操作日志",
        "en": "Audit log",
    },
    "audit_user": {
        "zh": "操作人",
        "en": "Who",
    },
    "audit_action": {
        "zh": "操作",
        "en": "Action",
    },
    "audit_target": {
        "zh": "对象",
        "en": "What",
    },
    "audit_detail": {
        "zh": "详情",
        "en": "Details",
    },
    "audit_address": {
        "zh": "地址",
        "en": "Address",
    },
    "audit_cli": {
        "zh": "最近 200 条；全部记录：unionbench audit [--since 日期]。",
        "en": "The latest 200; everything: unionbench audit [--since DATE].",
    },
    "audit.sign_in_failed": {
        "zh": "登录失败",
        "en": "sign-in failed",
    },
    "audit.upload": {
        "zh": "上传发布",
        "en": "upload",
    },
    "audit.submit": {
        "zh": "提交报送",
        "en": "submission",
    },
    "audit.approve": {
        "zh": "审核通过",
        "en": "approval",
    },
    "audit.return": {
        "zh": "退回",
        "en": "return",
    },
    "audit.revert": {
        "zh": "撤销上传",
        "en": "revert",
    },
    "audit.user_add": {
        "zh": "添加账号",
        "en": "account added",
    },
    "audit.user_disable": {
        "zh": "停用账号",
        "en": "account disabled",
    },
    "audit.user_passwd": {
        "zh": "修改密码",
        "en": "password changed",
    },
    "audit.deadline": {
        "zh": "修改截止日期",
        "en": "deadline changed",
    },
    "tracker_deadline": {
        "zh": "截止日期：{date}（季度结束后第 {days} 天）· 今天：{today}",
        "en": "Due: {date} ({days} days after the quarter's end) · today: {today}",
    },
    "tracker_missing": {
        "zh": "未报送",
        "en": "missing",
    },
    "tracker_submitted": {
        "zh": "待审核",
        "en": "submitted",
    },
    "tracker_returned": {
        "zh": "已退回",
        "en": "returned",
    },
    "tracker_approved": {
        "zh": "已通过",
        "en": "approved",
    },
    "tracker_reminders": {
        "zh": "催报提醒",
        "en": "Reminders",
    },
    "tracker_reminders_hint": {
        "zh": "点右上角复制，发到工作群。",
        "en": "Copy with the button at the top right and paste into the work group.",
    },
    "days_overdue": {
        "zh": "逾期天数",
        "en": "Days overdue",
    },
    # --- issue 14 items 4, 5, 7: the preview a clerk can check, the template, Streamlit's own texts ------------
    "review_flag": {
        "zh": "核对提示",
        "en": "Check",
    },
    "review_unit": {
        "zh": "单位",
        "en": "Unit",
    },
    "review_before": {
        "zh": "原值／上季度",
        "en": "Old / last quarter",
    },
    "review_change": {
        "zh": "变化",
        "en": "Change",
    },
    "review_change_pct": {
        "zh": "变化率",
        "en": "Change %",
    },
    "review_new": {
        "zh": "新增（比上季度）",
        "en": "New (vs last quarter)",
    },
    "review_changed": {
        "zh": "修改（比原值）",
        "en": "Changed (vs old value)",
    },
    "review_jump_up": {
        "zh": "⚠ 为上季度的 {times} 倍",
        "en": "⚠ {times}× last quarter",
    },
    "review_jump_down": {
        "zh": "⚠ 降至上季度的 {share}%",
        "en": "⚠ down to {share}% of last quarter",
    },
    "review_jumps": {
        "zh": "需核对",
        "en": "To check",
    },
    "review_caption": {
        "zh": (
            "按县区、指标排列；与上季度相比超过 3 倍或不足三分之一的排在最前，请逐项核对。"
            "新增的数字与上季度比较，修改的数字与库中原值比较；小数字（两边都小于 10）不计算变化率。"
        ),
        "en": (
            "Sorted by county, then indicator; figures more than 3× or under a third of last quarter's come first: "
            "check each. New figures are compared with last quarter's, changed ones with the stored value; small "
            "numbers (both under 10) get no change %."
        ),
    },
    "uploader_button": {
        "zh": "选择文件",
        "en": "Upload",
    },
    "uploader_limit": {
        "zh": "单个文件不超过 {size}MB · {types}",
        "en": "{size}MB per file • {types}",
    },
    "uploader_drop": {
        "zh": "将文件拖放到此处",
        "en": "Drag and drop a file here",
    },
    "choose_option": {
        "zh": "请选择",
        "en": "Choose an option",
    },
    "tpl.region": {
        "zh": "地区",
        "en": "region",
    },
    "tpl.indicator": {
        "zh": "指标",
        "en": "indicator",
    },
    "tpl.unit": {
        "zh": "单位",
        "en": "unit",
    },
    "tpl.basis": {
        "zh": "口径",
        "en": "basis",
    },
    "tpl.period": {
        "zh": "季度",
        "en": "period",
    },
    "tpl.reference": {
        "zh": "上季度数值（{period}，仅供参考，不导入）",
        "en": "Last quarter ({period}, reference only, not imported)",
    },
    "tpl.value": {
        "zh": "数值",
        "en": "value",
    },
    "tpl.basis_stock": {
        "zh": "期末数（季末存量）",
        "en": "Stock at quarter end",
    },
    "tpl.basis_flow": {
        "zh": "本季度发生数",
        "en": "Flow in the quarter",
    },
    "tpl.cumulative_stock": {
        "zh": "是：截至季末的累计数，不是本季度新增数",
        "en": "Yes: the total to date at quarter end, not the quarter's increase",
    },
    "tpl.cumulative_flow": {
        "zh": "否：只填本季度发生数，不是年初至今累计",
        "en": "No: the quarter's own figure, not year-to-date",
    },
    "tpl.rule_whole": {
        "zh": "不小于 0 的整数",
        "en": "A whole number, 0 or more",
    },
    "tpl.rule_amount": {
        "zh": "不小于 0 的数，可带小数",
        "en": "A number, 0 or more, decimals allowed",
    },
    "tpl.rule_rate": {
        "zh": "0 到 100 之间的数",
        "en": "A number from 0 to 100",
    },
    "tpl.invalid_title": {
        "zh": "数值不符合要求",
        "en": "Not a valid figure",
    },
    "tpl.invalid_whole": {
        "zh": "请填写不小于 0 的整数（个数、人数不能有小数）。",
        "en": "Enter a whole number of 0 or more (counts and people have no decimals).",
    },
    "tpl.invalid_amount": {
        "zh": "请填写不小于 0 的数字；金额单位为万元。",
        "en": "Enter a number of 0 or more; amounts are in 10k yuan (万元).",
    },
    "tpl.invalid_rate": {
        "zh": "请填写 0 到 100 之间的数字（百分数，不带 % 号）。",
        "en": "Enter a number from 0 to 100 (a percentage, without the % sign).",
    },
    "tpl.sheet_data": {
        "zh": "填报",
        "en": "Report",
    },
    "tpl.sheet_help": {
        "zh": "填报说明",
        "en": "Instructions",
    },
    "tpl.help_title": {
        "zh": "{period}工会对标指标填报说明",
        "en": "How to fill in the return for {period}",
    },
    "tpl.help_1": {
        "zh": "1. 只在黄色的“数值”列填写本季度数字；其他列请勿修改，也不要增删列或改动表头。",
        "en": (
            "1. Fill in only the yellow 'value' column with this quarter's figures; do not change the other "
            "columns or the headers."
        ),
    },
    "tpl.help_2": {
        "zh": "2. 灰色的“上季度数值”列仅供对照，上传时不导入；变化很大的数字请再核对一遍。",
        "en": (
            "2. The grey 'last quarter' column is for comparison only and is not imported; check again any "
            "figure that moved a lot."
        ),
    },
    "tpl.help_3": {
        "zh": "3. 单位以“单位”列为准：金额一律为万元（1 万元 = 10,000 元），个数为个、项、场，人数为人。",
        "en": (
            "3. Use the unit in the 'unit' column: money in 10k yuan (万元, 1 万元 = 10,000 yuan), counts as units, "
            "items or sessions, people as people."
        ),
    },
    "tpl.help_4": {
        "zh": (
            "4. 口径：“期末数”是截至季末的累计存量（如在用站点数）；"
            "“本季度发生数”只填本季度内发生的数，不是年初至今累计。"
        ),
        "en": (
            "4. Basis: a stock is the total at quarter end (e.g. stations in service); a flow is what happened "
            "in this quarter only, never year-to-date."
        ),
    },
    "tpl.help_5": {
        "zh": "5. 组建率、入会率、整改率等比率由系统根据分子分母自动计算，无需填写。",
        "en": "5. Rates (organisation, membership, rectification) are computed from their parts: do not report them.",
    },
    "tpl.help_6": {
        "zh": "6. 暂无数据的行留空即可，留空的行本次不导入；请勿用 0 代替未知的数。",
        "en": (
            "6. Leave a row blank when the figure is not known yet; blank rows are not imported. Never write 0 "
            "for an unknown figure."
        ),
    },
    "tpl.help_7": {
        "zh": "7. 填好后保存为 .xlsx（或 CSV），在看板“数据上传”页上传，核对预览后确认提交。",
        "en": "7. Save as .xlsx (or CSV), upload it on the dashboard's Upload page, check the preview and commit.",
    },
    "tpl.help_indicator": {
        "zh": "指标",
        "en": "Indicator",
    },
    "tpl.help_unit": {
        "zh": "单位",
        "en": "Unit",
    },
    "tpl.help_basis": {
        "zh": "口径",
        "en": "Basis",
    },
    "tpl.help_cumulative": {
        "zh": "是否累计",
        "en": "Cumulative?",
    },
    "tpl.help_rule": {
        "zh": "允许填写",
        "en": "Allowed",
    },
    "tpl.help_meaning": {
        "zh": "说明",
        "en": "What it counts",
    },
    # --- targets ---
    "tgt.no_header": {
        "zh": "找不到表头：需要地区（或行政区划代码）、指标、年度、目标值四列。",
        "en": "No header found: a targets file needs region (or region code), indicator, year and target columns.",
    },
    "tgt.retired_indicator": {
        "zh": "指标“{value}”已停用，不能再设目标。",
        "en": "The indicator '{value}' is retired: it takes no new targets.",
    },
    "tgt.bad_year": {
        "zh": "“{value}”不是年份（如 2026）。",
        "en": "'{value}' is not a year (e.g. 2026).",
    },
    "tgt.year_out_of_range": {
        "zh": "年度 {value} 超出范围（{first}–{last}）。",
        "en": "The year {value} is outside {first}–{last}.",
    },
    "tgt.not_finite": {
        "zh": "“{value}”不是有限的数值（无穷或非数字），不能作为目标。",
        "en": "'{value}' is not a finite number (infinite or not a number): it cannot be a target.",
    },
    "tgt.not_a_number": {
        "zh": "目标值“{value}”不是数字。",
        "en": "The target '{value}' is not a number.",
    },
    "tgt.missing_target": {
        "zh": "目标值为空：请填写数字，或删去这一行。",
        "en": "The target is empty: type a number or delete the row.",
    },
    "tgt.percent_not_rate": {
        "zh": "“{value}”带百分号，但该指标不是比率。",
        "en": "'{value}' carries a % sign but the indicator is not a rate.",
    },
    "tgt.negative": {
        "zh": "目标值 {value} 不能为负数。",
        "en": "The target {value} cannot be negative.",
    },
    "tgt.too_large": {
        "zh": "目标值 {value} 大得不合理（超过 {limit}），请核对单位和位数。",
        "en": "The target {value} is implausibly large (above {limit}): check the unit and digits.",
    },
    "tgt.rate_over_100": {
        "zh": "比率目标 {value} 超过 100%。",
        "en": "The rate target {value} is above 100 %.",
    },
    "tgt.not_whole": {
        "zh": "该指标按个数计，目标值 {value} 应为整数。",
        "en": "This indicator counts whole things: the target {value} must be a whole number.",
    },
    "tgt.duplicate": {
        "zh": "同一地区、指标、年度的目标重复（与第 {first} 行相同）。",
        "en": "A second target for the same region, indicator and year (first in row {first}).",
    },
    "tgt.no_targets": {
        "zh": "文件中没有任何目标值。",
        "en": "The file holds no targets.",
    },
    "tgt.col_region": {
        "zh": "地区",
        "en": "region",
    },
    "tgt.col_indicator": {
        "zh": "指标",
        "en": "indicator",
    },
    "tgt.col_year": {
        "zh": "年度",
        "en": "year",
    },
    "tgt.col_target": {
        "zh": "目标值",
        "en": "target",
    },
    "tgt.tpl_region_code": {
        "zh": "行政区划代码",
        "en": "region_code",
    },
    "tgt.tpl_region": {
        "zh": "地区",
        "en": "region",
    },
    "tgt.tpl_indicator": {
        "zh": "指标",
        "en": "indicator",
    },
    "tgt.tpl_unit": {
        "zh": "单位",
        "en": "unit",
    },
    "tgt.tpl_year": {
        "zh": "年度",
        "en": "year",
    },
    "tgt.tpl_reference": {
        "zh": "{year}年目标（参考，不导入）",
        "en": "{year} target (reference, not imported)",
    },
    "tgt.tpl_target": {
        "zh": "目标值",
        "en": "target",
    },
    "tgt.tpl_sheet": {
        "zh": "年度目标",
        "en": "Targets",
    },
    "tgt.tpl_help_title": {
        "zh": "{year}年度目标任务填报说明",
        "en": "How to fill in the {year} annual targets",
    },
    "tgt.tpl_help_1": {
        "zh": "1. 在“目标值”列填写本年度目标；灰色列是上年目标，仅供参考，不会导入。",
        "en": (
            "1. Type this year's target in the 'target' column; the grey column is last year's target, for "
            "reference only, and is not imported."
        ),
    },
    "tgt.tpl_help_2": {
        "zh": "2. 目标值使用指标自身的单位：存量指标填年末应达到的水平，流量指标填全年合计，比率填百分数（0–100）。",
        "en": (
            "2. A target is in the indicator's own unit: for a stock the level to reach by the year's end, for a "
            "flow the year's total, for a rate a percentage (0–100)."
        ),
    },
    "tgt.tpl_help_3": {
        "zh": "3. 留空的行不导入；已有目标的行填新值即修改。",
        "en": "3. Rows left blank are not imported; a new value in a row with a target changes it.",
    },
    "tgt.tpl_help_4": {
        "zh": (
            "4. 请勿修改地区、指标和年度列；保存为 .xlsx 或 CSV 后"
            "由管理员在“目标”页或用 unionbench targets import 导入。"
        ),
        "en": (
            "4. Leave the region, indicator and year columns as they are; save as .xlsx or CSV and an admin "
            "imports it on the targets page or with `unionbench targets import`."
        ),
    },
    "tgt.tpl_invalid_title": {
        "zh": "目标值无效",
        "en": "Invalid target",
    },
    "tgt.tpl_invalid_rate": {
        "zh": "比率目标须在 0–100 之间。",
        "en": "A rate target is between 0 and 100.",
    },
    "tgt.tpl_invalid_whole": {
        "zh": "请填写不小于 0 的整数。",
        "en": "Type a whole number, 0 or more.",
    },
    "tgt.tpl_invalid_amount": {
        "zh": "请填写不小于 0 的数字。",
        "en": "Type a number, 0 or more.",
    },
    "tgt.editor_heading": {
        "zh": "编辑目标任务",
        "en": "Edit targets",
    },
    "tgt.editor_admin_only": {
        "zh": "导入或修改目标需管理员登录；下载模板无需登录。",
        "en": "Importing or changing targets needs an admin's sign-in; the template needs none.",
    },
    "tgt.sign_in": {
        "zh": "管理员登录后编辑目标",
        "en": "Sign in as an admin to edit targets",
    },
    "tgt.template_year": {
        "zh": "模板年度",
        "en": "Template year",
    },
    "tgt.template_download": {
        "zh": "下载{year}年目标模板（Excel）",
        "en": "Download the {year} targets template (Excel)",
    },
    "tgt.template_caption": {
        "zh": "模板已列出{home}及所属各县（区）的全部在用指标，并附上年目标作参考。",
        "en": (
            "The template lists every active indicator for {home} and its counties, with last year's targets for "
            "reference."
        ),
    },
    "tgt.upload_label": {
        "zh": "上传目标文件（CSV 或 Excel）",
        "en": "Upload a targets file (CSV or Excel)",
    },
    "tgt.refused": {
        "zh": "文件未导入：共 {count} 个问题，请修改后重新上传。整个文件均未写入。",
        "en": "The file was not imported: {count} problems. Fix them and upload again; nothing was written.",
    },
    "tgt.preview": {
        "zh": "检查通过：新增 {added} 项，修改 {changed} 项，未变 {unchanged} 项。确认后写入。",
        "en": "Checked: {added} added, {changed} changed, {unchanged} unchanged. Confirm to store them.",
    },
    "tgt.commit_button": {
        "zh": "确认导入",
        "en": "Import these targets",
    },
    "tgt.committed": {
        "zh": "已导入目标：新增 {added} 项，修改 {changed} 项。",
        "en": "Targets stored: {added} added, {changed} changed.",
    },
    "tgt.nothing_changed": {
        "zh": "这些目标已是当前值，无需写入。",
        "en": "These targets are already the stored ones: nothing to write.",
    },
    "tgt.busy": {
        "zh": "数据库正被其他写入占用，请稍后再试。",
        "en": "The database is busy with another write; try again shortly.",
    },
    "tgt.form_heading": {
        "zh": "修改单项目标",
        "en": "Change one target",
    },
    "tgt.form_region": {
        "zh": "地区",
        "en": "Region",
    },
    "tgt.form_indicator": {
        "zh": "指标",
        "en": "Indicator",
    },
    "tgt.form_year": {
        "zh": "年度",
        "en": "Year",
    },
    "tgt.form_target": {
        "zh": "目标值",
        "en": "Target",
    },
    "tgt.form_save": {
        "zh": "保存目标",
        "en": "Save the target",
    },
    "tgt.saved": {
        "zh": "已保存目标：新增 {added} 项，修改 {changed} 项。",
        "en": "Target saved: {added} added, {changed} changed.",
    },
    "tgt.col_before": {
        "zh": "原目标",
        "en": "Before",
    },
    "tgt.col_status": {
        "zh": "变化",
        "en": "Change",
    },
    "tgt.status_added": {
        "zh": "新增",
        "en": "added",
    },
    "tgt.status_changed": {
        "zh": "修改",
        "en": "changed",
    },
    "tgt.status_unchanged": {
        "zh": "未变",
        "en": "unchanged",
    },
    "tgt.col_row": {
        "zh": "行",
        "en": "Row",
    },
    "tgt.col_column": {
        "zh": "列",
        "en": "Column",
    },
    "tgt.col_value": {
        "zh": "值",
        "en": "Value",
    },
    "tgt.col_reason": {
        "zh": "原因",
        "en": "Reason",
    },
    "cfg.bad_json": {
        "zh": "不是有效的配置文件（JSON）：{value}",
        "en": "Not a valid configuration file (JSON): {value}",
    },
    "cfg.not_config": {
        "zh": "不是 unionbench 配置文件（缺少 format/version）。",
        "en": "Not a unionbench configuration file (no format/version).",
    },
    "cfg.bad_version": {
        "zh": "配置文件版本 {value} 无法识别（本程序读取版本 {known}）。",
        "en": "Configuration version {value} is unknown (this release reads version {known}).",
    },
    "cfg.bad_section": {
        "zh": "“{value}”部分格式不对：应为{expected}。",
        "en": "The section '{value}' is malformed: expected {expected}.",
    },
    "cfg.unknown_column": {
        "zh": "{section} 第 {row} 条：列“{value}”不在本数据库中。",
        "en": "{section} entry {row}: the column '{value}' is not in this database.",
    },
    "cfg.missing_key": {
        "zh": "{section} 第 {row} 条：缺少“{value}”。",
        "en": "{section} entry {row}: '{value}' is missing.",
    },
    "cfg.unknown_setting": {
        "zh": "设置项“{value}”无法识别。",
        "en": "Unknown setting '{value}'.",
    },
    "cfg.bad_setting": {
        "zh": "设置 {key} 的值“{value}”无效。",
        "en": "The setting {key} = '{value}' is invalid.",
    },
    "cfg.catalogue": {
        "zh": "指标目录：{value}",
        "en": "Indicator catalogue: {value}",
    },
    "cfg.rules": {
        "zh": "校验规则：{value}",
        "en": "Validation rules: {value}",
    },
    "cfg.set": {
        "zh": "对标组 {set}：{reason}",
        "en": "Benchmark set {set}: {reason}",
    },
    "cfg.target": {
        "zh": "目标第 {row} 条：{reason}",
        "en": "Target entry {row}: {reason}",
    },
    "cfg.no_table": {
        "zh": "本数据库没有“{value}”这一部分，无法导入。",
        "en": "This database has no '{value}' section to import into.",
    },
    "cfg.duplicate_key": {
        "zh": "{section} 中“{value}”重复。",
        "en": "'{value}' appears twice in {section}.",
    },
    # --- settings ---
    "settings.no_home": {
        "zh": "请先设置本市：unionbench settings home <城市>（如 unionbench settings home 焦作市）。",
        "en": "Set the home first: unionbench settings home <city> (e.g. unionbench settings home 焦作市).",
    },
    "admin_section": {
        "zh": "管理",
        "en": "Admin",
    },
    "setup.page": {
        "zh": "开始设置",
        "en": "Set-up",
    },
    "setup.heading": {
        "zh": "欢迎使用工会对标看板",
        "en": "Welcome to the Union Benchmark Dashboard",
    },
    "setup.no_figures": {
        "zh": "还没有数据。本看板尚未导入任何季度数据。",
        "en": "No figures yet. No quarter's figures have been imported into this dashboard.",
    },
    "setup.no_home_page": {
        "zh": "尚未设置本市：管理员选定本市后，各页即显示本市的对标情况。",
        "en": "The home city is not set yet: once an admin chooses it, every page shows that city's comparison.",
    },
    "setup.ready": {
        "zh": "本看板已设置完成，当前设置如下（管理员可在此修改）。",
        "en": "This dashboard is set up; its settings are below (an admin may change them here).",
    },
    "setup.who_to_ask": {
        "zh": "如需查看或报送数据，请联系本市总工会负责看板的管理员（管理员账号）。",
        "en": "To see or report figures, ask the dashboard's administrator at your city federation (an admin account).",
    },
    "setup.no_accounts": {
        "zh": (
            "尚无任何账号，网页上无人可以登录设置。请在服务器上创建第一个管理员："
            "unionbench users add 用户名 --role admin，然后刷新本页并登录；"
            "也可以直接在服务器上设置本市：unionbench settings home <城市>。"
        ),
        "en": (
            "There is no account yet, so nobody can sign in here to set up. Create the first admin on the server: "
            "`unionbench users add NAME --role admin`, then reload this page and sign in; or set the home city "
            "on the server: `unionbench settings home <city>`."
        ),
    },
    "setup.sign_in": {
        "zh": "管理员登录后开始设置",
        "en": "Sign in as an admin to set up",
    },
    "setup.step_home": {
        "zh": "① 选择本市与对标组",
        "en": "① Choose the home city and the benchmark set",
    },
    "setup.step_template": {
        "zh": "② 下载填报模板",
        "en": "② Download the templates",
    },
    "setup.home": {
        "zh": "本市",
        "en": "Home city",
    },
    "setup.home_placeholder": {
        "zh": "输入城市名称搜索……",
        "en": "Type a city's name to search…",
    },
    "setup.benchmark": {
        "zh": "默认对标组",
        "en": "Default benchmark set",
    },
    "setup.benchmark_hint": {
        "zh": (
            "自己的对标组（如 许昌 + 扬州）可在服务器上用 unionbench sets add 新建，"
            "有数据后也可在“相似地区与对标组”页新建。"
        ),
        "en": (
            "Make your own set (e.g. Xuchang + Yangzhou) with `unionbench sets add` on the server, or on the "
            "Peers & benchmark sets page once figures are in."
        ),
    },
    "setup.reference": {
        "zh": "默认对标参照",
        "en": "Default reference",
    },
    "setup.deadline": {
        "zh": "报送截止",
        "en": "Reporting deadline",
    },
    "setup.deadline_days": {
        "zh": "季度结束后第 {days} 天",
        "en": "{days} days after a quarter ends",
    },
    "setup.setting": {
        "zh": "设置",
        "en": "Setting",
    },
    "setup.value": {
        "zh": "当前值",
        "en": "Value",
    },
    "setup.save": {
        "zh": "保存设置",
        "en": "Save the settings",
    },
    "setup.choose_home": {
        "zh": "请选择本市。未保存任何设置。",
        "en": "Choose the home city. Nothing was saved.",
    },
    "setup.saved": {
        "zh": "已保存设置。",
        "en": "The settings are saved.",
    },
    "setup.step_upload": {
        "zh": "③ 上传第一份数据",
        "en": "③ Upload the first figures",
    },
    "setup.upload_hint": {
        "zh": "按模板填好本季度各区县的数据后，在“数据上传”页上传、核对预览并提交；报送员账号可在“账号”页添加。",
        "en": (
            "Fill in the quarter's figures for every county in the template, then upload, check the preview and "
            "commit on the Upload page; add the counties' reporter accounts on the Accounts page."
        ),
    },
    "setup.go_upload": {
        "zh": "前往数据上传",
        "en": "Go to the upload",
    },
    "setup.go_accounts": {
        "zh": "管理账号",
        "en": "Manage accounts",
    },
    "setup.reporter_upload": {
        "zh": "报送本地区数据",
        "en": "Send your region's figures",
    },
    "setup.no_home_upload": {
        "zh": "尚未设置本市，因此还没有本市的填报模板：请先在“开始设置”页选择本市。",
        "en": "The home city is not set, so there is no template for it yet: choose it on the Set-up page first.",
    },
    "accounts.page": {
        "zh": "账号",
        "en": "Accounts",
    },
    "accounts.heading": {
        "zh": "账号管理",
        "en": "Accounts",
    },
    "accounts.sign_in": {
        "zh": "管理员登录后管理账号",
        "en": "Sign in as an admin to manage accounts",
    },
    "accounts.role": {
        "zh": "角色",
        "en": "Role",
    },
    "accounts.role_admin": {
        "zh": "管理员",
        "en": "Admin",
    },
    "accounts.role_reporter": {
        "zh": "报送员",
        "en": "Reporter",
    },
    "accounts.active": {
        "zh": "启用",
        "en": "Active",
    },
    "accounts.disabled": {
        "zh": "已停用",
        "en": "Disabled",
    },
    "accounts.created": {
        "zh": "创建时间",
        "en": "Created",
    },
    "accounts.cli_hint": {
        "zh": "服务器上的同一操作：unionbench users list | add | disable | passwd；每次修改均记入操作日志。",
        "en": (
            "The same on the server: unionbench users list | add | disable | passwd; every change is in the audit log."
        ),
    },
    "accounts.add_heading": {
        "zh": "添加账号",
        "en": "Add an account",
    },
    "accounts.region": {
        "zh": "报送地区（报送员）",
        "en": "Region it reports for (reporter)",
    },
    "accounts.region_code": {
        "zh": "报送地区（报送员）：行政区划代码或名称",
        "en": "Region it reports for (reporter): code or name",
    },
    "accounts.region_placeholder": {
        "zh": "选择区县或本市",
        "en": "Choose a county or the city",
    },
    "accounts.region_hint": {
        "zh": "报送员只能报送本地区的数据，提交后由管理员审核；管理员不属于某个地区。密码至少 8 位。",
        "en": (
            "A reporter sends only its own region's figures, for an admin to approve; an admin has no region. "
            "A password has at least 8 characters."
        ),
    },
    "accounts.password_again": {
        "zh": "再输一次密码",
        "en": "The password again",
    },
    "accounts.add_button": {
        "zh": "添加账号",
        "en": "Add the account",
    },
    "accounts.passwords_differ": {
        "zh": "两次输入的密码不一致。未作任何改动。",
        "en": "The two passwords differ. Nothing was changed.",
    },
    "accounts.added": {
        "zh": "已添加账号 {name}。",
        "en": "Added the account {name}.",
    },
    "accounts.disable_heading": {
        "zh": "停用账号",
        "en": "Disable an account",
    },
    "accounts.disable_hint": {
        "zh": "停用后不能再登录；历史记录保留。设置新密码即可重新启用。",
        "en": "It can no longer sign in; its history stays. Setting a new password enables it again.",
    },
    "accounts.none_to_disable": {
        "zh": "没有其他启用中的账号。",
        "en": "No other account is active.",
    },
    "accounts.disable_button": {
        "zh": "停用",
        "en": "Disable",
    },
    "accounts.disabled_done": {
        "zh": "已停用账号 {name}。",
        "en": "Disabled the account {name}.",
    },
    "accounts.password_heading": {
        "zh": "重设密码",
        "en": "Reset a password",
    },
    "accounts.new_password": {
        "zh": "新密码",
        "en": "New password",
    },
    "accounts.password_hint": {
        "zh": "同时重新启用已停用的账号。",
        "en": "This also enables a disabled account.",
    },
    "accounts.password_button": {
        "zh": "设置新密码",
        "en": "Set the password",
    },
    "accounts.password_done": {
        "zh": "已设置新密码。",
        "en": "The new password is set.",
    },
    "accounts.deadline_heading": {
        "zh": "报送截止日期",
        "en": "Reporting deadline",
    },
    "accounts.deadline_days": {
        "zh": "季度结束后第几天截止",
        "en": "Days after a quarter's end the figures are due",
    },
    "accounts.deadline_button": {
        "zh": "保存截止日期",
        "en": "Save the deadline",
    },
    "accounts.deadline_done": {
        "zh": "已设为季度结束后第 {days} 天截止。",
        "en": "Figures are now due {days} days after a quarter ends.",
    },
    "audit.setting": {
        "zh": "修改设置",
        "en": "setting changed",
    },
    "audit.refused": {
        "zh": "操作被拒绝",
        "en": "refused",
    },
    # --- catalogue ---
    "catx.too_large": {
        "zh": "文件有 {size} 字节，超过上限 {limit} 字节，未读取。",
        "en": "The file has {size} bytes, over the limit of {limit}; it was not read.",
    },
    "catx.empty": {
        "zh": "文件中没有任何行。",
        "en": "The file has no rows.",
    },
    "catx.unknown_column": {
        "zh": "不认识的列“{value}”；可用的列：{allowed}。",
        "en": "Unknown column “{value}”; the columns are: {allowed}.",
    },
    "catx.repeated_column": {
        "zh": "列“{value}”出现了不止一次。",
        "en": "The column “{value}” appears more than once.",
    },
    "catx.missing_column": {
        "zh": "缺少这一列。",
        "en": "This column is missing.",
    },
    "catx.too_many_rows": {
        "zh": "文件有 {value} 行，超过上限 {limit} 行。",
        "en": "The file has {value} rows, over the limit of {limit}.",
    },
    "catx.empty_text": {
        "zh": "不能为空。",
        "en": "Must not be empty.",
    },
    "catx.too_long": {
        "zh": "太长：最多 {limit} 个字。",
        "en": "Too long: at most {limit} characters.",
    },
    "catx.formula": {
        "zh": "不能以 = + - @ 开头（在 Excel 中会被当作公式）。",
        "en": "Must not start with = + - @ (Excel would read it as a formula).",
    },
    "catx.control": {
        "zh": "含有控制字符或不可见的方向字符。",
        "en": "Contains control or invisible direction characters.",
    },
    "catx.markup": {
        "zh": "只能是纯文字：不能有 < >、链接或 [文字](地址) 这样的标记。",
        "en": "Plain text only: no < >, links or [text](address) markup.",
    },
    "catx.bad_number": {
        "zh": "应为 {low} 到 {high} 之间的{whole}。",
        "en": "Should be {whole} from {low} to {high}.",
    },
    "catx.bad_flag": {
        "zh": "只能是 1 或 0。",
        "en": "Must be 1 or 0.",
    },
    "catx.bad_slug": {
        "zh": "编号只能用小写字母开头，由小写字母、数字和 _ 组成，2–40 个字符。",
        "en": "An id starts with a lower-case letter and has 2–40 lower-case letters, digits or _.",
    },
    "catx.not_one_of": {
        "zh": "不是可用的值；可用：{allowed}。",
        "en": "Not an allowed value; allowed: {allowed}.",
    },
    "catx.unit_for_kind": {
        "zh": "类型为 {kind} 的指标，单位应为 {units}（数据按此单位存储）。",
        "en": "An indicator of kind {kind} is stored in {units}.",
    },
    "catx.ratio_is_rate": {
        "zh": "比率（ratio）指标的类型必须是 rate，单位为 %。",
        "en": "A ratio indicator is of kind rate, in %.",
    },
    "catx.sum_has_parts": {
        "zh": "求和（sum）指标不能有分子或分母。",
        "en": "A summed indicator has no numerator or denominator.",
    },
    "catx.structural_sum": {
        "zh": "结构指标必须是可加总的数量（不能是比率）。",
        "en": "A structural figure is a summed size, not a rate.",
    },
    "catx.duplicate": {
        "zh": "编号重复：第 {first} 行已有同一编号。",
        "en": "Duplicate id: row {first} has it already.",
    },
    "catx.cycle": {
        "zh": "定义绕回自身：{path}。",
        "en": "The definition comes back to itself: {path}.",
    },
    "catx.part_missing": {
        "zh": "{aggregation} 指标需要分子和分母。",
        "en": "A {aggregation} indicator needs a numerator and a denominator.",
    },
    "catx.unknown_indicator": {
        "zh": "没有编号为“{value}”的指标。",
        "en": "No indicator has the id “{value}”.",
    },
    "catx.part_not_summed": {
        "zh": "分子和分母必须是直接填报、可加总的指标（sum）。",
        "en": "A numerator or denominator must be a reported, summed indicator (sum).",
    },
    "catx.base_not_summed": {
        "zh": "人均基数必须是另一个可加总的指标（sum）。",
        "en": "A per-capita base must be another summed indicator (sum).",
    },
    "catx.uses_retired": {
        "zh": "“{value}”已停用，启用中的指标不能依赖它。",
        "en": "“{value}” is retired; an active indicator cannot be built on it.",
    },
    "catx.still_used": {
        "zh": "不能停用：这些启用中的指标依赖它：{users}。",
        "en": "Cannot retire it: these active indicators are built on it: {users}.",
    },
    "catx.bad_side": {
        "zh": "每一边应是一个指标编号，或用 + 连接的几个指标编号。",
        "en": "Each side is an indicator id, or ids joined by +.",
    },
    "catx.has_figures": {
        "zh": "该指标已有 {figures} 条数据，不能把“{was}”改为“{value}”（已存数据不会被重新解释）；请另建一个新指标。",
        "en": (
            "This indicator has {figures} stored figures; “{was}” cannot become “{value}” (stored figures are never "
            "reinterpreted). Add a new indicator instead."
        ),
    },
    "adm_ind_col_id": {
        "zh": "编号",
        "en": "Id",
    },
    "adm_ind_col_name_zh": {
        "zh": "中文名称",
        "en": "Chinese name",
    },
    "adm_ind_col_name_en": {
        "zh": "英文名称",
        "en": "English name",
    },
    "adm_ind_col_group_id": {
        "zh": "分组编号",
        "en": "Group id",
    },
    "adm_ind_col_group_zh": {
        "zh": "分组（中文）",
        "en": "Group (Chinese)",
    },
    "adm_ind_col_group_en": {
        "zh": "分组（英文）",
        "en": "Group (English)",
    },
    "adm_ind_col_unit": {
        "zh": "单位",
        "en": "Unit",
    },
    "adm_ind_col_unit_en": {
        "zh": "英文单位",
        "en": "Unit (English)",
    },
    "adm_ind_col_kind": {
        "zh": "类型",
        "en": "Kind",
    },
    "adm_ind_col_direction": {
        "zh": "方向",
        "en": "Direction",
    },
    "adm_ind_col_aggregation": {
        "zh": "汇总方式",
        "en": "Aggregation",
    },
    "adm_ind_col_numerator": {
        "zh": "分子",
        "en": "Numerator",
    },
    "adm_ind_col_denominator": {
        "zh": "分母",
        "en": "Denominator",
    },
    "adm_ind_col_stock_flow": {
        "zh": "存量/流量",
        "en": "Stock or flow",
    },
    "adm_ind_col_per_capita_base": {
        "zh": "人均基数",
        "en": "Per-capita base",
    },
    "adm_ind_col_amber_band": {
        "zh": "预警线",
        "en": "Amber band",
    },
    "adm_ind_col_headline": {
        "zh": "首页卡片",
        "en": "Overview tile",
    },
    "adm_ind_col_structural": {
        "zh": "结构指标",
        "en": "Structural",
    },
    "adm_ind_col_decimals": {
        "zh": "小数位",
        "en": "Decimals",
    },
    "adm_ind_col_sort_order": {
        "zh": "排序",
        "en": "Sort order",
    },
    "adm_ind_col_description_zh": {
        "zh": "中文说明",
        "en": "Description (Chinese)",
    },
    "adm_ind_col_description_en": {
        "zh": "英文说明",
        "en": "Description (English)",
    },
    "adm_ind_col_status": {
        "zh": "状态",
        "en": "Status",
    },
    "adm_ind_col_row": {
        "zh": "行",
        "en": "Row",
    },
    "adm_ind_col_column": {
        "zh": "列",
        "en": "Column",
    },
    "adm_ind_col_value": {
        "zh": "内容",
        "en": "Value",
    },
    "adm_ind_col_reason": {
        "zh": "原因",
        "en": "Reason",
    },
    "adm_ind_col_reason_other": {
        "zh": "Reason",
        "en": "原因",
    },
    "adm_rule_col_id": {
        "zh": "编号",
        "en": "Id",
    },
    "adm_rule_col_check": {
        "zh": "校验",
        "en": "Check",
    },
    "adm_rule_col_severity": {
        "zh": "不通过时",
        "en": "When it fails",
    },
    "adm_rule_col_message": {
        "zh": "说明",
        "en": "Message",
    },
    "rule_severity_error": {
        "zh": "拒收文件",
        "en": "the file is refused",
    },
    "rule_severity_warning": {
        "zh": "提醒",
        "en": "a warning",
    },
    "adm_ind_nav": {
        "zh": "指标",
        "en": "Indicators",
    },
    "adm_ind_heading": {
        "zh": "管理 › 指标",
        "en": "Admin › Indicators",
    },
    "sign_in_indicators": {
        "zh": "登录后管理指标目录",
        "en": "Sign in to manage the indicator catalogue",
    },
    "adm_ind_intro": {
        "zh": (
            "指标目录属于本工会：新增的指标无需改代码即出现在模板、上传检查、对标、排名、简报和大屏上。已有数"
            "据的指标不能改单位或类型；停用的指标不再出现在模板和选择框中，数据保留并可导出。"
        ),
        "en": (
            "The catalogue is the federation's own: a new indicator appears in the templates, the upload checks, the "
            "comparison, the rankings, the briefing and the wall screen with no code change. An indicator with figures "
            "keeps its unit and kind; a retired one leaves the templates and pickers while its figures stay, "
            "exportable."
        ),
    },
    "adm_ind_tab_table": {
        "zh": "指标目录",
        "en": "Catalogue",
    },
    "adm_ind_tab_rules": {
        "zh": "校验规则",
        "en": "Validation rules",
    },
    "adm_ind_status_active": {
        "zh": "启用",
        "en": "active",
    },
    "adm_ind_status_retired": {
        "zh": "已停用",
        "en": "retired",
    },
    "adm_ind_tab_edit": {
        "zh": "新增或修改",
        "en": "Add or change",
    },
    "adm_ind_tab_file": {
        "zh": "上传目录文件",
        "en": "Upload a catalogue file",
    },
    "adm_ind_tab_retire": {
        "zh": "停用",
        "en": "Retire",
    },
    "adm_ind_choose": {
        "zh": "指标",
        "en": "Indicator",
    },
    "adm_ind_new": {
        "zh": "＋ 新指标",
        "en": "+ New indicator",
    },
    "adm_ind_save": {
        "zh": "检查并保存",
        "en": "Check and save",
    },
    "adm_ind_saved": {
        "zh": "已保存指标 {id}。",
        "en": "Saved indicator {id}.",
    },
    "adm_ind_rejected": {
        "zh": "未保存：请改正下列问题。",
        "en": "Nothing was saved: please correct these problems.",
    },
    "adm_ind_retire_choose": {
        "zh": "要停用的指标",
        "en": "Indicator to retire",
    },
    "adm_ind_retire": {
        "zh": "停用…",
        "en": "Retire…",
    },
    "adm_ind_retire_explain": {
        "zh": (
            "停用后，该指标不再出现在模板、选择框和首页卡片中；已报数据保留，仍可导出。其他启用中的指标依赖它"
            "时不能停用。"
        ),
        "en": (
            "A retired indicator leaves the templates, pickers and overview tiles; its figures stay and are still "
            "exported. It cannot be retired while an active indicator is built on it."
        ),
    },
    "adm_ind_retire_confirm": {
        "zh": "确认停用 {id}",
        "en": "Retire {id}",
    },
    "adm_ind_retired": {
        "zh": "已停用指标 {id}，数据保留。",
        "en": "Retired {id}; its figures stay.",
    },
    "adm_ind_upload_catalogue": {
        "zh": "目录文件（CSV 或 XLSX，列同“指标列表”导出）",
        "en": "Catalogue file (CSV or XLSX, the columns of `indicators list`)",
    },
    "adm_ind_upload_rules": {
        "zh": "规则文件（CSV 或 XLSX）",
        "en": "Rules file (CSV or XLSX)",
    },
    "adm_ind_preview": {
        "zh": "检查通过：将新增 {added} 项、修改 {changed} 项。",
        "en": "Checked: {added} to add, {changed} to change.",
    },
    "adm_ind_apply": {
        "zh": "写入",
        "en": "Apply",
    },
    "adm_ind_applied": {
        "zh": "已写入：新增 {added} 项、修改 {changed} 项。",
        "en": "Applied: {added} added, {changed} changed.",
    },
    "adm_rules_heading": {
        "zh": "校验规则",
        "en": "Validation rules",
    },
    "adm_rules_intro": {
        "zh": "上传和报送时按这些规则核对数据：不通过“拒收文件”的规则，整个文件不入库；“提醒”只提示。",
        "en": (
            "Uploads and submissions are checked against these rules: a file failing a “refused” rule is not stored; "
            "a warning is only shown."
        ),
    },
    "method_rules_intro": {
        "zh": "每个上传和报送的文件都按下列规则核对（规则由管理员在“管理 › 指标”维护）。",
        "en": (
            "Every uploaded or submitted file is checked against these rules (kept by admins under Admin › Indicators)."
        ),
    },
    # --- permissions ---
    "audit.confirm": {"zh": "确认存疑行", "en": "held rows confirmed"},
    "audit.sign_in": {"zh": "登录", "en": "signed in"},
    "audit.sign_in_locked": {"zh": "登录被锁定", "en": "sign-in while locked"},
    "audit.sign_in_unlock": {"zh": "解除登录锁定", "en": "sign-in unlocked"},
    "held_heading": {
        "zh": "以下 {count} 行可能有误，须逐行确认后才能{action}：",
        "en": "These {count} rows look like slips and need a yes before you can {action}:",
    },
    "held_confirm": {
        "zh": "我已核对，确认以上各行无误（第 {rows} 行）",
        "en": "I have checked and confirm each row above (rows {rows})",
    },
    "held_action_commit": {"zh": "提交", "en": "commit"},
    "held_action_submit": {"zh": "提交审核", "en": "submit"},
    # --- quarters ---
    "ranking_coverage": {
        "zh": "{scope}共 {total} 个，其中 {n} 个有本季数据参与排名，其余暂无数据",
        "en": "{n} of the {total} places in {scope} have figures this quarter and are ranked; the others have none",
    },
    "cmp.no_home": {
        "zh": "本地暂无数据",
        "en": "no figure yet",
    },
    "explorer_col_region_code": {
        "zh": "地区代码",
        "en": "Region code",
    },
    "explorer_col_upload": {
        "zh": "上传编号",
        "en": "Upload",
    },
    "explorer_col_file": {
        "zh": "文件",
        "en": "File",
    },
    "explorer_col_user": {
        "zh": "上传人",
        "en": "Uploaded by",
    },
    "explorer_col_time": {
        "zh": "上传时间",
        "en": "Uploaded at",
    },
    "explorer_file_places": {
        "zh": "{first}等{n}地",
        "en": "{first} and others ({n})",
    },
    "explorer_file_indicators": {
        "zh": "{n}项指标",
        "en": "{n} indicators",
    },
    "reminder.returned_due": {
        "zh": "【报送提醒】{region}总工会：{period}工会指标数据已退回（原因：{reason}），请于{year}年{month}月{day}日前"
        "修改后通过工会对标看板重新报送。",
        "en": "[Reminder] {region} union federation: the {period} union indicators were returned ({reason}); please "
        "correct them and send them again by {year}-{month:02d}-{day:02d}.",
    },
    "deadline_left": {
        "zh": "距截止还有 {days} 天",
        "en": "{days} day(s) to the deadline",
    },
    "deadline_today": {
        "zh": "今天截止",
        "en": "due today",
    },
    "deadline_overdue": {
        "zh": "已逾期 {days} 天",
        "en": "{days} day(s) overdue",
    },
    "deadline_column": {
        "zh": "截止",
        "en": "Deadline",
    },
    "cmp.needed_flow_year": {
        "zh": "{year}年全年还需完成{amount}（按对标全年水平）",
        "en": "{amount} more in {year} as a whole (against the benchmark's yearly level)",
    },
    "cmp.catch_up_too_slow": {
        "zh": "按近四季速度需十年以上",
        "en": "more than ten years at the last four quarters' pace",
    },
    "cmp.gap_same": {
        "zh": "持平",
        "en": "unchanged",
    },
    "cmp.gap_better": {
        "zh": "改善：差距缩小（上季{before}）",
        "en": "better: gap narrowed (was {before})",
    },
    "cmp.gap_worse": {
        "zh": "变差：差距扩大（上季{before}）",
        "en": "worse: gap widened (was {before})",
    },
    "cmp.lead_better": {
        "zh": "改善：领先扩大（上季{before}）",
        "en": "better: lead grew (was {before})",
    },
    "cmp.lead_worse": {
        "zh": "变差：领先缩小（上季{before}）",
        "en": "worse: lead shrank (was {before})",
    },
    "cmp.level_better": {
        "zh": "改善（上季{before}）",
        "en": "better (was {before})",
    },
    "cmp.level_worse": {
        "zh": "变差（上季{before}）",
        "en": "worse (was {before})",
    },
    "gap_change": {
        "zh": "差距较上季",
        "en": "Gap vs last quarter",
    },
    "own_trend": {
        "zh": "本地走势（近四季）",
        "en": "Own trend (4 quarters)",
    },
    "quarter_partly_reported": {
        "zh": "{period}：{counties} 个县区中已报送 {n} 个（{names}），{still}",
        "en": "{period}: {n} of {counties} counties have reported ({names}); {still}",
    },
    "quarter_city_still": {
        "zh": "全市数据仍为{period}",
        "en": "the city's figures are still for {period}",
    },
    "quarter_city_none": {
        "zh": "全市暂无数据",
        "en": "the city has no figures yet",
    },
    "quarter_link_no_data": {
        "zh": "链接所指的{asked}没有数据，显示的是{shown}",
        "en": "The link asked for {asked}, which has no figures; {shown} is shown",
    },
    "quarter_link_unknown": {
        "zh": "链接中的季度无法识别，显示的是{shown}",
        "en": "The quarter in the link was not understood; {shown} is shown",
    },
    "quarter_open_county": {
        "zh": "查看{name}{period}",
        "en": "Open {name}, {period}",
    },
    "map_no_county_data": {
        "zh": "{city}暂无县区数据",
        "en": "{city} has no county figures yet",
    },
    "map_no_data": {
        "zh": "{scope}暂无数据",
        "en": "No figures for {scope} yet",
    },
    "quarter_region_no_data": {
        "zh": "{region}{period}暂无数据",
        "en": "{region} has no figures for {period}",
    },
}


def t(key: str, lang: str, **values) -> str:
    """The string for `key` in `lang` (Chinese when the language is unknown), with {placeholders} filled."""
    text = STRINGS[key].get(lang) or STRINGS[key]["zh"]
    return text.format(**values) if values else text


def words(prefix: str, lang: str) -> dict:
    """Every entry under `prefix` in one language, keyed without the prefix: words("cmp.", "en")["behind"]."""
    lang = lang if lang in LANGUAGES else "zh"
    return {key.removeprefix(prefix): entry[lang] for key, entry in STRINGS.items() if key.startswith(prefix)}
