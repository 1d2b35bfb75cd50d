"""The preview a clerk can check: sorted by county then indicator, each figure against last
quarter's (or the value it corrects) with the change and change %, jumps first, small numbers without a %."""

import datetime as dt

import pytest

from tests.test_upload_page import PASSWORD, sign_in, upload_page  # noqa: F401 — upload_page is a fixture
from unionbench.auth import hash_password
from unionbench.ingest import Upload, prepare, preview
from unionbench.ingest.review import number_text, review_rows, review_table

AFTER_Q4 = dt.date(2027, 1, 15)
CANGXI, LIZHOU = "510824", "510802"


@pytest.fixture(scope="module")
def last_quarter(store):
    """Guangyuan's counties' reported figures of 2026Q3, the demo's newest quarter."""
    counties = list(store.query("child_regions", parent="510800").adcode)
    catalogue = store.query("indicator_catalogue").set_index("id")
    figures = store.query("values_by_region", regions=counties, periods=["2026Q3"])
    figures = figures[figures.indicator.map(catalogue.aggregation) == "sum"]
    return figures.assign(kind=figures.indicator.map(catalogue.kind))


def long_csv(figures, period: str, change) -> bytes:
    """A long file of the given figures for `period`, each value passed through change(row)."""
    lines = ["地区,指标,季度,数值"]
    for row in figures.itertuples(index=False):
        value = change(row)
        text = f"{round(value)}" if row.kind in ("count", "people") else f"{value:.2f}"
        lines.append(f"{row.region_name},{row.indicator},{period},{text}")
    return "\n".join(lines).encode("utf-8")


def reviewed(store, content: bytes, lang: str = "zh"):
    prepared = prepare(content, "广元2026Q4.csv", store, today=AFTER_Q4)
    assert prepared.ok, prepared.problem_table()
    return review_rows(store, prepared.observations, preview(store, prepared).changes, lang)


def test_a_new_quarter_is_compared_with_last_quarter_and_sorted_by_county_then_indicator(store, last_quarter):
    rows = reviewed(store, long_csv(last_quarter, "2026Q4", lambda r: r.value * 1.02))
    assert len(rows) == len(last_quarter) == 7 * 17
    assert not rows.jump.any() and set(rows.flag) == {""}
    counties = ["利州", "昭化", "朝天", "旺苍", "青川", "剑阁", "苍溪"]  # short names, in code order
    assert list(rows.region.drop_duplicates()) == counties
    assert list(rows.indicator[:3]) == ["户外劳动者服务站点", "服务阵地提升", "会员服务基地"]  # the catalogue's order
    stations = last_quarter.set_index(["region", "indicator"]).value
    first = rows.iloc[0]
    assert first.before == f"{stations[(LIZHOU, 'outdoor_stations')]:,.0f}"  # last quarter, not —
    assert first.change.startswith("+") and first.change_pct.endswith("%")
    assert set(rows.status) == {"新增（比上季度）"}
    assert "—" not in set(rows.before)


def test_a_jump_from_last_quarter_comes_first_and_says_by_how_much(store, last_quarter):
    def change(row):
        if row.region == CANGXI and row.indicator == "funds_government":
            return row.value * 5
        return row.value

    rows = reviewed(store, long_csv(last_quarter, "2026Q4", change))
    assert rows.jump.sum() == 1
    top = rows.iloc[0]
    assert (top.region, top.indicator) == ("苍溪", "争取财政资金")
    assert top.flag == "⚠ 为上季度的 5.0 倍" and top.change_pct == "+400.0%"
    english = reviewed(store, long_csv(last_quarter, "2026Q4", change), "en")
    assert english.iloc[0].flag == "⚠ 5.0× last quarter"
    assert english.iloc[0].indicator == "Funds from government budgets"
    assert english.iloc[0].region == "Cangxi"  # places in the page's language too


def test_small_counts_get_a_change_but_no_percentage(store, last_quarter):
    small = last_quarter[(last_quarter.kind == "count") & (last_quarter.value.between(2, 8))].head(1)
    assert len(small) == 1, "the demo has a small count"
    rows = reviewed(store, long_csv(small, "2026Q4", lambda r: r.value + 1))
    assert rows.iloc[0].change == "+1" and rows.iloc[0].change_pct == "—"


def test_a_correction_is_compared_with_the_value_it_replaces(store, last_quarter):
    stations = last_quarter[(last_quarter.region == CANGXI) & (last_quarter.indicator == "outdoor_stations")]
    old = float(stations.value.iloc[0])
    rows = reviewed(store, long_csv(stations, "2026Q3", lambda r: r.value + 20))
    assert rows.iloc[0].before == f"{old:,.0f}" and rows.iloc[0].value == f"{old + 20:,.0f}"
    assert rows.iloc[0].change == "+20" and rows.iloc[0].status == "修改（比原值）"


def test_the_table_has_headers_in_the_pages_language_and_names_the_quarter_only_when_there_are_two(store, last_quarter):
    rows = reviewed(store, long_csv(last_quarter.head(3), "2026Q4", lambda r: r.value), "en")
    assert list(review_table(rows, "en").columns) == [
        "Check",
        "Region",
        "Indicator",
        "Unit",
        "Old / last quarter",
        "New",
        "Change",
        "Change %",
        "Type",
    ]
    two = (
        long_csv(last_quarter.head(1), "2026Q3", lambda r: r.value + 1)
        + b"\n"
        + long_csv(last_quarter.head(1), "2026Q4", lambda r: r.value + 2).split(b"\n", 1)[1]
    )
    rows = reviewed(store, two)
    assert "季度" in review_table(rows, "zh").columns and list(rows.period) == ["2026年第三季度", "2026年第四季度"]
    assert rows.iloc[1].before == number_text(last_quarter.value.iloc[0] + 1)  # Q4 against the file's own Q3


def test_the_upload_page_shows_the_jump_first_and_counts_what_to_check(upload_page, last_quarter):  # noqa: F811
    def change(row):
        jumped = (row.region, row.indicator) == (LIZHOU, "mutual_aid_participants")
        return row.value * 4 if jumped else row.value * 1.02

    at = sign_in(upload_page({"clerk": hash_password(PASSWORD, iterations=1000)}), "clerk", PASSWORD)
    at.get("file_uploader")[0].set_value(("q4.csv", long_csv(last_quarter, "2026Q4", change), "text/csv"))
    at.run()
    assert not at.exception
    table = at.dataframe[-1].value  # after the warnings (the jump is one)
    assert len(table) == 119 and table.iloc[0]["核对提示"] == "⚠ 为上季度的 4.0 倍"
    assert table.iloc[0]["指标"] == "互助保障参保职工" and table.iloc[1]["地区"] == "利州"
    assert {m.label: m.value for m in at.metric}["需核对"] == "1"


def test_the_uploaders_own_words_are_replaced_on_the_chinese_page_only(upload_page):  # noqa: F811
    at = sign_in(upload_page({"clerk": hash_password(PASSWORD, iterations=1000)}), "clerk", PASSWORD)

    def uploader_css(at) -> list[str]:
        return [html.proto.body for html in at.get("html") if "stFileUploaderDropzoneInstructions" in html.proto.body]

    [css] = uploader_css(at)
    assert '"选择文件"' in css and '"单个文件不超过 ' in css and "CSV、TXT、XLSX、XLS" in css
    assert at.selectbox(key="revert_pick").placeholder == "请选择"
    at.switch_page("app_pages/upload.py")
    at.query_params["lang"] = "en"
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception and uploader_css(at) == []  # Streamlit's own English words stay on the English page
    assert at.selectbox(key="revert_pick").placeholder == "Choose an option"


def test_an_admin_reviewing_on_the_english_page_sees_the_reporters_county_in_english(upload_page, writable_db):  # noqa: F811
    from unionbench.accounts import DEMO_PASSWORD, Account
    from unionbench.submissions import submit_file

    file = "地区,户外劳动者服务站点,季度\n苍溪县,75,2026Q4\n".encode()
    sent = submit_file(
        writable_db, Upload(file, "cangxi-q4.csv", "2026Q4", AFTER_Q4), Account("cangxi", "reporter", CANGXI)
    )
    assert sent.submission_id
    at = upload_page(None)
    at.query_params["lang"] = "en"
    at.session_state["lang"] = "en"
    at = sign_in(at.run(), "demo", DEMO_PASSWORD)
    assert not at.exception
    [review] = [html.proto.body for html in at.get("html") if "ub-review" in html.proto.body]
    assert "Cangxi County" in review and "苍溪" not in review
    assert any("Cangxi County" in label for label in at.selectbox(key="review_pick").options)
