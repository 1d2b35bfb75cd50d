"""The similar-peers and benchmark-set page under AppTest: the peers panel for everyone, the editor for a
signed-in admin only, a refused set listed field by field with nothing written, a saved one offered everywhere."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.support import ROOT
from unionbench.auth import hash_password
from unionbench.store import Replica


@pytest.fixture
def sets_page(writable_db, monkeypatch):
    monkeypatch.setenv("UNIONBENCH_DB", str(writable_db))
    monkeypatch.chdir(ROOT)
    # The gateway's caches are keyed by snapshot version, one database per server; each test has its own database
    # whose versions repeat another's, so it starts, and leaves, with empty caches.
    st.cache_data.clear()

    def open_page(user: str | None = None, **query_params) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.secrets["upload_users"] = {"admin": hash_password("admin-password", iterations=1000)}
        if user:
            at.session_state["upload_user"] = user
        at.query_params.update(query_params)
        at.switch_page("app_pages/sets.py")
        return at.run()

    yield open_page
    st.cache_data.clear()


def html_of(at: AppTest) -> str:
    return "".join(element.proto.body for element in at.get("html"))


def test_everyone_sees_the_peers_of_the_home_city_but_only_an_admin_the_editor(sets_page):
    at = sets_page()
    assert not at.exception
    assert "与广元市结构相似的地区" in [s.value for s in at.subheader]
    html = html_of(at)
    assert "南充市" in html and "距离" in html and "本地数值" in at.caption[-1].value
    assert "新建、修改或删除对标组需管理员登录。" in [i.value for i in at.info]
    assert not [w for w in at.text_input if w.key == "set_name_zh"]


def test_the_peers_of_a_county_are_counties(sets_page):
    at = sets_page()
    at.selectbox(key="peers_region").set_value("510824").run()
    assert not at.exception
    assert "与苍溪县结构相似的地区" in [s.value for s in at.subheader]
    html = html_of(at)
    assert "隆昌市" in html and "南充市" not in html


def test_the_page_speaks_english(sets_page):
    at = sets_page(lang="en")
    assert not at.exception
    assert at.title[0].value == "Similar places and custom benchmark sets"
    assert "Places like Guangyuan City" in [s.value for s in at.subheader]
    html = html_of(at)
    assert "Nanchong City" in html and "南充市" not in html and "Workers" in html


def test_a_refused_set_lists_each_problem_and_writes_nothing(sets_page, writable_db):
    at = sets_page(user="admin")
    assert at.text_input(key="set_name_zh") is not None
    at.text_input(key="set_name_en").set_value("No cities")
    at.button(key="set_save").click().run()
    assert not at.exception
    assert "未保存，请改正以下问题：" in [e.value for e in at.error]
    html = html_of(at)
    assert "name_zh" in html and "members" in html and "名称不能为空。" in html and "Choose at least one city." in html
    reader = Replica(writable_db)
    try:
        assert set(reader.current().query("benchmark_sets")["source"]) == {"csv"}
    finally:
        reader.close()


def test_a_saved_set_is_listed_with_its_maker_and_offered_by_the_benchmark_picker(sets_page):
    at = sets_page(user="admin")
    at.text_input(key="set_name_zh").set_value("近似城市")
    at.text_input(key="set_name_en").set_value("Near cities")
    at.button(key="set_add_peers").click().run()
    assert at.multiselect(key="set_members").value == ["511300", "511800", "512000", "511700", "513200"]
    at.button(key="set_save").click().run()
    assert not at.exception
    assert "已保存对标组“近似城市”：各页面、大屏链接和季度通报均可选用。" in [s.value for s in at.success]
    assert "custom-near-cities" in html_of(at) and "admin ·" in html_of(at)
    at.switch_page("app_pages/gaps.py").run()
    assert at.selectbox(key="bench").options[-1] == "近似城市"  # after the CSV defaults


def test_an_admin_edits_a_set_and_removes_it_after_confirming(sets_page):
    at = sets_page(user="admin")
    at.text_input(key="set_name_zh").set_value("近似城市")
    at.text_input(key="set_name_en").set_value("Near cities")
    at.multiselect(key="set_members").set_value(["511300", "321000"])
    at.button(key="set_save").click().run()
    assert at.selectbox(key="set_choice").value == "custom-near-cities"  # the saved set stays in the editor
    at.radio(key="set_rule").set_value("average")
    at.multiselect(key="set_members").set_value(["511300"])
    at.button(key="set_save").click().run()
    assert not at.exception
    listed = html_of(at)
    assert "成员平均（各成员数值的算术平均）" in listed and "扬州市" not in listed
    at.button(key="set_delete").click().run()
    assert not at.exception
    assert "已删除对标组“近似城市”。" in [s.value for s in at.success]
    assert at.selectbox(key="set_choice").options == ["＋ 新建对标组"]
    assert "还没有自定义对标组" in " ".join(c.value for c in at.caption)


ANALYSIS_PAGES = ["overview", "map", "gaps", "rankings", "targets", "trends", "explorer"]


@pytest.fixture
def custom_set(writable_db):
    from unionbench.custom_sets import SetDraft, save_set

    save_set(writable_db, SetDraft("custom-like-us", "相似城市", "Like us", ("511300", "511800"), "average"), "a")
    return "custom-like-us"


@pytest.mark.parametrize("name", ANALYSIS_PAGES)
def test_every_analysis_page_takes_a_custom_set_from_the_link(sets_page, custom_set, name):
    at = sets_page(bench=custom_set)
    at.switch_page(f"app_pages/{name}.py").run()
    assert not at.exception, at.exception
    assert at.session_state["bench"] == custom_set
    assert not at.get("toast"), "the link's set is taken, not refused"


def test_the_wall_screen_link_takes_a_custom_set(sets_page, custom_set):
    at = sets_page(bench=custom_set)
    at.switch_page("app_pages/screen.py").run()
    assert not at.exception
    html = "".join(element.proto.body for element in at.get("html"))
    assert "相似城市" in html and 'class="sc-note"' not in html
