"""Sign-in: throttled per name and per address with a growing lock, failures logged without the password, and a
warning while the example password guards real data."""

import logging
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.test_upload_page import sign_in
from unionbench import auth
from unionbench.auth import EXAMPLE_PASSWORD, Throttle, attempt_sign_in, hash_password, users_with_example_password

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "quarterly-2026"
USERS = {"clerk": hash_password(PASSWORD, iterations=1000)}


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_five_failures_in_fifteen_minutes_lock_the_name_for_a_minute_then_two_then_four():
    clock = Clock()
    throttle = Throttle(limit=5, window=900, first_lock=60, clock=clock)
    assert [throttle.failed("name:clerk") for _ in range(4)] == [0, 0, 0, 0]
    assert throttle.failed("name:clerk") == 60
    clock.now += 59
    assert throttle.wait("name:clerk") == 1
    clock.now += 1
    assert throttle.wait("name:clerk") == 0
    assert [throttle.failed("name:clerk") for _ in range(5)] == [0, 0, 0, 0, 120]
    clock.now += 120
    assert [throttle.failed("name:clerk") for _ in range(5)][-1] == 240
    assert throttle.wait("name:someone-else") == 0


def test_failures_spread_over_more_than_the_window_never_lock():
    clock = Clock()
    throttle = Throttle(limit=5, window=900, clock=clock)
    for _ in range(20):
        assert throttle.failed("name:clerk") == 0
        clock.now += 226  # four in any fifteen minutes


def test_the_lock_grows_to_at_most_an_hour_and_a_quiet_window_after_it_forgives():
    clock = Clock()
    throttle = Throttle(limit=1, window=900, first_lock=60, longest_lock=3600, clock=clock)
    waits = []
    for _ in range(8):
        waits.append(throttle.failed("k"))
        clock.now += waits[-1]
    assert waits == [60, 120, 240, 480, 960, 1920, 3600, 3600]
    clock.now += 901
    assert throttle.failed("k") == 60


def test_a_locked_name_is_refused_even_with_the_right_password_and_the_attempts_are_logged(caplog):
    clock = Clock()
    names, addresses = Throttle(limit=5, clock=clock), Throttle(limit=20, clock=clock)
    with caplog.at_level(logging.WARNING, logger="unionbench.auth"):
        results = [attempt_sign_in(USERS, "Clerk ", f"guess{n}", "10.0.0.7", names, addresses) for n in range(5)]
        assert results == [(False, 0)] * 4 + [(False, 60)]
        assert attempt_sign_in(USERS, "clerk", PASSWORD, "10.0.0.8", names, addresses) == (False, 60)
        clock.now += 60
        assert attempt_sign_in(USERS, "clerk", PASSWORD, "10.0.0.8", names, addresses) == (True, 0)
    failed = [r.getMessage() for r in caplog.records if r.getMessage().startswith("failed sign-in")]
    assert failed[0] == "failed sign-in: name='Clerk ' address=10.0.0.7"
    assert failed[-1] == "failed sign-in: name='Clerk ' address=10.0.0.7; locked for 60 s"
    assert "guess" not in caplog.text and PASSWORD not in caplog.text


@pytest.fixture
def cheap_unknown_names(monkeypatch):
    """An unknown name still costs one hash (so timing tells no names); here at the test accounts' 1,000 iterations
    rather than the real 600,000, since this test counts failures and twenty full hashes take seconds each."""
    monkeypatch.setattr(auth, "hash_password", partial(auth.hash_password, iterations=1000))


def test_one_address_trying_many_names_is_locked_after_twenty_failures(cheap_unknown_names):
    clock = Clock()
    names, addresses = Throttle(limit=5, clock=clock), Throttle(limit=20, clock=clock)
    waits = [attempt_sign_in(USERS, f"user{n}", "x", "10.0.0.9", names, addresses)[1] for n in range(20)]
    assert waits[:19] == [0] * 19 and waits[19] == 60
    assert attempt_sign_in(USERS, "clerk", PASSWORD, "10.0.0.9", names, addresses) == (False, 60)
    assert attempt_sign_in(USERS, "clerk", PASSWORD, "10.0.0.10", names, addresses) == (True, 0)


def test_the_example_password_is_recognised_whatever_its_salt():
    users = {"demo": hash_password(EXAMPLE_PASSWORD, iterations=1000), "clerk": USERS["clerk"]}
    assert users_with_example_password(users) == ["demo"]


# --- the page -------------------------------------------------------------------------------------------------


@pytest.fixture
def upload_page(writable_db, monkeypatch):
    from components.account import sign_in_throttles

    monkeypatch.setenv("UNIONBENCH_DB", str(writable_db))
    monkeypatch.chdir(ROOT)
    sign_in_throttles.clear()
    st.cache_data.clear()  # cached by snapshot name: another test's copy of the demo database has the same names

    def open_page(users: dict) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.secrets["upload_users"] = users
        at.switch_page("app_pages/upload.py")
        return at.run()

    yield open_page
    sign_in_throttles.clear()


def test_the_sixth_try_after_five_wrong_passwords_is_refused_with_when_to_retry(upload_page):
    at = upload_page(USERS)
    for n in range(5):
        at = sign_in(at, "clerk", f"wrong{n}")
    at = sign_in(at, "clerk", PASSWORD)
    assert not at.exception
    messages = [e.value for e in at.error]
    locked = [m for m in messages if m.startswith("登录失败次数过多，已暂时锁定。请于 ")]
    assert len(locked) == 1 and locked[0].endswith("（约 1 分钟后）再试。")
    assert not at.get("file_uploader")


def example_users() -> dict:
    return {"demo": hash_password(EXAMPLE_PASSWORD, iterations=1000)}


def test_the_example_password_on_demo_data_only_gives_no_warning(upload_page):
    at = upload_page(example_users())
    assert not [w for w in at.warning if "demo2026" in w.value]


def test_the_example_password_on_real_data_warns_a_signed_in_admin_on_every_load_and_nobody_else(
    upload_page, writable_db
):
    from unionbench.ingest import Upload, commit_file

    commit_file(writable_db, Upload("地区,职工培训,季度\n青川县,7,2026Q3\n".encode(), "real.csv"), "clerk")
    at = upload_page(example_users())
    assert not [w for w in at.warning if "demo2026" in w.value]  # not before signing in
    reporter = sign_in(at, "cangxi", EXAMPLE_PASSWORD)  # a demo reporter account of the database
    assert not reporter.exception and not [w for w in reporter.warning if "demo2026" in w.value]
    assert any(text.value.startswith("已登录：cangxi") for text in reporter.sidebar.text)  # signed in, as a reporter
    for _ in range(2):
        at = sign_in(upload_page(example_users()), "demo", EXAMPLE_PASSWORD)
        assert not at.exception
        assert any(w.value.startswith("安全提醒：有上传账号仍在使用示例密码 demo2026") for w in at.warning)


# --- failures counted in the database: per name and address, shared by replicas, kept across restarts ---------


def test_five_wrong_passwords_from_one_address_do_not_lock_the_owner_out_from_another(writable_db):
    from unionbench.accounts import record_sign_in, sign_in_wait

    for _ in range(4):
        assert record_sign_in(writable_db, "demo", "10.0.0.66", ok=False) == 0
    assert record_sign_in(writable_db, "demo", "10.0.0.66", ok=False) == pytest.approx(60, abs=5)
    assert sign_in_wait(writable_db, "Demo", "10.0.0.66") > 0  # the name as typed, case-folded
    assert sign_in_wait(writable_db, "demo", "10.0.0.7") == 0  # the owner's own desk
    assert record_sign_in(writable_db, "demo", "10.0.0.7", ok=True) == 0
    locked = reporting_audit(writable_db)
    assert ("sign_in_failed", "locked for 60 s", "10.0.0.66") in locked


def reporting_audit(db) -> list[tuple]:
    from unionbench.audit import audit_entries

    entries = audit_entries(db)
    return list(zip(entries.action, entries.detail.fillna(""), entries.address.fillna(""), strict=True))


def test_a_name_tried_from_many_addresses_locks_everywhere_at_a_higher_cap(writable_db):
    from unionbench.accounts import SIGN_IN_POLICY, record_sign_in, sign_in_wait

    for n in range(SIGN_IN_POLICY.name_limit - 1):
        record_sign_in(writable_db, "demo", f"10.1.{n // 200}.{n % 200}", ok=False)
    assert sign_in_wait(writable_db, "demo", "10.0.0.7") == 0
    record_sign_in(writable_db, "demo", "10.2.0.1", ok=False)
    assert sign_in_wait(writable_db, "demo", "10.0.0.7") > 0


@pytest.mark.system  # a second Python process
def test_the_count_is_kept_in_the_database_for_every_process(writable_db):
    from unionbench.accounts import record_sign_in

    for _ in range(5):
        record_sign_in(writable_db, "demo", "10.0.0.66", ok=False)
    probe = (
        "import sys; from unionbench.accounts import sign_in_wait; "
        f"print(sign_in_wait({str(writable_db)!r}, 'demo', '10.0.0.66'))"
    )
    other = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert float(other.stdout) > 0, other.stderr  # a restarted server or another replica sees the lock


def test_an_admin_unlocks_a_name_on_the_command_line(writable_db, capsys):
    from unionbench.accounts import record_sign_in, sign_in_wait
    from unionbench.cli import main

    for _ in range(5):
        record_sign_in(writable_db, "cangxi", "10.0.0.66", ok=False)
    assert main(["--db", str(writable_db), "users", "unlock", "cangxi", "--user", "cangxi"]) == 1
    assert sign_in_wait(writable_db, "cangxi", "10.0.0.66") > 0
    assert main(["--db", str(writable_db), "users", "unlock", "cangxi", "--user", "demo"]) == 0
    assert sign_in_wait(writable_db, "cangxi", "10.0.0.66") == 0
    assert reporting_audit(writable_db)[0][0] == "sign_in_unlock"


def test_the_page_counts_failures_in_the_database_and_says_when_to_retry(upload_page, writable_db):
    from components.account import sign_in_throttles

    at = upload_page({})
    for n in range(5):
        at = sign_in(at, "demo", f"wrong{n}")
    sign_in_throttles.clear()  # a restart: the process's own count is gone
    at = sign_in(at, "demo", "demo2026")
    assert not at.exception
    assert any(e.value.startswith("登录失败次数过多，已暂时锁定。请于 ") for e in at.error)
    assert not at.get("file_uploader")
    actions = [a for a, _, _ in reporting_audit(writable_db)]
    assert actions[:2] == ["sign_in_locked", "sign_in_failed"]
