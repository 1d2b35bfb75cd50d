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
    "status_near": {"zh": "● 接近", "en": "● Close"},
    "status_behind": {"zh": "▼ 落后", "en": "▼ Behind"},
    "status_unknown": {"zh": "— 无对标", "en": "— No benchmark"},
    "map_heading": {"zh": "{city}各县区 · {indicator}", "en": "Counties of {city} · {indicator}"},
    "map_rank": {"zh": "排名", "en": "Rank"},
    "no_data": {
        "zh": "暂无数据。请先运行 unionbench init --demo 或上传数据。",
        "en": "No data yet. Run `unionbench init --demo` or upload a file.",
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
        "zh": "这个文件已于上传 #{id} 导入过，本次未做任何更改。",
        "en": "This file was already imported as upload #{id}; nothing was changed.",
    },
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
