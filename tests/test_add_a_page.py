"""Adding a page is its file, one registration line in dashboard.py and its title in the catalogues (README,
"加一个页面 · Adding a page"). The walkthrough followed in a copy of the app."""

import re
import shutil

from streamlit.testing.v1 import AppTest

from tests.support import ROOT
from unionbench import i18n

PAGE = """import streamlit as st

from components.page import page_setup
from components.strings import t

ctx = page_setup()
st.title(t("nav.hello", ctx.lang))
st.write("a page added by its file and one line")
"""


def registered_pages() -> list[str]:
    """The names dashboard.py registers, in order: each `page("name", "nav.name"…)` line."""
    return re.findall(r'\bpage\("([a-z_]+)"', (ROOT / "dashboard.py").read_text(encoding="utf-8"))


def test_every_registered_page_has_its_file_and_its_title_in_every_language():
    names = registered_pages()
    assert len(names) == len(set(names)) == len(list((ROOT / "app_pages").glob("*.py")))
    for name in names:
        assert (ROOT / "app_pages" / f"{name}.py").is_file()
        for lang in i18n.LANGUAGES:
            assert i18n.catalogue(lang).get(f"nav.{name}"), (name, lang)


def test_a_new_page_file_and_one_registration_line_put_it_in_the_navigation(tmp_path, demo_db_path, monkeypatch):
    app = tmp_path / "app"
    for part in ("app_pages", "components", ".streamlit"):
        shutil.copytree(ROOT / part, app / part)
    (app / "app_pages" / "hello.py").write_text(PAGE, encoding="utf-8")
    dashboard = (ROOT / "dashboard.py").read_text(encoding="utf-8")
    registered = dashboard.replace(
        '    page("screen", "nav.screen"),\n', '    page("screen", "nav.screen"),\n    page("hello", "nav.hello"),\n'
    )
    assert registered.count('page("hello", "nav.hello")') == 1  # the one line the walkthrough adds
    (app / "dashboard.py").write_text(registered, encoding="utf-8")
    for lang, title in (("zh", "你好"), ("en", "Hello")):  # its title, as a line in each catalogue would give it
        monkeypatch.setitem(i18n.catalogue(lang), "nav.hello", title)
    monkeypatch.setenv("UNIONBENCH_DB", str(demo_db_path))
    monkeypatch.chdir(app)

    at = AppTest.from_file(str(app / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page("app_pages/hello.py")
    at.run()

    assert not at.exception
    assert [title.value for title in at.title] == ["你好"]
    assert "a page added by its file and one line" in [text.value for text in at.markdown]
