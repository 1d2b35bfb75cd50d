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
}


def t(key: str, lang: str, **values) -> str:
    """The string for `key` in `lang` (Chinese when the language is unknown), with {placeholders} filled."""
    text = STRINGS[key].get(lang) or STRINGS[key]["zh"]
    return text.format(**values) if values else text
