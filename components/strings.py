"""Every interface string in one place, Chinese first. Indicator names and units come from the catalogue."""

LANGUAGES = {"zh": "中文", "en": "English"}

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {"zh": "工会对标看板", "en": "Union Benchmark Dashboard"},
    "language": {"zh": "语言", "en": "Language"},
    "overview": {"zh": "总览", "en": "Overview"},
    "home_region": {"zh": "本地", "en": "Home"},
    "benchmark_set": {"zh": "对标组", "en": "Benchmark"},
    "quarter": {"zh": "季度", "en": "Quarter"},
    "indicator": {"zh": "指标", "en": "Indicator"},
    "per_10k_toggle": {"zh": "按每万名职工", "en": "Per 10,000 workers"},
    "demo_banner": {
        "zh": "演示数据：以下数字由程序生成，仅用于演示，不是真实统计。",
        "en": "Demo data: the figures below are generated for demonstration and are not real statistics.",
    },
    "overview_heading": {"zh": "{home} · {period} · 对标{bench}", "en": "{home} · {period} · vs {bench}"},
    "data_as_of": {"zh": "数据更新于 {time}", "en": "Data as of {time}"},
    "vs_previous_quarter": {"zh": "较上季度", "en": "vs previous quarter"},
    "vs_last_year": {"zh": "较去年同期", "en": "vs same quarter last year"},
    "per_10k_short": {"zh": "每万名职工", "en": "per 10k workers"},
    "status_ahead": {"zh": "▲ 领先", "en": "▲ Ahead"},
    "status_level": {"zh": "● 持平", "en": "● Level"},
    "status_near": {"zh": "● 接近", "en": "● Close"},  # the map profile's until it renders the read model
    "total_context": {"zh": "总量", "en": "Total"},
    "status_behind": {"zh": "▼ 落后", "en": "▼ Behind"},
    "status_unknown": {"zh": "— 无对标", "en": "— No benchmark"},
    "map_heading": {"zh": "{city}各县区 · {indicator}", "en": "Counties of {city} · {indicator}"},
    "map_rank": {"zh": "排名", "en": "Rank"},
    "no_data": {
        "zh": "暂无数据。请先运行 unionbench init --demo 或上传数据。",
        "en": "No data yet. Run `unionbench init --demo` or upload a file.",
    },
    "link_value_ignored": {
        "zh": "链接中的 {param} 无法识别，已用默认值",
        "en": "{param} in the link was not understood; the default is used",
    },
    "page_failed": {
        "zh": "页面出错，已记录。如需协助，请告知管理员错误编号 {id}。",
        "en": "Something went wrong and it has been logged. If you need help, quote error id {id}.",
    },
    "sign_in_locked": {
        "zh": "登录失败次数过多，已暂时锁定。请于 {time}（约 {minutes} 分钟后）再试。",
        "en": "Too many failed sign-ins: locked for now. Try again after {time} (in about {minutes} min).",
    },
    "example_password": {
        "zh": "安全提醒：有上传账号仍在使用示例密码 demo2026，而本数据库不只是演示数据。请用 unionbench passwd "
        "生成新密码并更新 .streamlit/secrets.toml。",
        "en": "Security warning: an upload account still has the example password demo2026 on a database that holds "
        "more than demo data. Run `unionbench passwd` and update .streamlit/secrets.toml.",
    },
    "not_initialised": {
        "zh": "数据库尚未初始化完成（初始化可能被中断）。请运行 unionbench init。",
        "en": "The database is not initialised (its initialisation may have been interrupted). Run `unionbench init`.",
    },
    "no_database": {
        "zh": "找不到数据库：{path}。请运行 make run 或 unionbench init --demo。",
        "en": "No database at {path}. Run `make run` or `unionbench init --demo`.",
    },
    "county_table": {"zh": "县区数值", "en": "County values"},
    "region": {"zh": "地区", "en": "Region"},
    "value": {"zh": "数值", "en": "Value"},
    "gap": {"zh": "差距", "en": "Gap"},
    "points": {"zh": "个百分点", "en": "pts"},
    "per_10k_basis": {"zh": "按每万名职工计（{unit}）", "en": "{unit} per 10,000 workers"},
    "rate_basis": {"zh": "按比率计（{unit}）", "en": "as a rate ({unit})"},
    "no_periods": {"zh": "{home}暂无任何季度数据。", "en": "No quarter has data for {home} yet."},
    "no_data_legend": {"zh": "灰色：本季度无数据", "en": "Grey: no figure this quarter"},
    "level": {"zh": "层级", "en": "Level"},
    "level_county": {"zh": "县区", "en": "Counties"},
    "level_city": {"zh": "城市", "en": "Cities"},
    "map": {"zh": "地图", "en": "Map"},
    "rankings": {"zh": "排名", "en": "Rankings"},
    "gaps": {"zh": "差距分析", "en": "Gap analysis"},
    "targets": {"zh": "目标进度", "en": "Targets"},
    "trends": {"zh": "趋势", "en": "Trends"},
    "explorer": {"zh": "数据查询", "en": "Data explorer"},
    "method": {"zh": "方法说明", "en": "Methodology"},
    "scope": {"zh": "范围", "en": "Scope"},
    "scope_counties": {"zh": "{home}各县区", "en": "Counties of {home}"},
    "scope_province_cities": {"zh": "全省各市（州）", "en": "Cities of the province"},
    "scope_benchmark_cities": {"zh": "{home}与对标城市", "en": "{home} and benchmark cities"},
    "scope_benchmark_counties": {"zh": "{home}与对标城市的县区", "en": "Counties of {home} and benchmark cities"},
    "scope_province_counties": {"zh": "全省各县（市、区）", "en": "Counties of the province"},
    "basis_per_10k": {"zh": "按每万名职工（{unit}）", "en": "Per 10,000 workers ({unit})"},
    "basis_rate": {"zh": "按比率（{unit}）", "en": "As a rate ({unit})"},
    "basis_value": {"zh": "按总量（{unit}）", "en": "As a total ({unit})"},
    "basis_raw_count": {
        "zh": "按总量（{unit}）：随规模增长、无人均基数，未按规模折算，仅供参考",
        "en": "As a total ({unit}): it grows with size and has no per-capita base, so it is not scaled; read with care",
    },
    "ranked_of": {
        "zh": "{n}个地区中有{ranked}个本季度有数据（无数据的列在表末）",
        "en": "{ranked} of {n} regions have a figure this quarter (those without are listed last)",
    },
    "ranking_condensed": {
        "zh": "图中显示前{n}名、后{n}名和{home}的地区（红色），省略处注明省去的名次数；完整名次见右表。",
        "en": "The chart shows the top {n}, the bottom {n} and {home}'s regions (red); gaps say how many ranks are "
        "left out. The table beside it has every rank.",
    },
    "bars_skipped": {"zh": "⋯ 省略{n}个 ⋯", "en": "⋯ {n} not shown ⋯"},
    "map_basis_differs": {
        "zh": "地图和右表按总量排名；下方概况按对比口径（{unit}）排名，两者名次可能不同。"
        "打开“按每万名职工”后口径一致。",
        "en": "The map and the table rank totals; the profile below ranks on the compared basis ({unit}), so ranks "
        "may differ. Turn on “Per 10,000 workers” to read both on one basis.",
    },
    "profile_compared": {"zh": "对比值（同口径）", "en": "Compared figure"},
    "profile_benchmark": {"zh": "对标值（同口径）", "en": "Benchmark (same basis)"},
    "profile_verdict": {"zh": "判断", "en": "Verdict"},
    "profile_value": {"zh": "总量（背景）", "en": "Total (context)"},
    "profile_no_figure": {"zh": "本季度未报数据", "en": "no figure reported this quarter"},
    "profile_rank_among": {
        "zh": "排名范围：{scope}，按对比口径（每万名职工、比率）计算；县区与对标城市的县区比较，城市与城市比较；"
        "随规模增长的总量只作背景，不列对标值、不评判。",
        "en": "Ranks among {scope}, on the compared basis (per 10,000 workers, or the rate); a county is read "
        "against the benchmark cities' counties, a city against cities; totals that grow with size are context "
        "only, with no benchmark and no verdict.",
    },
    "profile_indicator_line": {"zh": "**{indicator}**：{sentence}", "en": "**{indicator}**: {sentence}"},
    "profile_rank_part": {"zh": "排名 {rank}/{of}（{scope}）", "en": "rank {rank} of {of} ({scope})"},
    "profile_value_part": {"zh": "总量 {value}（背景）", "en": "total {value} (context)"},
    "map_page_heading": {"zh": "{scope} · {indicator} · {period}", "en": "{scope} · {indicator} · {period}"},
    "map_click_hint": {
        "zh": "点击地图上的区域查看其概况；点击城市可进入其县区。",
        "en": "Click a region on the map for its profile; click a city to drill into its counties.",
    },
    "drill_into": {"zh": "进入{city}的县区", "en": "Drill into the counties of {city}"},
    "back_to": {"zh": "返回{scope}", "en": "Back to {scope}"},
    "profile_heading": {"zh": "{region}概况 · {period}", "en": "Profile of {region} · {period}"},
    "profile_pick": {"zh": "查看区域概况", "en": "Region profile"},
    "rank_of": {"zh": "排名", "en": "Rank"},
    "benchmark": {"zh": "对标值", "en": "Benchmark"},
    "trend": {"zh": "趋势", "en": "Trend"},
    "trend_improving": {"zh": "↗ 向好", "en": "↗ improving"},
    "trend_stagnating": {"zh": "→ 停滞", "en": "→ stagnating"},
    "trend_worsening": {"zh": "↘ 变差", "en": "↘ worsening"},
    "trend_unknown": {"zh": "— 数据不足", "en": "— too little data"},
    "last_8_quarters": {"zh": "近 8 个季度", "en": "Last 8 quarters"},
    "rankings_heading": {"zh": "{scope} · {period}", "en": "{scope} · {period}"},
    "ranking_indicator": {"zh": "单项排名 · {indicator}", "en": "Ranking · {indicator}"},
    "move_quarter": {"zh": "较上季度", "en": "vs last quarter"},
    "move_year": {"zh": "较去年同期", "en": "vs a year ago"},
    "caution": {"zh": "提示", "en": "Note"},
    "caution_text": {"zh": "⚠ 差距极小", "en": "⚠ tiny gap"},
    "caution_note": {
        "zh": "⚠ 表示与相邻名次相差不到 1% 或不到显示精度：名次及其变化不宜过度解读。",
        "en": "⚠ marks a rank less than 1 % (or one display step) from its neighbour: do not read much into it or "
        "its move.",
    },
    "composite_heading": {"zh": "综合指数", "en": "Composite index"},
    "composite_method": {
        "zh": "方法：每项指标在本范围内标准化（z 分数，截断于 ±3，越低越好的指标取反；"
        "数量和金额按每万名职工计），再按权重加权平均。权重默认相等，可在下方调整。",
        "en": "Method: each indicator is standardised within this scope (z-score, capped at ±3, sign flipped where "
        "lower is better; counts and money per 10,000 workers), then averaged with weights — equal by default, "
        "adjustable below.",
    },
    "weights": {"zh": "调整权重", "en": "Adjust weights"},
    "composite": {"zh": "综合得分", "en": "Composite"},
    "coverage": {"zh": "参与指标数", "en": "Indicators"},
    "moved_up": {"zh": "↑{n}", "en": "↑{n}"},
    "moved_down": {"zh": "↓{n}", "en": "↓{n}"},
    "unchanged_rank": {"zh": "—", "en": "—"},
    "trends_heading": {"zh": "趋势 · {period}", "en": "Trends · {period}"},
    "regions": {"zh": "地区", "en": "Regions"},
    "indicators": {"zh": "指标", "en": "Indicators"},
    "quarters_shown": {"zh": "显示季度数", "en": "Quarters shown"},
    "changes_heading": {"zh": "变化（{period}）", "en": "Changes ({period})"},
    "qoq": {"zh": "环比", "en": "QoQ"},
    "yoy": {"zh": "同比", "en": "YoY"},
    "year_to_date": {"zh": "年初至今", "en": "Year to date"},
    "flow_note": {
        "zh": "存量指标（如站点数）看环比；流量指标（如资金、培训）按季度发生额计，年末集中，看同比和年初至今累计。",
        "en": "Stocks (e.g. stations) read quarter on quarter; flows (funds, trainings) are in-quarter amounts that "
        "cluster at year end, so read them year on year and as year-to-date totals.",
    },
    "explorer_heading": {"zh": "数据查询", "en": "Data explorer"},
    "periods_range": {"zh": "季度范围", "en": "Quarters"},
    "show_provenance": {"zh": "显示数据来源（哪次上传）", "en": "Show provenance (which upload set each figure)"},
    "computed": {"zh": "汇总/计算所得", "en": "rolled up / derived"},
    "download_csv": {"zh": "下载 CSV", "en": "Download CSV"},
    "download_xlsx": {"zh": "下载 Excel", "en": "Download Excel"},
    "rows_count": {"zh": "共 {n} 行", "en": "{n} rows"},
    "unit": {"zh": "单位", "en": "Unit"},
    "source": {"zh": "来源", "en": "Source"},
    "method_heading": {"zh": "方法说明", "en": "Methodology"},
    "targets_heading": {"zh": "{home}{year}年目标进度 · 截至{period}", "en": "{home} targets {year} · as of {period}"},
    "target": {"zh": "目标", "en": "Target"},
    "actual": {"zh": "实际", "en": "Actual"},
    "expected_by_now": {"zh": "应达进度", "en": "Expected by now"},
    "achieved": {"zh": "计划完成度", "en": "Share of the year's plan done"},
    "due_share": {"zh": "应完成", "en": "Due by now"},
    "lagging_counties": {"zh": "进度滞后：{names}", "en": "Behind schedule: {names}"},
    "no_lagging": {"zh": "没有进度滞后的县区。", "en": "No county is behind schedule."},
    "no_targets": {"zh": "{year}年尚无目标。", "en": "No targets for {year}."},
    "target_reached": {"zh": "✔ 已完成", "en": "✔ reached"},
    "target_on_track": {"zh": "● 按进度", "en": "● on track"},
    "target_lagging": {"zh": "▼ 滞后", "en": "▼ behind schedule"},
    "target_missed": {"zh": "✖ 未完成", "en": "✖ missed"},
    "target_unknown": {"zh": "— 无数据", "en": "— no figure"},
    "targets_note": {
        "zh": "“计划完成度”是今年计划增量已完成的比例：流量指标（资金、培训）为年初至今累计 ÷ 年度目标；"
        "存量指标和比率为（当前 − 年初水平）÷（目标 − 年初水平）。100% 即全年目标已达到，可超过 100%；"
        "“应完成”是按时间进度此时应完成的比例（每季度 25%）。落后于应完成超过 10 个百分点为“滞后”。",
        "en": "'Share of the year's plan done' is how much of this year's planned change is done: for a flow (money, "
        "trainings) the year-to-date total ÷ the annual target; for a stock or a rate (current − start-of-year "
        "level) ÷ (target − start-of-year level). 100 % means the year's target is reached; it may exceed 100 %. "
        "'Due by now' is the share the calendar expects (25 % a quarter); more than 10 points short of it is "
        "'behind schedule'.",
    },
    "method_rules": {"zh": "精确规则（代码中的说明，英文）", "en": "The exact rules, as the code states them"},
    "screen": {"zh": "大屏", "en": "Wall screen"},
    "screen_heading": {"zh": "{home}工会对标", "en": "{home} union benchmarks"},
    "vs_bench": {"zh": "对标{bench}", "en": "vs {bench}"},
    "demo_tag": {"zh": "演示数据", "en": "demo data"},
    "screen_ranking": {"zh": "县区排名（{unit}）", "en": "County ranking ({unit})"},
    "screen_gaps": {"zh": "与{bench}对比（{unit}）", "en": "Against {bench} ({unit})"},
    "screen_slide_overview": {"zh": "总览", "en": "Overview"},
    "screen_slide_indicator": {"zh": "短板", "en": "Lagging"},
    "screen_slide_chosen": {"zh": "指标", "en": "Indicator"},
    "screen_slide_ranking": {"zh": "县区", "en": "Counties"},
    "screen_slide_trend": {"zh": "趋势", "en": "Trend"},
    "screen_basis": {"zh": "按 {unit} 比较", "en": "compared in {unit}"},
    "screen_rank_trend": {"zh": "排名 {rank} · 趋势 {trend}", "en": "rank {rank} · trend {trend}"},
    "screen_needed": {"zh": "年底追平：{needed}", "en": "to catch up by year end: {needed}"},
    "screen_each_member": {"zh": "{home}与各对标城市", "en": "{home} against each benchmark city"},
    "screen_county_heading": {
        "zh": "{city}各县区排名（对标{bench}各县区）",
        "en": "Counties of {city}, ranked (against the counties of {bench})",
    },
    "screen_trend_heading": {"zh": "近 8 个季度：{home}与{bench}", "en": "Last 8 quarters: {home} and {bench}"},
    "screen_drag": {
        "zh": "落后最多的县区（对标{bench}各县区）",
        "en": "Counties furthest behind (against the counties of {bench})",
    },
    "screen_overview_what": {
        "zh": "重点指标，各按其口径（每万名职工或比率）",
        "en": "key indicators, each on its basis (per 10,000 workers or a rate)",
    },
    "list_sep": {"zh": "、", "en": ", "},
    "screen_legend_ahead": {"zh": "领先", "en": "ahead"},
    "screen_legend_level": {"zh": "持平", "en": "level"},
    "screen_legend_behind": {"zh": "落后", "en": "behind"},
    "screen_link_note": {
        "zh": "链接参数有误，已用默认值：{keys}",
        "en": "Link values not understood, defaults used: {keys}",
    },
    "screen_stale": {
        "zh": "数据暂时无法读取，显示 {time} 的画面",
        "en": "Data unreachable: showing the frame of {time}",
    },
    "gap_region": {"zh": "本地区域", "en": "Home region"},
    "reference": {"zh": "对标口径", "en": "Compare with"},
    "reference_average": {"zh": "对标组平均", "en": "Set average"},
    "reference_best": {"zh": "对标组最优", "en": "Best in set"},
    "reference_p90": {"zh": "全省前 10% 水平", "en": "Provincial top 10 %"},
    "gaps_heading": {
        "zh": "{region} · 对标{bench}（{reference}） · {period}",
        "en": "{region} · vs {bench} ({reference}) · {period}",
    },
    "strengths": {"zh": "优势", "en": "Strengths"},
    "weaknesses": {"zh": "短板", "en": "Weaknesses"},
    "none_listed": {"zh": "无", "en": "None"},
    "context_heading": {
        "zh": "背景指标（随规模增长的总量与基数，只列出不评判）",
        "en": "Context (totals that grow with size, and bases: shown, not judged)",
    },
    "gap_table_heading": {"zh": "逐项差距", "en": "Indicator by indicator"},
    "home_figure": {"zh": "本地", "en": "Home"},
    "relative_gap": {"zh": "相对差距", "en": "Relative"},
    "catch_up": {"zh": "追平预计", "en": "Catch-up"},
    "catch_up_quarters": {"zh": "约 {n} 个季度", "en": "about {n} quarters"},
    "catch_up_ahead": {"zh": "已领先", "en": "already ahead"},
    "catch_up_never": {"zh": "按当前速度无法追上", "en": "not at the current pace"},
    "catch_up_unknown": {"zh": "数据不足", "en": "too little data"},
    "needed": {"zh": "年底追平每季需增", "en": "Needed per quarter to catch up by year end"},
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
        "en": "An exact split by county size: the contributions add up to the city's gap ({unit}). Negative pulls "
        "the city down.",
    },
    "biggest_drag": {"zh": "拉低最多：{county}", "en": "Largest drag: {county}"},
    "briefing_docx": {"zh": "下载季度通报（Word）", "en": "Download the briefing (Word)"},
    "briefing_pdf": {"zh": "下载季度通报（PDF）", "en": "Download the briefing (PDF)"},
    "briefing_reference_average": {
        "zh": "县区通报与对标城市所辖县区比较，不与单个城市比较：通报按对标组县区平均水平撰写。",
        "en": "A county's briefing reads it against the benchmark cities' counties, not one city: it uses their "
        "average.",
    },
    "upload": {"zh": "数据上传", "en": "Upload"},
    "upload_heading": {"zh": "季度数据上传", "en": "Quarterly upload"},
    "no_upload_users": {
        "zh": "尚未配置上传账号：请在 .streamlit/secrets.toml 的 [upload_users] 中加入账号"
        "（用 unionbench passwd 用户名 生成），然后刷新本页。",
        "en": "No upload accounts are configured: add one under [upload_users] in .streamlit/secrets.toml "
        "(`unionbench passwd NAME` prints the line), then reload this page.",
    },
    "sign_in": {"zh": "登录后上传", "en": "Sign in to upload"},
    "user_name": {"zh": "用户名", "en": "User name"},
    "password": {"zh": "密码", "en": "Password"},
    "sign_in_button": {"zh": "登录", "en": "Sign in"},
    "sign_in_failed": {"zh": "用户名或密码不正确。", "en": "Wrong user name or password."},
    "signed_in_as": {"zh": "已登录：{user}", "en": "Signed in as {user}"},
    "sign_out": {"zh": "退出登录", "en": "Sign out"},
    "step_template": {"zh": "① 下载填报模板", "en": "① Download the template"},
    "template_hint": {
        "zh": "模板已列出{home}各县区和需填报的指标；比率由系统根据分子分母自动计算，无需填写。",
        "en": "The template lists the counties of {home} and the indicators to report; rates are computed "
        "from their parts, so they are not columns.",
    },
    "template_csv": {"zh": "下载 CSV 模板", "en": "Download CSV template"},
    "template_xlsx": {"zh": "下载 Excel 模板", "en": "Download Excel template"},
    "step_upload": {"zh": "② 上传填好的文件", "en": "② Upload the filled-in file"},
    "upload_file": {"zh": "CSV 或 Excel（.xlsx）文件", "en": "CSV or Excel (.xlsx) file"},
    "period_for_file": {
        "zh": "季度（仅当文件中没有季度列时使用）",
        "en": "Quarter (used only when the file has no period column)",
    },
    "checking": {"zh": "正在检查文件…", "en": "Checking the file…"},
    "rejected": {
        "zh": "文件未通过检查：发现 {count} 个问题，未写入任何数据。请修改后重新上传。",
        "en": "The file was not accepted: {count} problem(s) found and nothing was written. Fix them and upload again.",
    },
    "more_problems": {
        "zh": "只列出前 {shown} 个问题（共 {count} 个），完整清单请下载。",
        "en": "The first {shown} of {count} problems are listed; download the full list.",
    },
    "problems_download": {"zh": "下载问题清单（CSV）", "en": "Download the problem list (CSV)"},
    "warnings_heading": {"zh": "请留意（不影响导入）：{count} 条", "en": "Worth a look (does not block): {count}"},
    "row": {"zh": "行", "en": "Row"},
    "column": {"zh": "列", "en": "Column"},
    "cell_value": {"zh": "单元格内容", "en": "Cell"},
    "reason": {"zh": "原因", "en": "Reason"},
    "reason_other": {"zh": "Reason (English)", "en": "原因（中文）"},
    "step_preview": {"zh": "③ 预览并确认", "en": "③ Preview and confirm"},
    "preview_new": {"zh": "新增", "en": "New"},
    "preview_changed": {"zh": "修改", "en": "Changed"},
    "preview_unchanged": {"zh": "不变", "en": "Unchanged"},
    "preview_nothing": {
        "zh": "文件中的数字与库中完全相同，提交不会改变任何数据。",
        "en": "Every figure in the file equals the stored one: committing would change nothing.",
    },
    "old_value": {"zh": "原值", "en": "Old"},
    "new_value": {"zh": "新值", "en": "New"},
    "change_status": {"zh": "类型", "en": "Type"},
    "commit_button": {"zh": "确认提交", "en": "Commit"},
    "committed": {
        "zh": "已提交：上传 #{id}，新增 {added} 个、修改 {changed} 个、不变 {unchanged} 个数值。"
        "所有页面（含大屏）将在数秒内显示新数据。",
        "en": "Committed as upload #{id}: {added} new, {changed} changed, {unchanged} unchanged. Every open "
        "page, the wall screen included, shows the new figures within seconds.",
    },
    "already_imported": {
        "zh": "这个文件已于上传 #{previous} 导入过，其数值与库中当前数值相同，本次未做任何更改"
        "（记录为上传 #{id}，0 个更改）。",
        "en": "This file was already imported as upload #{previous} and its figures are the current ones: nothing "
        "was changed (recorded as upload #{id}, 0 changed).",
    },
    "changed_nothing": {
        "zh": "文件中的数值与库中当前数值相同，本次未做任何更改（记录为上传 #{id}，0 个更改）。",
        "en": "Every figure in the file is the current one: nothing was changed (recorded as upload #{id}, 0 changed).",
    },
    "problem_counts": {"zh": "各类问题数量：", "en": "Problems by kind: "},
    "busy": {
        "zh": "数据库正在被另一项写入占用，请稍后再试。未写入任何数据。",
        "en": "Another write is in progress; try again shortly. Nothing was written.",
    },
    "history_heading": {"zh": "上传记录", "en": "Upload history"},
    "upload_id": {"zh": "编号", "en": "ID"},
    "file_name": {"zh": "文件", "en": "File"},
    "uploaded_by": {"zh": "上传人", "en": "By"},
    "uploaded_at": {"zh": "时间", "en": "Time"},
    "layout": {"zh": "格式", "en": "Layout"},
    "status": {"zh": "状态", "en": "Status"},
    "status_committed": {"zh": "有效", "en": "committed"},
    "status_reverted": {"zh": "已撤销", "en": "reverted"},
    "revert_pick": {"zh": "撤销某次上传", "en": "Revert an upload"},
    "revert_confirm": {
        "zh": "我确认撤销上传 #{id}（其数值将恢复为上传前的版本，历史记录保留）",
        "en": "I confirm reverting upload #{id} (its figures go back to their earlier versions; history is kept)",
    },
    "revert_button": {"zh": "撤销", "en": "Revert"},
    "reverted": {"zh": "已撤销上传 #{id}。", "en": "Upload #{id} was reverted."},
    "demo_data_label": {"zh": "（演示数据）", "en": " (demo data)"},
}


def t(key: str, lang: str, **values) -> str:
    """The string for `key` in `lang` (Chinese when the language is unknown), with {placeholders} filled."""
    text = STRINGS[key].get(lang) or STRINGS[key]["zh"]
    return text.format(**values) if values else text
