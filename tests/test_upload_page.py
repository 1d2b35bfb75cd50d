"""The upload page under AppTest: who may use it, and what staff see for a bad and a good file."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from unionbench.auth import hash_password

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "quarterly-2026"


@pytest.fixture
def upload_page(writable_db, monkeypatch):
    monkeypatch.setenv("UNIONBENCH_DB", str(writable_db))
    monkeypatch.chdir(ROOT)

    def open_page(users: dict | None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.secrets["upload_users"] = users or {}
        at.switch_page("app_pages/upload.py")
        return at.run()

    return open_page


def sign_in(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input[0].input(name)
    at.text_input[1].input(password)
    at.button[0].click()
    return at.run()


def test_with_no_accounts_configured_the_page_says_how_to_add_one_and_offers_no_upload(upload_page, writable_db):
    from unionbench.accounts import demo_accounts, disable_user

    for name in demo_accounts():  # the demo database's accounts, out of the way
        disable_user(writable_db, name, "test")
    at = upload_page(None)
    assert not at.exception
    assert any("unionbench users add" in error.value for error in at.error)
    assert not at.get("file_uploader")


def test_a_wrong_password_is_refused_and_shows_no_upload_steps(upload_page):
    at = sign_in(upload_page({"clerk": hash_password(PASSWORD, iterations=1000)}), "clerk", "guess")
    assert any("用户名或密码不正确" in error.value for error in at.error)
    assert not at.get("file_uploader")
    assert [s.value for s in at.subheader] == ["登录后上传"]


def test_a_signed_in_clerk_sees_the_template_the_uploader_the_review_and_the_history(upload_page):
    at = sign_in(upload_page({"clerk": hash_password(PASSWORD, iterations=1000)}), "clerk", PASSWORD)
    assert not at.exception
    headings = [s.value for s in at.subheader]
    assert headings == ["待审核的报送（0）", "① 下载填报模板", "② 上传填好的文件", "上传记录"]  # secrets: an admin
    assert len(at.get("file_uploader")) == 1
    assert at.selectbox(key="upload_period").value == "2026Q4"  # the quarter after the newest with data


def test_the_templates_are_made_when_a_button_asks_for_them_not_on_every_visit(upload_page, monkeypatch):
    from unionbench import templates

    made = []
    monkeypatch.setattr(templates, "template_files", lambda *args: made.append(args) or {"csv": b"", "xlsx": b""})
    at = sign_in(upload_page({"clerk": hash_password(PASSWORD, iterations=1000)}), "clerk", PASSWORD)
    assert not at.exception
    assert len(at.get("download_button")) == 2 and made == []  # the browser test downloads one and reads it


def test_a_file_with_more_problems_than_are_listed_says_how_many_of_each_kind_there_are(upload_page):
    at = sign_in(upload_page({"clerk": hash_password(PASSWORD, iterations=1000)}), "clerk", PASSWORD)
    lines = "".join(f"火星{n}区,户外劳动者服务站点,2026Q4,{n}\n" for n in range(250))
    at.get("file_uploader")[0].set_value(("many.csv", ("地区,指标,季度,数值\n" + lines).encode("gb18030"), "text/csv"))
    at.run()
    assert not at.exception
    assert any("发现 250 个问题" in error.value for error in at.error)  # every problem counted, 200 listed
    assert any(text.value.startswith("各类问题数量：") and "× 250" in text.value for text in at.text)
