"""Pages of a federation that is not the demo's: the overview, the wall screen and the gap page open on the home
setting's city with no link parameter; an empty database opens on the first-run page (a visitor reads that there are
no figures yet, an admin chooses the home city and the set and gets the templates); the accounts page adds a
reporter through the same core as `unionbench users add`."""

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.conftest import published_copy
from tests.federation import JIAOZUO, XUCHANG, jiaozuo_database, new_database
from unionbench.accounts import DEMO_PASSWORD, NewAccount, accounts, add_user
from unionbench.audit import audit_entries
from unionbench.settings import read_settings
from unionbench.store import Replica
from unionbench.tracker import deadline_days

ROOT = Path(__file__).resolve().parent.parent
ADMIN, ADMIN_PASSWORD = "boss", "jiaozuo-2026"


@pytest.fixture(scope="module")
def jiaozuo(reference_db_path, tmp_path_factory):
    return jiaozuo_database(reference_db_path, tmp_path_factory.mktemp("jiaozuo_pages"))


@pytest.fixture(scope="module")
def new_db(reference_db_path, tmp_path_factory):
    return new_database(reference_db_path, tmp_path_factory.mktemp("new_pages"))


@pytest.fixture
def empty_db(new_db, tmp_path):
    return published_copy(new_db, tmp_path)


@pytest.fixture
def opened(monkeypatch):
    """A page of the app on a database, with link parameters; no secrets.toml accounts."""
    monkeypatch.chdir(ROOT)

    def open_page(db: Path, name: str = "overview", **query_params) -> AppTest:
        st.cache_data.clear()  # cached by snapshot name: the databases of these tests share names (v1, v2 …)
        monkeypatch.setenv("UNIONBENCH_DB", str(db))
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.secrets["upload_users"] = {}
        at.query_params.update(query_params)
        at.run()
        if name != "overview":
            at.switch_page(f"app_pages/{name}.py")
            at.run()
        return at

    return open_page


def sign_in(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input[0].input(name)
    at.text_input[1].input(password)
    at.button[0].click()
    return at.run()


def settings_of(db: Path):
    reader = Replica(db)
    try:
        return read_settings(reader.current())
    finally:
        reader.close()


def test_the_overview_opens_on_the_home_settings_city_and_set_with_no_link_parameter(jiaozuo, opened):
    at = opened(jiaozuo)
    assert not at.exception
    assert "焦作市" in at.title[0].value and "许昌" in at.title[0].value
    assert at.selectbox(key="home").value == JIAOZUO and at.selectbox(key="bench").value == "xuchang"


def test_a_link_parameter_still_chooses_another_home(jiaozuo, opened):
    at = opened(jiaozuo, home=XUCHANG)
    assert not at.exception and at.title[0].value.startswith("许昌市")


@pytest.mark.parametrize("name", ["gaps", "screen", "map"])
def test_the_gap_page_the_map_and_the_wall_screen_are_the_home_settings_city(jiaozuo, opened, name):
    at = opened(jiaozuo, name)
    assert not at.exception
    shown = " ".join([*(t.value for t in at.title), *(h.proto.body for h in at.get("html"))])
    assert "焦作市" in shown and "广元" not in shown


def test_an_empty_database_without_accounts_says_how_to_make_the_first_admin(empty_db, opened):
    at = opened(empty_db)
    assert not at.exception and not at.error
    assert "还没有数据" in at.info[0].value
    assert "unionbench users add" in at.warning[0].value
    assert "unionbench users add NAME --role admin" in at.code[0].value


def test_an_empty_database_opens_on_the_first_run_page_for_a_visitor(empty_db, opened):
    add_user(empty_db, NewAccount(ADMIN, ADMIN_PASSWORD, "admin"), "test")
    at = opened(empty_db, lang="en")
    assert not at.exception and not at.error
    assert "No figures yet" in at.info[0].value
    assert any("administrator" in caption.value for caption in at.caption)
    assert [s.value for s in at.subheader] == ["Sign in as an admin to set up"]
    assert "setup_home" not in [box.key for box in at.selectbox]  # no set-up choices before signing in
    shown = [getattr(element, "value", None) for element in at.main]
    assert not any("None" in text for text in shown if isinstance(text, str))


def test_an_admin_chooses_the_home_and_the_set_on_the_first_run_page_and_gets_the_templates(empty_db, opened):
    add_user(empty_db, NewAccount(ADMIN, ADMIN_PASSWORD, "admin"), "test")
    at = sign_in(opened(empty_db), ADMIN, ADMIN_PASSWORD)
    assert not at.exception
    assert at.selectbox(key="setup_home").value is None
    at.selectbox(key="setup_home").set_value(JIAOZUO)
    at.selectbox(key="setup_benchmark").set_value("xuchang")
    at.button(key="setup_save").click()
    at = at.run()
    assert not at.exception and not at.error
    assert at.success[0].value == "已保存设置。"
    found = settings_of(empty_db)
    assert (found.home, found.benchmark) == (JIAOZUO, "xuchang")
    assert len(at.get("download_button")) == 2  # the CSV and the Excel template of Jiaozuo's counties
    assert any("焦作市" in caption.value for caption in at.caption)
    assert [link.value for link in at.get("page_link")] == ["前往数据上传", "管理账号"]
    audit = audit_entries(empty_db)
    assert set(audit[audit.action == "setting"].user_name) == {ADMIN}


def test_a_reporter_on_the_first_run_page_reads_there_are_no_figures_and_may_send_its_own(empty_db, opened):
    add_user(empty_db, NewAccount(ADMIN, ADMIN_PASSWORD, "admin"), "test")
    add_user(empty_db, NewAccount("wenxian", "county-2026", "reporter", "410825"), ADMIN)
    at = sign_in(opened(empty_db, "setup"), "wenxian", "county-2026")
    assert not at.exception and not at.error
    assert "还没有数据" in at.info[0].value
    assert [link.value for link in at.get("page_link")] == ["报送本地区数据"]
    assert "setup_home" not in [box.key for box in at.selectbox]


def test_the_accounts_page_adds_a_reporter_for_a_county_of_the_home_city(writable_db, opened):
    at = sign_in(opened(writable_db, "accounts"), "demo", DEMO_PASSWORD)
    assert not at.exception
    at.text_input(key="accounts_add_name").input("cangxi2")
    at.radio(key="accounts_add_role").set_value("reporter")
    at.selectbox(key="accounts_add_region").set_value("510824")
    at.text_input(key="accounts_add_password").input("county-2026")
    at.text_input(key="accounts_add_again").input("county-2026")
    at.button(key="accounts_add_submit").click()
    at = at.run()
    assert not at.exception and not at.error
    assert at.success[0].value == "已添加账号 cangxi2。"
    listed = accounts(Replica(writable_db).current()).set_index("name")
    assert listed.at["cangxi2", "role"] == "reporter" and listed.at["cangxi2", "region"] == "510824"
    entry = audit_entries(writable_db).iloc[0]
    assert (entry.user_name, entry.action, entry.target) == ("demo", "user_add", "cangxi2")
    listed = " ".join(html.proto.body for html in at.get("html"))
    assert "cangxi2" in listed and "pbkdf2" not in listed.lower()


def test_the_accounts_page_opens_on_a_reporters_county_moves_it_to_another_and_the_audit_log_says_so(
    writable_db, opened
):
    at = sign_in(opened(writable_db, "accounts"), "demo", DEMO_PASSWORD)
    at.selectbox(key="accounts_role_name").set_value("cangxi").run()
    assert at.radio(key="accounts_role_cangxi_role").value == "reporter"
    assert at.selectbox(key="accounts_role_cangxi_region").value == "510824"  # its county now
    at.selectbox(key="accounts_role_cangxi_region").set_value("510822")
    at.button(key="accounts_role_submit").click()
    at = at.run()
    assert not at.exception and not at.error
    assert at.success[0].value == "已更改账号 cangxi。"
    listed = accounts(Replica(writable_db).current()).set_index("name")
    assert listed.at["cangxi", "role"] == "reporter" and listed.at["cangxi", "region"] == "510822"
    entry = audit_entries(writable_db).iloc[0]
    assert (entry.user_name, entry.action, entry.target) == ("demo", "user_role", "cangxi")


def test_the_accounts_page_refuses_a_short_password_with_the_commands_reason_and_adds_nothing(writable_db, opened):
    at = sign_in(opened(writable_db, "accounts", lang="en"), "demo", DEMO_PASSWORD)
    at.text_input(key="accounts_add_name").input("shorty")
    at.selectbox(key="accounts_add_region").set_value("510824")
    at.text_input(key="accounts_add_password").input("short")
    at.text_input(key="accounts_add_again").input("short")
    at.button(key="accounts_add_submit").click()
    at = at.run()
    assert not at.exception
    assert at.error[0].value == "A password needs at least 8 characters."
    assert "shorty" not in set(accounts(Replica(writable_db).current()).name)


def test_the_accounts_page_sets_the_deadline_that_the_deadline_command_reads(writable_db, opened):
    at = sign_in(opened(writable_db, "accounts"), "demo", DEMO_PASSWORD)
    at.number_input(key="accounts_deadline_days").set_value(21)
    at.button(key="accounts_deadline_submit").click()
    at = at.run()
    assert not at.exception and not at.error
    assert deadline_days(Replica(writable_db).current()) == 21


def test_a_reporter_is_told_the_accounts_page_is_for_admins(writable_db, opened):
    at = sign_in(opened(writable_db, "accounts"), "cangxi", DEMO_PASSWORD)
    assert not at.exception
    assert at.error[0].value == "本页仅限管理员使用。"
    assert "accounts_add_name" not in [box.key for box in at.text_input]


def test_a_home_city_without_figures_yet_is_named_while_another_city_is_shown(jiaozuo, opened, tmp_path):
    from unionbench.settings import set_setting

    copy = published_copy(jiaozuo, tmp_path)
    set_setting(copy, "home", "扬州市", "test")
    at = opened(copy)
    assert not at.exception
    assert at.warning[0].value == "扬州市暂无任何季度数据。"


def test_an_admin_of_a_database_without_figures_opens_the_indicators_page_to_add_its_own_before_uploading(
    empty_db, opened
):
    add_user(empty_db, NewAccount(ADMIN, ADMIN_PASSWORD, "admin"), "test")
    at = sign_in(opened(empty_db, "indicators"), ADMIN, ADMIN_PASSWORD)
    assert not at.exception and not at.error
    assert at.title[0].value == "管理 › 指标"  # not the first-run page: the catalogue comes before the figures
    assert "setup_home" not in [box.key for box in at.selectbox]
    assert len(at.tabs) == 5
