"""One permission check for every write: who may do what, whatever the entry point."""

import io
import subprocess
import sys
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.ingest_files import csv_bytes
from tests.support import published_copy
from unionbench.accounts import Account, NewAccount, add_user, disable_user
from unionbench.audit import audit_entries
from unionbench.cli import main
from unionbench.console import login_name
from unionbench.ingest import Upload
from unionbench.permissions import ROLES_FOR, PermissionRefused, authorize
from unionbench.store import replica
from unionbench.submissions import return_submission, submit_file


@pytest.fixture(scope="module")
def store_with_accounts(reference_db_path, tmp_path_factory):
    """Read only by its tests, so made once: each account costs a full-strength password hash."""
    db = published_copy(reference_db_path, tmp_path_factory.mktemp("accounts"))
    add_user(db, NewAccount("boss", "secret-pass-1", "admin"), "test")
    add_user(db, NewAccount("clerk", "secret-pass-2", "reporter", "510824"), "test")
    add_user(db, NewAccount("gone", "secret-pass-3", "admin"), "test")
    disable_user(db, "gone", by="test")
    yield replica(db).current()


def test_a_database_without_accounts_lets_the_operator_do_everything(reference_db_path, tmp_path):
    store = replica(published_copy(reference_db_path, tmp_path)).current()
    for action in ROLES_FOR:
        assert authorize(store, "someone", action).operator_mode


def test_an_admin_may_approve_and_a_reporter_may_not(store_with_accounts):
    assert authorize(store_with_accounts, "boss", "approve").name == "boss"
    with pytest.raises(PermissionRefused) as refused:
        authorize(store_with_accounts, "clerk", "approve")
    assert "clerk" in refused.value.zh and "approve" in refused.value.en


def test_an_unknown_or_disabled_name_is_refused_with_its_reason(store_with_accounts):
    with pytest.raises(PermissionRefused, match="No account"):
        authorize(store_with_accounts, "nobody", "revert")
    with pytest.raises(PermissionRefused, match="disabled"):
        authorize(store_with_accounts, "gone", "approve")


# --- every write on the command line -------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
CANGXI = Account("cangxi", "reporter", "510824")  # a demo reporter (init --demo)
OWN = csv_bytes(["地区,职工培训,季度", "苍溪县,7,2026Q4"])
TWO_COUNTIES = csv_bytes(["地区,职工培训,季度", "苍溪县,7,2026Q4", "剑阁县,8,2026Q4"])


def cli(db, *args, stdin: str = "", monkeypatch=None, capsys=None) -> tuple[int, str, str]:
    if monkeypatch is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["--db", str(db), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def audit_log(db):
    return audit_entries(db)


def refusals(db):
    entries = audit_log(db)
    return entries[entries.action == "refused"]


def submission_status(db, submission_id: int) -> str:
    reader = replica(db)
    reader.refresh()
    found = reader.current().query("submission_by_id", submission_id=submission_id)
    return found.status[0]


def committed_uploads(db) -> int:
    reader = replica(db)
    reader.refresh()
    uploads = reader.current().query("uploads")
    return int((uploads.status == "committed").sum())


@pytest.mark.parametrize(
    ("user", "reason"),
    [("cangxi", "may not do this (approve)"), ("nobody", "No account"), ("gone", "disabled")],
)
def test_only_an_enabled_admin_may_approve_on_the_command_line_and_a_refusal_is_audited(
    writable_db, capsys, user, reason
):
    if user == "gone":
        add_user(writable_db, NewAccount("gone", "secret-pass-3", "admin"), "test")
        disable_user(writable_db, "gone", by="test")
    submit_file(writable_db, Upload(OWN, "苍溪.csv", "2026Q4"), CANGXI)
    code, out, err = cli(writable_db, "approve", "1", "--user", user, capsys=capsys)
    assert code == 1 and reason in err and "approved" not in out
    assert submission_status(writable_db, 1) == "submitted"
    last = refusals(writable_db).iloc[0]
    assert (last.user_name, last.target) == (user, "submission #1")
    assert last.detail.startswith("approve: ") and reason in last.detail
    assert last.address == f"shell:{login_name()}"  # the operator's login beside the account named


def test_a_reporter_may_not_revert_set_the_deadline_return_or_edit_sets_on_the_command_line(writable_db, capsys):
    submit_file(writable_db, Upload(OWN, "苍溪.csv", "2026Q4"), CANGXI)
    uploads, before = committed_uploads(writable_db), len(refusals(writable_db))
    attempts = [
        ("revert", "1"),
        ("deadline", "99"),
        ("return", "1", "--reason", "x"),
        ("sets", "add", "--id", "mine", "--name-zh", "我的", "--name-en", "Mine", "--members", "510900"),
        ("sets", "remove", "suineilu"),
    ]
    for args in attempts:
        code, _, err = cli(writable_db, *args, "--user", "cangxi", capsys=capsys)
        assert code == 1 and "报送员" in err and "reporter" in err, args
    assert committed_uploads(writable_db) == uploads
    assert submission_status(writable_db, 1) == "submitted"
    assert cli(writable_db, "deadline", capsys=capsys)[1].startswith("季度结束后第 15 天")
    logged = refusals(writable_db)
    assert len(logged) == before + len(attempts) and set(logged.user_name.head(len(attempts))) == {"cangxi"}
    assert {d.split(":")[0] for d in logged.detail.head(len(attempts))} == {"revert", "deadline", "return", "sets"}


def test_the_command_line_acts_as_the_login_name_unless_told_otherwise(writable_db, capsys, monkeypatch):
    monkeypatch.setattr("unionbench.console.login_name", lambda: "demo")
    code, _, _ = cli(writable_db, "deadline", "20", capsys=capsys)
    assert code == 0
    entry = audit_log(writable_db).iloc[0]
    assert (entry.user_name, entry.action, entry.address) == ("demo", "deadline", "shell:demo")


def test_a_database_without_accounts_is_run_by_the_operator_and_says_so(tmp_path, capsys, monkeypatch):
    from unionbench.initdb import init_database as init

    db = tmp_path / "empty.duckdb"
    init(db)
    code, _, err = cli(db, "deadline", "20", capsys=capsys)
    assert code == 0 and "the database has no account" in err and "操作员" in err
    add = ("users", "add", "boss", "--role", "admin", "--password-stdin")
    code, _, err = cli(db, *add, stdin="secret-pass-1\n", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0 and "no account" in err  # the very first admin is made by the operator
    more = ("users", "add", "clerk", "--role", "reporter", "--region", "510824", "--password-stdin")
    code, _, err = cli(db, *more, "--user", "someone", stdin="secret-pass-2\n", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1 and "No account is named 'someone'" in err
    code, _, _ = cli(db, *more, "--user", "boss", stdin="secret-pass-2\n", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0
    assert cli(db, "deadline", "30", "--user", "clerk", capsys=capsys)[0] == 1


def test_ingest_by_an_unknown_or_disabled_name_is_refused_once_the_database_has_accounts(writable_db, capsys, tmp_path):
    path = tmp_path / "苍溪.csv"
    path.write_bytes(OWN)
    uploads = committed_uploads(writable_db)
    code, _, err = cli(writable_db, "ingest", str(path), "--user", "stranger", capsys=capsys)
    assert code == 1 and "No account is named 'stranger'" in err
    disable_user(writable_db, "demo", by="test")
    code, _, err = cli(writable_db, "ingest", str(path), "--user", "demo", capsys=capsys)
    assert code == 1 and "disabled" in err
    assert committed_uploads(writable_db) == uploads
    assert list(refusals(writable_db).user_name.head(2)) == ["demo", "stranger"]


def test_a_cross_county_submission_is_refused_and_audited(writable_db, capsys, tmp_path):
    path = tmp_path / "两县.csv"
    path.write_bytes(TWO_COUNTIES)
    code, out, _ = cli(writable_db, "ingest", str(path), "--user", "cangxi", capsys=capsys)
    assert code == 1 and "剑阁县" in out
    last = refusals(writable_db).iloc[0]
    assert (last.user_name, last.target) == ("cangxi", "两县.csv")
    assert last.detail.startswith("submit: 1 row(s) of a region other than 510824")


def test_an_approval_of_a_file_that_no_longer_passes_or_is_already_approved_is_audited(writable_db, capsys):
    submit_file(writable_db, Upload(OWN, "苍溪.csv", "2026Q4"), CANGXI)
    assert cli(writable_db, "approve", "1", "--user", "demo", capsys=capsys)[0] == 0
    code, _, err = cli(writable_db, "approve", "1", "--user", "demo", capsys=capsys)
    assert code == 1 and "already approved" in err and "已审核通过" in err
    last = refusals(writable_db).iloc[0]
    assert (last.user_name, last.target, last.detail) == (
        "demo",
        "submission #1",
        "approve: Submission #1 is already approved.",
    )


# --- races between real processes ----------------------------------------------------------------------------


def run_together(db, *commands) -> list[subprocess.CompletedProcess]:
    started = [
        subprocess.Popen(
            [sys.executable, "-m", "unionbench", "--db", str(db), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for command in commands
    ]
    done = []
    for process in started:
        out, err = process.communicate(timeout=180)
        done.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return done


@pytest.mark.system  # CLI processes
def test_two_approvals_of_one_submission_at_once_commit_it_once(writable_db):
    submit_file(writable_db, Upload(OWN, "苍溪.csv", "2026Q4"), CANGXI)
    uploads = committed_uploads(writable_db)
    first, second = run_together(writable_db, ("approve", "1", "--user", "demo"), ("approve", "1", "--user", "demo"))
    assert sorted([first.returncode, second.returncode]) == [0, 1], (first.stderr, second.stderr)
    loser = first if first.returncode else second
    assert "already approved" in loser.stderr
    assert committed_uploads(writable_db) == uploads + 1
    assert list(audit_log(writable_db).action.head(2)) == ["refused", "approve"]


@pytest.mark.system  # CLI processes
def test_an_approval_and_a_return_at_once_leave_one_outcome(writable_db):
    submit_file(writable_db, Upload(OWN, "苍溪.csv", "2026Q4"), CANGXI)
    uploads = committed_uploads(writable_db)
    approved, returned = run_together(
        writable_db, ("approve", "1", "--user", "demo"), ("return", "1", "--reason", "不符", "--user", "demo")
    )
    assert sorted([approved.returncode, returned.returncode]) == [0, 1], (approved.stderr, returned.stderr)
    status = submission_status(writable_db, 1)
    if approved.returncode == 0:
        assert status == "approved" and committed_uploads(writable_db) == uploads + 1
        assert "already approved" in returned.stderr
    else:
        assert status == "returned" and committed_uploads(writable_db) == uploads
        assert "already returned" in approved.stderr


# --- the pages call the same check ---------------------------------------------------------------------------


@pytest.fixture
def pages(writable_db, monkeypatch):
    """The upload page signed in as `user`; this process's reader keeps its snapshot until a write moves it, so a
    change made behind the page (an account disabled) is seen by the core's check, not by the page's own run."""
    from components.account import sign_in_throttles

    monkeypatch.setenv("UNIONBENCH_DB", str(writable_db))
    monkeypatch.chdir(ROOT)
    sign_in_throttles.clear()
    st.cache_data.clear()
    reader = replica(writable_db)
    monkeypatch.setattr(reader, "check_every", 3600.0)
    # The test's own writes stand for another process's (the command line on the server): this process's reader
    # does not move to them, as it moves to what its own page wrote.
    monkeypatch.setattr("unionbench.store.reads_own_writes", lambda primary: None)

    def open_page(name: str, user: str, password: str = "demo2026") -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.switch_page(f"app_pages/{name}.py")
        at.run()
        at.text_input[0].input(user)
        at.text_input[1].input(password)
        at.button[0].click()
        return at.run()

    yield open_page
    sign_in_throttles.clear()


def test_an_admin_disabled_while_reviewing_cannot_approve_on_the_page(pages, writable_db):
    submit_file(writable_db, Upload(OWN, "苍溪.csv", "2026Q4"), CANGXI)
    add_user(writable_db, NewAccount("boss", "secret-pass-1", "admin"), "test")
    replica(writable_db).refresh()
    at = pages("upload", "boss", "secret-pass-1")
    at.selectbox(key="review_pick").set_value(1).run()
    disable_user(writable_db, "boss", by="demo")  # the page still holds the older snapshot
    next(b for b in at.button if b.label == "审核通过并发布").click()
    at.run()
    assert not at.exception
    assert any("已停用" in e.value for e in at.error)
    assert submission_status(writable_db, 1) == "submitted"
    last = refusals(writable_db).iloc[0]
    assert (last.user_name, last.target) == ("boss", "submission #1") and last.detail.startswith("approve: ")


@pytest.mark.parametrize("write", ["revert", "ingest"])
def test_an_admin_disabled_while_on_the_page_cannot_revert_or_commit(pages, writable_db, write):
    add_user(writable_db, NewAccount("boss", "secret-pass-1", "admin"), "test")
    replica(writable_db).refresh()
    at = pages("upload", "boss", "secret-pass-1")
    if write == "revert":
        at.selectbox(key="revert_pick").set_value(1).run()
        at.checkbox(key="revert_confirm_1").check().run()
    else:
        at.get("file_uploader")[0].set_value(("苍溪.csv", OWN, "text/csv"))
        at.run()
    uploads = committed_uploads(writable_db)
    disable_user(writable_db, "boss", by="demo")
    next(b for b in at.button if b.label == ("撤销" if write == "revert" else "确认提交")).click()
    at.run()
    assert not at.exception and any("已停用" in e.value for e in at.error)
    assert committed_uploads(writable_db) == uploads
    assert refusals(writable_db).detail.iloc[0].startswith(f"{write}: ")


def test_a_page_write_is_audited_under_the_signed_in_account(pages, writable_db):
    submit_file(writable_db, Upload(OWN, "苍溪.csv", "2026Q4"), CANGXI)
    at = pages("upload", "demo")
    at.selectbox(key="review_pick").set_value(1).run()
    next(b for b in at.button if b.label == "审核通过并发布").click()
    at.run()
    assert not at.exception and submission_status(writable_db, 1) == "approved"
    assert (audit_log(writable_db).user_name[0], audit_log(writable_db).action[0]) == ("demo", "approve")


# --- what the command line prints from user data -------------------------------------------------------------


def test_ingest_writes_a_cells_escape_sequences_out_in_its_problem_list(writable_db, tmp_path, capsys):
    path = tmp_path / "wide.csv"
    counties = ["利州区", "昭化区", "朝天区", "旺苍县", "青川县", "剑阁县"]  # enough text that it is no binary file
    path.write_bytes(csv_bytes(["地区,职工培训,季度", *(f"{c},7,2026Q4" for c in counties), "\x1b[31m苍溪县,7,2026Q4"]))
    code, out, err = cli(writable_db, "ingest", str(path), "--user", "demo", capsys=capsys)
    assert code == 1 and "\x1b" not in out + err
    assert "\\x1b[31m苍溪县" in out


def test_a_refusal_and_the_sets_and_history_listings_write_control_characters_out(writable_db, capsys):
    code, _, err = cli(writable_db, "approve", "1", "--user", "evil\x1b[2J", capsys=capsys)
    assert code == 1 and "\x1b" not in err and "evil\\x1b[2J" in err
    code, out, _ = cli(writable_db, "audit", capsys=capsys)
    assert code == 0 and "\x1b" not in out and "evil\\x1b[2J" in out
    add = ["sets", "add", "--id", "odd", "--name-zh", "红\x1b[31m色", "--name-en", "Red", "--members", "510900"]
    assert cli(writable_db, *add, "--user", "demo", capsys=capsys)[0] in (0, 1)
    code, out, _ = cli(writable_db, "sets", "list", capsys=capsys)
    assert code == 0 and "\x1b" not in out


# --- need to know ---------------------------------------------------------------------------------------------


def tracker_html(at) -> str:
    return "".join(h.proto.body for h in at.get("html") if 'data-testid="ub-tracker"' in h.proto.body)


def test_a_reporter_sees_its_own_countys_reason_on_the_tracker_and_only_the_status_of_others(pages, writable_db):
    submit_file(writable_db, Upload(OWN, "苍溪.csv", "2026Q4"), CANGXI)
    return_submission(writable_db, 1, "demo", "台账第三页数字不符")
    replica(writable_db).refresh()
    other = pages("tracker", "jiange")
    other.selectbox(key="tracker_period").set_value("2026Q4").run()
    assert not other.exception
    table = tracker_html(other)
    assert "退回" in table and "台账第三页数字不符" not in table and "cangxi" not in table
    assert not [c for c in other.code if "苍溪" in c.value]  # no reminder for another county
    own = pages("tracker", "cangxi")
    own.selectbox(key="tracker_period").set_value("2026Q4").run()
    assert "台账第三页数字不符" in tracker_html(own) and "cangxi" in tracker_html(own)
