"""Hostile links: every query parameter of every page is checked; a bad value falls back to the default with a
small note, never a traceback."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p.stem for p in (ROOT / "app_pages").glob("*.py"))
PARAMS = [
    "home",
    "bench",
    "period",
    "indicator",
    "indicators",
    "level",
    "per10k",
    "scope",
    "lang",
    "seconds",
    "vw",
    "vh",
    "region",
    "reference",
    # the map's drill level, the composite's weights, the explorer's selections
    "drill",
    "weights",
    "regions",
    "periods",
    "provenance",
]
HOSTILE = [
    "abc",
    "²",
    "٣٠",  # Arabic-Indic digits: str.isdigit() says yes, int() would accept them, a URL should not
    "9" * 5000,
    "-1",
    "+15",
    "1e309",
    "nan",
    "nope",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "![t](http://127.0.0.1:9/x.png)",
    "[重新登录](http://evil.example)",
    "www.evil.example",
    "x" * 20_000,
    "%00",
    "\u202e\u200b",
    "苍溪县",
    " 510800 ",
    "org_rate," * 500,
]


@pytest.fixture
def page(demo_db_path, monkeypatch):
    monkeypatch.setenv("UNIONBENCH_DB", str(demo_db_path))
    monkeypatch.chdir(ROOT)

    def open_page(name: str, params: dict) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.query_params.update(params)
        at.switch_page(f"app_pages/{name}.py")  # a deep link: the page's own first run reads the parameters
        return at.run()

    return open_page


def rotated(offset: int) -> dict:
    """Every parameter a different hostile value; four offsets give each parameter four of the values."""
    return {key: HOSTILE[(n * 5 + offset) % len(HOSTILE)] for n, key in enumerate(PARAMS)}


WITHOUT_FILTERS = ("upload", "method", "tracker", "setup", "accounts", "indicators")  # no home, set or quarter


@pytest.mark.parametrize("offset", [0, 1, 2, 3])
@pytest.mark.parametrize("name", [p for p in PAGES if p not in ("screen", "sets", *WITHOUT_FILTERS)])
def test_every_analysis_page_opens_a_hostile_link_with_its_defaults_and_no_exception(page, name, offset):
    at = page(name, rotated(offset))
    assert not at.exception, at.exception
    assert (at.session_state["home"], at.session_state["bench"]) == ("510800", "suineilu")
    assert at.session_state["period"] == "2026Q3"
    assert at.get("toast"), "a small note says the link was not understood"


@pytest.mark.parametrize("name", WITHOUT_FILTERS)
def test_pages_without_filters_open_a_hostile_link_without_an_exception(page, name):
    at = page(name, rotated(0))
    assert not at.exception, at.exception


@pytest.mark.parametrize("name", ["upload", "tracker"])
def test_the_upload_and_tracker_pages_note_a_home_they_cannot_use(page, name):
    assert page(name, {"home": "<b>x</b>"}).get("toast")
    assert not page(name, {"home": "510800"}).get("toast")


@pytest.mark.parametrize("offset", [0, 1, 2, 3])
def test_the_peers_and_sets_page_opens_a_hostile_link_on_the_default_home_with_a_note(page, offset):
    at = page("sets", rotated(offset))
    assert not at.exception, at.exception
    assert at.session_state["home"] == "510800" and at.session_state["peers_region"] == "510800"
    assert at.get("toast")


@pytest.mark.parametrize("value", HOSTILE)
def test_the_wall_screen_opens_a_hostile_link_on_its_defaults_with_a_note(page, value):
    at = page("screen", {key: value for key in PARAMS})
    assert not at.exception, at.exception
    html = "".join(element.proto.body for element in at.get("html"))
    assert 'data-testid="screen-tile"' in html and "广元市" in html
    assert 'class="sc-note"' in html  # the screen's own small note (components/screen.py read_link)
    if "<" in value or "evil" in value or len(value) > 100:
        assert value not in html  # a crafted value is never echoed onto the page


def test_the_server_config_shows_users_no_error_details():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"].get("enableXsrfProtection", True) is True  # XSRF protection stays on


def failing_run(page, monkeypatch, caplog, target: str, name: str):
    """Open a page with `target` raising an error that names a server path; return the run, the one error id the
    user is shown (checked to carry no path) and the project's log messages."""
    import re

    def broken(*args, **kwargs):
        raise RuntimeError(f"boom in /srv/unionbench/secret/{name}.py")

    monkeypatch.setattr(target, broken)
    with caplog.at_level("ERROR", logger="unionbench.pages"):
        at = page(name, {})
    shown = [e.value for e in at.error if "错误编号" in e.value]
    assert len(shown) == 1 and "/srv/" not in shown[0]
    assert f"boom in /srv/unionbench/secret/{name}.py" in caplog.text  # the traceback stays on the server
    messages = [r.getMessage() for r in caplog.records if r.name == "unionbench.pages"]
    return at, re.search(r"错误编号 ([0-9a-f]{8})", shown[0]).group(1), messages


def test_a_failing_page_run_is_logged_with_an_id_the_user_is_shown(page, monkeypatch, caplog):
    at, error_id, messages = failing_run(page, monkeypatch, caplog, "unionbench.read.views.data_status", "overview")
    assert messages == [f"page run failed, error id {error_id}"]


def test_a_failing_wall_screen_frame_is_logged_with_an_id_the_screen_shows(page, monkeypatch, caplog):
    """The frame is a fragment: its reruns happen outside the page run's handler, so it logs its own failures."""
    at, error_id, messages = failing_run(page, monkeypatch, caplog, "components.screen.build_frame", "screen")
    assert not at.exception, at.exception  # no frame yet: the id, and the next tick tries again
    assert messages == [f"wall screen frame failed, error id {error_id}"]
