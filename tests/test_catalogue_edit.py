"""The federation's own catalogue and validation rules: `unionbench indicators` and `unionbench rules` list, import
and retire through one checked, audited core; `init` never overwrites them; a hostile file is refused with named
problems and nothing written; a new indicator flows through template, ingest, comparison and overview."""

import csv
import io

import openpyxl
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.support import ROOT
from unionbench.auth import hash_password
from unionbench.catalog import read_indicators
from unionbench.cli import main
from unionbench.i18n import t
from unionbench.initdb import init_database
from unionbench.store import Store, replica
from unionbench.templates import template_rows

ADMIN = "demo"  # the demo database's admin account
BOOKHOUSES = {
    "id": "bookhouses", "name_zh": "职工书屋", "name_en": "Worker bookhouses", "group_id": "service",
    "group_zh": "服务阵地", "group_en": "Service stations", "unit": "个", "unit_en": "units", "kind": "count",
    "direction": "higher", "aggregation": "sum", "numerator": "", "denominator": "", "stock_flow": "stock",
    "per_capita_base": "workers", "amber_band": "10", "headline": "1", "structural": "0", "decimals": "0",
    "sort_order": "25", "description_zh": "季末在用的职工书屋数量。",
    "description_en": "Worker bookhouses open at quarter end.", "status": "active",
}  # fmt: skip


def run(db, *args, capsys):
    code = main(["--db", str(db), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def listing(db, capsys) -> list[dict]:
    code, out, _ = run(db, "indicators", "list", capsys=capsys)
    assert code == 0
    return list(csv.DictReader(io.StringIO(out)))


def catalogue_file(path, rows: list[dict]):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def with_rows(db, tmp_path, capsys, *changes: dict, name="catalogue.csv"):
    """The database's catalogue as a file, each change merged into the row of its id (or added)."""
    rows = {row["id"]: row for row in listing(db, capsys)}
    for change in changes:
        rows[change["id"]] = {**rows.get(change["id"], BOOKHOUSES), **change}
    return catalogue_file(tmp_path / name, list(rows.values()))


def test_the_listing_has_the_columns_of_the_shipped_catalogue_plus_status_and_every_indicator(writable_db, capsys):
    code, out, _ = run(writable_db, "indicators", "list", capsys=capsys)
    header = out.splitlines()[0].split(",")
    shipped = (ROOT / "data" / "indicators.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert code == 0 and header == [*shipped, "status"]
    assert len(listing(writable_db, capsys)) == len(read_indicators())


def test_a_listing_imported_unchanged_changes_nothing(writable_db, tmp_path, capsys):
    file = with_rows(writable_db, tmp_path, capsys)
    code, out, _ = run(writable_db, "indicators", "import", str(file), "--user", ADMIN, capsys=capsys)
    assert code == 0 and f"0 added, 0 changed, {len(read_indicators())} unchanged" in out


def test_an_imported_indicator_is_listed_audited_and_kept_by_init_with_the_federations_edits(
    writable_db, tmp_path, capsys
):
    file = with_rows(writable_db, tmp_path, capsys, BOOKHOUSES, {"id": "trainings", "name_en": "Training sessions"})
    code, out, _ = run(writable_db, "indicators", "import", str(file), "--user", ADMIN, capsys=capsys)
    assert code == 0 and "1 added, 1 changed" in out
    assert run(writable_db, "indicators", "retire", "funds_partner", "--user", ADMIN, capsys=capsys)[0] == 0
    init_database(writable_db)
    rows = {row["id"]: row for row in listing(writable_db, capsys)}
    assert rows["bookhouses"]["name_zh"] == "职工书屋"
    assert rows["trainings"]["name_en"] == "Training sessions"
    assert rows["funds_partner"]["status"] == "retired"
    code, out, _ = run(writable_db, "audit", capsys=capsys)
    assert "indicator_add,bookhouses" in out and "name_en: Worker training sessions → Training sessions" in out
    assert "indicator_retire,funds_partner" in out


def test_init_adds_a_shipped_indicator_the_database_lacks(writable_db):
    store = Store(writable_db)
    try:
        with store.transaction() as cur:
            cur.execute("delete from indicators where id = 'trainings'")
    finally:
        store.close()
    init_database(writable_db)
    store = Store(writable_db)
    try:
        assert "trainings" in set(store.query("indicator_catalogue")["id"])
    finally:
        store.close()


HOSTILE = {
    "a rate without its denominator": (
        [
            {
                **BOOKHOUSES,
                "id": "book_rate",
                "kind": "rate",
                "unit": "%",
                "unit_en": "%",
                "aggregation": "ratio",
                "numerator": "members",
                "denominator": "",
                "per_capita_base": "",
            }
        ],  # fmt: skip
        ("denominator", "需要分子和分母"),
    ),
    "a rate over an unknown denominator": (
        [
            {
                **BOOKHOUSES,
                "id": "book_rate",
                "kind": "rate",
                "unit": "%",
                "unit_en": "%",
                "aggregation": "ratio",
                "numerator": "members",
                "denominator": "no_such_thing",
                "per_capita_base": "",
            }
        ],  # fmt: skip
        ("no_such_thing", "没有编号为"),
    ),
    "a cycle": (
        [
            {
                **BOOKHOUSES,
                "id": "loop_a",
                "aggregation": "difference",
                "numerator": "loop_b",
                "denominator": "workers",
            },
            {
                **BOOKHOUSES,
                "id": "loop_b",
                "aggregation": "difference",
                "numerator": "loop_a",
                "denominator": "workers",
            },
        ],
        ("loop_a → loop_b → loop_a", "绕回自身"),
    ),
    "a duplicate id": ([BOOKHOUSES, {**BOOKHOUSES, "name_zh": "又一个书屋"}], ("bookhouses", "编号重复")),
    "markup in a name": ([{**BOOKHOUSES, "name_en": "<b>Books</b>"}], ("name_en", "纯文字")),
    "a link in a name": ([{**BOOKHOUSES, "name_zh": "[点我](http://evil.example)"}], ("name_zh", "纯文字")),
    "a formula in a name": ([{**BOOKHOUSES, "name_zh": "=HYPERLINK(1)"}], ("name_zh", "公式")),
    "a per-capita base that is not an indicator": ([{**BOOKHOUSES, "per_capita_base": "citizens"}], ("citizens", "")),
    "an id that is not a slug": ([{**BOOKHOUSES, "id": "Book Houses"}], ("Book Houses", "编号只能")),
    "an unknown unit": ([{**BOOKHOUSES, "unit": "座"}], ("座", "单位应为")),
    "an unknown direction": ([{**BOOKHOUSES, "direction": "up"}], ("direction", "可用")),
    "silly decimals": ([{**BOOKHOUSES, "decimals": "99"}], ("decimals", "0 到 4")),
}


@pytest.mark.parametrize("rows, expected", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_catalogue_is_refused_by_row_column_and_reason_and_nothing_is_written(
    writable_db, tmp_path, capsys, rows, expected
):
    before = listing(writable_db, capsys)
    file = catalogue_file(tmp_path / "hostile.csv", rows)
    code, out, err = run(writable_db, "indicators", "import", str(file), "--user", ADMIN, capsys=capsys)
    assert code == 1 and "Traceback" not in out + err
    assert "nothing was written" in err and ("row 2" in err or "row 3" in err)
    assert all(word in err for word in expected), err
    assert " / " in err  # every reason in Chinese and English
    assert listing(writable_db, capsys) == before


def test_a_50_mb_catalogue_is_refused_by_its_size_without_being_read(writable_db, tmp_path, capsys, monkeypatch):
    big = tmp_path / "big.csv"
    with open(big, "wb") as handle:
        handle.truncate(50_000_001)  # sparse: no 50 MB written, but that is its size
    monkeypatch.setattr("pathlib.Path.read_bytes", lambda self: pytest.fail("the file was read"))
    code, _, err = run(writable_db, "indicators", "import", str(big), "--user", ADMIN, capsys=capsys)
    assert code == 1 and "50,000,001" in err and "Traceback" not in err


def test_the_unit_of_an_indicator_with_figures_cannot_change(writable_db, tmp_path, capsys):
    file = with_rows(writable_db, tmp_path, capsys, {"id": "trainings", "unit": "项"})
    code, _, err = run(writable_db, "indicators", "import", str(file), "--user", ADMIN, capsys=capsys)
    assert code == 1 and "unit “项”" in err and "never reinterpreted" in err


def test_a_reporter_may_not_change_the_catalogue(writable_db, tmp_path, capsys):
    file = with_rows(writable_db, tmp_path, capsys, BOOKHOUSES)
    code, _, err = run(writable_db, "indicators", "import", str(file), "--user", "cangxi", capsys=capsys)
    assert code == 1 and "catalogue" in err
    assert "bookhouses" not in {row["id"] for row in listing(writable_db, capsys)}


def test_a_catalogue_in_gb18030_or_xlsx_is_read(writable_db, tmp_path, capsys):
    rows = [BOOKHOUSES]
    gb = tmp_path / "gb.csv"
    text = io.StringIO()
    csv.DictWriter(text, fieldnames=list(BOOKHOUSES)).writeheader()
    csv.DictWriter(text, fieldnames=list(BOOKHOUSES)).writerows(rows)
    gb.write_bytes(text.getvalue().encode("gb18030"))
    code, out, err = run(writable_db, "indicators", "import", str(gb), "--dry-run", "--user", ADMIN, capsys=capsys)
    assert code == 0 and "1 added" in out and "dry run" in out, err
    book = openpyxl.Workbook()
    book.active.append(list(BOOKHOUSES))
    book.active.append([int(v) if v.isdigit() else v for v in BOOKHOUSES.values()])
    book.save(tmp_path / "cat.xlsx")
    code, out, err = run(
        writable_db, "indicators", "import", str(tmp_path / "cat.xlsx"), "--user", ADMIN, capsys=capsys
    )
    assert code == 0 and "1 added" in out, err
    assert {row["id"]: row for row in listing(writable_db, capsys)}["bookhouses"][
        "description_zh"
    ] == "季末在用的职工书屋数量。"


def test_a_retired_indicator_leaves_the_template_and_pickers_but_its_figures_are_exported(writable_db, capsys):
    code, out, _ = run(writable_db, "indicators", "retire", "trainings", "--user", ADMIN, capsys=capsys)
    assert code == 0
    store = replica(writable_db).current()
    assert "trainings" not in set(template_rows(store, "510800", "2026Q4")["id"])
    from unionbench.read.views import catalogue

    assert "trainings" not in catalogue(store, "zh")
    code, out, _ = run(writable_db, "export", capsys=capsys)
    assert ",trainings," in out


def test_figures_of_a_retired_indicator_are_refused_naming_it_and_nothing_is_stored(writable_db, tmp_path, capsys):
    assert run(writable_db, "indicators", "retire", "trainings", "--user", ADMIN, capsys=capsys)[0] == 0
    before = replica(writable_db).current().data_version()
    path = tmp_path / "trainings.csv"
    path.write_text("地区,季度,职工培训(人次)\n利州区,2026Q3,120\n昭化区,2026Q3,80\n", encoding="utf-8")
    code, out, err = run(writable_db, "ingest", str(path), "--user", "demo", capsys=capsys)
    assert code == 1 and "Traceback" not in err
    assert "已停用" in out + err and "is retired" in out + err
    assert (out + err).count("已停用") == 1  # one word for the indicator, not one per cell
    assert replica(writable_db).current().data_version() == before


def test_an_indicator_others_are_built_on_cannot_be_retired(writable_db, capsys):
    code, _, err = run(writable_db, "indicators", "retire", "workers", "--user", ADMIN, capsys=capsys)
    assert code == 1 and "membership_rate" in err and "Traceback" not in err


# --- a new indicator flows everywhere ----------------------------------------------------------------------------


def bookhouse_figures(store, tmp_path, by="职工书屋"):
    """A long file: bookhouses for every county of Guangyuan and of the default benchmark set, 2026Q3."""
    members = list(store.query("benchmark_members", set_id="suineilu")["adcode"])
    lines = ["region,indicator,period,value"]
    for n, city in enumerate(["510800", *members]):
        for adcode in store.query("child_regions", parent=city)["adcode"]:
            lines.append(f"{adcode},{by},2026Q3,{10 if n == 0 else 40}")
    path = tmp_path / "bookhouses.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_new_per_10k_headline_indicator_flows_to_template_ingest_comparison_and_overview(
    writable_db, tmp_path, capsys, monkeypatch
):
    file = with_rows(writable_db, tmp_path, capsys, BOOKHOUSES)
    assert run(writable_db, "indicators", "import", str(file), "--user", ADMIN, capsys=capsys)[0] == 0
    store = replica(writable_db).current()
    template = template_rows(store, "510800", "2026Q4")
    assert (template["id"] == "bookhouses").sum() == len(store.query("child_regions", parent="510800"))
    by_id = bookhouse_figures(store, tmp_path, by="bookhouses")
    code, out, err = run(writable_db, "ingest", str(by_id), "--dry-run", "--user", ADMIN, capsys=capsys)
    assert code == 0, out + err
    code, out, err = run(writable_db, "ingest", str(bookhouse_figures(store, tmp_path)), "--user", ADMIN, capsys=capsys)
    assert code == 0 and "committed" in out, out + err
    code, out, _ = run(writable_db, "compare", "--period", "2026Q3", capsys=capsys)
    row = {r["indicator"]: r for r in csv.DictReader(io.StringIO(out))}["bookhouses"]
    assert row["basis"] == "per_10k_workers" and row["unit"] == "个/万名职工" and row["verdict"] == "behind"
    monkeypatch.setenv("UNIONBENCH_DB", str(writable_db))
    monkeypatch.chdir(ROOT)
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    tiles = "".join(element.value for element in at.markdown)
    assert not at.exception and "职工书屋" in tiles
    at.switch_page("app_pages/screen.py")
    screen = "".join(element.proto.body for element in at.run().get("html"))
    assert not at.exception and "职工书屋" in screen  # the wall screen's headline tiles too
    st.cache_data.clear()


# --- validation rules ---------------------------------------------------------------------------------------------

RULE = {"id": "trainings_within_stations", "left_side": "trainings", "operator": "<=",
        "right_side": "outdoor_stations + member_service_bases", "severity": "warning",
        "message_zh": "培训场次多于站点和基地之和，请核对。",
        "message_en": "More trainings than stations and bases: check.", "status": "active"}  # fmt: skip


def rules_file(path, rows):
    return catalogue_file(path, rows)


def test_a_shipped_rule_refuses_more_members_than_workers(writable_db, tmp_path, capsys):
    file = tmp_path / "members.csv"
    file.write_text("region,indicator,period,value\n苍溪县,会员人数,2026Q3,900000\n苍溪县,职工人数,2026Q3,1000\n")
    code, out, err = run(writable_db, "ingest", str(file), "--dry-run", "--user", ADMIN, capsys=capsys)
    assert code == 1 and "会员人数不能多于职工人数" in out + err and "Traceback" not in out + err


def test_an_imported_warning_rule_shows_as_a_warning_and_is_listed(writable_db, tmp_path, capsys):
    code, out, err = run(writable_db, "rules", "import", str(rules_file(tmp_path / "r.csv", [RULE])), "--user", ADMIN,
                         capsys=capsys)  # fmt: skip
    assert code == 0 and "1 added" in out, err
    assert "trainings_within_stations" in run(writable_db, "rules", "list", capsys=capsys)[1]
    file = tmp_path / "trainings.csv"
    file.write_text("region,indicator,period,value\n苍溪县,职工培训,2026Q3,99999\n")
    code, out, err = run(writable_db, "ingest", str(file), "--dry-run", "--user", ADMIN, capsys=capsys)
    assert code == 0 and "  ! " in out and "培训场次多于站点和基地之和" in out, out + err
    assert "rule_add,trainings_within_stations" in run(writable_db, "audit", capsys=capsys)[1]


HOSTILE_RULES = {
    "an unknown indicator": ({**RULE, "right_side": "stations_of_mars"}, "stations_of_mars"),
    "a bad operator": ({**RULE, "operator": "=>"}, "operator"),
    "markup in a message": ({**RULE, "message_en": "<script>x</script>"}, "message_en"),
    "a formula in a message": ({**RULE, "message_zh": "@SUM(A1)"}, "message_zh"),
    "an empty side": ({**RULE, "left_side": "trainings + "}, "left_side"),
}


@pytest.mark.parametrize("rule, named", HOSTILE_RULES.values(), ids=HOSTILE_RULES.keys())
def test_a_hostile_rules_file_is_refused_with_named_problems(writable_db, tmp_path, capsys, rule, named):
    before = run(writable_db, "rules", "list", capsys=capsys)[1]
    code, out, err = run(writable_db, "rules", "import", str(rules_file(tmp_path / "r.csv", [rule])), "--user", ADMIN,
                         capsys=capsys)  # fmt: skip
    assert code == 1 and named in err and "row 2" in err and "Traceback" not in out + err
    assert run(writable_db, "rules", "list", capsys=capsys)[1] == before


# --- the admin page under AppTest -----------------------------------------------------------------------------


@pytest.fixture
def indicators_page(writable_db, monkeypatch):
    monkeypatch.setenv("UNIONBENCH_DB", str(writable_db))
    monkeypatch.chdir(ROOT)
    st.cache_data.clear()

    def open_page(user: str | None = None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.secrets["upload_users"] = {"admin": hash_password("admin-password", iterations=1000)}
        if user:
            at.session_state["upload_user"] = user
        at.switch_page("app_pages/indicators.py")
        return at.run()

    yield open_page
    st.cache_data.clear()


def test_a_reporter_is_told_the_indicators_page_is_for_admins(indicators_page):
    at = indicators_page("cangxi")
    assert not at.exception
    assert [e.value for e in at.error] == [t("admin_only", "zh")]


def test_an_admin_edits_an_indicator_on_the_page_and_the_change_is_audited(indicators_page, writable_db, capsys):
    at = indicators_page("admin")
    assert not at.exception
    html = "".join(element.proto.body for element in at.get("html"))
    assert "职工入会率" in html and "会员人数 ≤ 职工人数" in html
    at.selectbox(key="adm_ind_choice").set_value("trainings").run()
    at.text_input(key="adm_ind_name_en_trainings").set_value("Training sessions")
    next(b for b in at.button if b.label == t("adm_ind_save", "zh")).click().run()
    assert not at.exception
    rows = {row["id"]: row for row in listing(writable_db, capsys)}
    assert rows["trainings"]["name_en"] == "Training sessions"
    assert "admin,indicator_change,trainings" in run(writable_db, "audit", capsys=capsys)[1]


def test_the_indicator_pickers_on_the_english_page_name_each_indicator_in_english(indicators_page):
    at = indicators_page("admin")
    at.query_params["lang"] = "en"
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    assert "outdoor_stations · Outdoor worker service stations" in at.selectbox(key="adm_ind_choice").options
    assert "outdoor_stations · Outdoor worker service stations" in at.selectbox(key="adm_ind_retire_choice").options


def test_the_catalogue_uploaders_speak_chinese_on_the_chinese_page_and_name_the_types_they_take(indicators_page):
    at = indicators_page("admin")
    assert not at.exception
    css = [html.proto.body for html in at.get("html") if "stFileUploaderDropzoneInstructions" in html.proto.body]
    assert css and all('"选择文件"' in body and "CSV、XLSX" in body and "TXT" not in body for body in css)
