"""The targets page under AppTest: a federation that is not the demo's sees the targets it imported; an admin's
editor previews a targets file and stores it; a reporter reads the page but gets no editor."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.support import ROOT, published_copy
from unionbench import cli
from unionbench.auth import hash_password
from unionbench.store import Replica
from unionbench.target_import import import_targets

JIAOZUO = "410800"


@pytest.fixture(scope="module")
def jiaozuo_db(reference_db_path, tmp_path_factory):
    """`unionbench init` without the demo (a copy of the session's), 焦作市 as the home, then its counties' stations
    for two quarters and its own targets."""
    folder = tmp_path_factory.mktemp("jiaozuo")
    path = published_copy(reference_db_path, folder)
    assert cli.main(["--db", str(path), "settings", "home", JIAOZUO, "--user", "lead"]) == 0
    counties = Replica(path).current().query("child_regions", parent=JIAOZUO)
    for period, stations in (("2025Q4", 10), ("2026Q3", 14)):
        lines = [f"{name},{period},{stations + i}" for i, name in enumerate(counties.name_zh)]
        figures = folder / f"{period}.csv"
        figures.write_text("地区,季度,户外劳动者服务站点\n" + "\n".join(lines) + "\n", encoding="utf-8")
        assert cli.main(["--db", str(path), "ingest", str(figures), "--user", "lead"]) == 0
    first = counties.name_zh.iloc[0]
    targets = f"地区,指标,年度,目标值\n{first},户外劳动者服务站点,2026,17\n".encode("gb18030")
    import_targets(path, targets, "焦作目标.csv", "lead")
    return path, first


def open_targets(db, monkeypatch, user: str | None = None, **query_params) -> AppTest:
    monkeypatch.setenv("UNIONBENCH_DB", str(db))
    monkeypatch.chdir(ROOT)
    st.cache_data.clear()  # each test's database repeats another's snapshot versions
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.secrets["upload_users"] = {"admin": hash_password("admin-password", iterations=1000)}
    if user:
        at.session_state["upload_user"] = user
    at.query_params.update(query_params)
    at.switch_page("app_pages/targets.py")
    return at.run()


def tables_text(at: AppTest) -> str:
    return " ".join(str(table.value) for table in at.table)


def test_a_federation_that_is_not_the_demo_sees_its_own_imported_targets(jiaozuo_db, monkeypatch):
    path, county = jiaozuo_db
    at = open_targets(path, monkeypatch, home=JIAOZUO)
    assert not at.exception
    assert "焦作市" in at.title[0].value
    shown = tables_text(at)
    assert county in shown and "17" in shown
    assert not at.info or "尚未" not in at.info[0].value
    st.cache_data.clear()


def test_an_admin_previews_a_targets_file_and_stores_it(writable_db, monkeypatch):
    at = open_targets(writable_db, monkeypatch, user="admin")
    assert not at.exception
    data = "地区,指标,年度,目标值\n苍溪,户外劳动者服务站点,2026,77\n青川,职工入会率,2027,90\n".encode("gb18030")
    at.get("file_uploader")[0].set_value(("目标.csv", data, "text/csv"))
    at.run()
    assert not at.exception
    assert any("新增 1 项，修改 1 项" in info.value for info in at.info)
    at.button(key="tgt_commit").click().run()
    assert not at.exception
    assert "已导入目标：新增 1 项，修改 1 项。" in [s.value for s in at.success]
    reader = Replica(writable_db)
    try:
        stored = reader.current().query("targets", regions=["510824", "510822"], year=2026).set_index("region")
        assert stored.loc["510824"].query("indicator == 'outdoor_stations'").target.item() == 77
        assert reader.current().query("targets", regions=["510822"], year=2027).target.tolist() == [90]
    finally:
        reader.close()
    st.cache_data.clear()


def test_a_refused_file_is_listed_row_by_row_and_nothing_is_offered_to_store(writable_db, monkeypatch):
    at = open_targets(writable_db, monkeypatch, user="admin")
    at.get("file_uploader")[0].set_value(("bad.csv", "地区,指标,年度,目标值\n火星县,工会组建率,2026,101\n".encode(),
                                          "text/csv"))  # fmt: skip
    at.run()
    assert not at.exception
    assert any("共 2 个问题" in e.value for e in at.error)
    assert not [b for b in at.button if b.key == "tgt_commit"]
    st.cache_data.clear()


def test_a_reporter_reads_the_targets_but_gets_no_editor(writable_db, monkeypatch):
    at = open_targets(writable_db, monkeypatch, user="cangxi")
    assert not at.exception
    assert at.table and "本页仅限管理员使用。" in [e.value for e in at.error]
    assert not at.get("file_uploader")
    st.cache_data.clear()


def test_the_editor_speaks_english(writable_db, monkeypatch):
    at = open_targets(writable_db, monkeypatch, user="admin", lang="en")
    assert not at.exception
    assert "Edit targets" in [s.value for s in at.subheader]
    assert "Template year" in [s.label for s in at.selectbox]
    assert at.get("file_uploader")[0].proto.label == "Upload a targets file (CSV or Excel)"
    st.cache_data.clear()
