"""The explorer's downloads: figures at the catalogue's decimals, headers in the page's language, no None / NaN /
NaT, and a file name that says which places, indicators and quarters it holds."""

import math

import pandas as pd

from unionbench.catalog import Indicator
from unionbench.export import excel_safe_csv
from unionbench.read.explorer import display_table, download_name, shown_value


def ind(id_, name, decimals, unit="个"):
    return Indicator(id_, name, unit, "g", "higher", "sum", "stock", None, decimals, 5.0, "")


FUNDS, STATIONS = ind("funds", "争取财政资金", 2, "万元"), ind("stations", "户外劳动者服务站点", 0)


def test_figures_are_written_at_the_catalogues_decimals():
    assert shown_value(463.40999999999997, 2) == 463.41
    assert shown_value(402.0, 0) == 402 and isinstance(shown_value(402.0, 0), int)
    assert shown_value(math.nan, 2) == "" and shown_value(None, 0) == ""


def test_the_downloaded_csv_has_the_pages_headers_and_plain_figures():
    frame = pd.DataFrame(
        {"region": ["510800", "510823"], "region_name": ["广元市", "剑阁县"], "indicator": ["funds", "stations"],
         "name": ["争取财政资金", "户外劳动者服务站点"], "unit": ["万元", "个"], "period": ["2026Q3", "2026Q3"],
         "value": [463.40999999999997, 402.0], "upload_id": [1.0, math.nan], "file_name": ["a.csv", None],
         "user_name": ["demo", None], "uploaded_at": [pd.Timestamp("2026-12-07 02:32:18"), pd.NaT]}
    )  # fmt: skip
    zh = display_table(frame, [FUNDS, STATIONS], "zh")
    assert list(zh.columns) == [
        "地区代码", "地区", "指标", "单位", "季度", "数值", "上传编号", "文件", "上传人", "上传时间"
    ]  # fmt: skip
    text = excel_safe_csv(zh).decode("utf-8-sig")
    assert "463.41" in text and ",402," in text and "463.409" not in text and "402.0" not in text
    for word in ("None", "nan", "NaT", "upload_id", "file_name"):
        assert word not in text
    assert "1,a.csv,demo,2026-12-07 02:32" in text and ",,汇总/计算所得,," in text
    en = display_table(frame, [FUNDS, STATIONS], "en")
    assert list(en.columns)[:2] == ["Region code", "Region"] and "Uploaded at" in en.columns


def test_the_file_name_says_which_places_indicators_and_quarters_it_holds():
    assert download_name(["广元市", "剑阁县"], [FUNDS, STATIONS], "2026Q1", "2026Q3", "zh") == (
        "广元市+剑阁县_2项指标_2026Q1-2026Q3"
    )
    assert download_name(["Guangyuan City"], [FUNDS], "2026Q3", "2026Q3", "en") == "Guangyuan City_争取财政资金_2026Q3"
    many = ["广元市", "利州区", "昭化区", "朝天区"]
    assert download_name(many, [FUNDS], "2026Q3", "2026Q3", "zh") == "广元市等4地_争取财政资金_2026Q3"
