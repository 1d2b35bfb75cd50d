"""The quarterly reporting cycle: accounts and roles, a reporter's submission reviewed before it counts,
the tracker by county, and the audit log — in the core, on the command line and on the pages."""

import csv
import datetime as dt
import io
import sys
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.ingest_files import csv_bytes, current
from unionbench.accounts import (
    Account,
    ReportingError,
    accounts,
    accounts_with_example_password,
    disable_user,
    set_password,
    sign_in,
)
from unionbench.audit import audit_entries, record_sign_in_failure
from unionbench.auth import Throttle, Throttles, hash_password, verify_password
from unionbench.cli import main
from unionbench.ingest import Upload
from unionbench.store import Replica, published_version
from unionbench.submissions import (
    approve_submission,
    publish_file,
    region_template_files,
    return_submission,
    revert,
    submissions,
    submit_file,
)
from unionbench.tracker import STATUSES, deadline, set_deadline_days, status_table

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 12, 1)
CANGXI = Account("cangxi", "reporter", "510824")  # a demo reporter (init --demo)
OWN = csv_bytes(["地区,职工培训,季度", "苍溪县,7,2026Q4"])
WITH_ANOTHER_COUNTY = csv_bytes(["地区,职工培训,季度", "苍溪县,7,2026Q4", "剑阁县,8,2026Q4"])


@pytest.fixture
def db(writable_db):
    return writable_db


def read(db, fn, *args):
    reader = Replica(db)
    try:
        return fn(reader.current(), *args)
    finally:
        reader.close()


def statuses(db, period="2026Q4", today=TODAY) -> dict[str, str]:
    table = read(db, status_table, "510800", period, today)
    return dict(zip(table.region_name, table.status, strict=True))


# --- submitting and reviewing --------------------------------------------------------------------------------


def test_a_reporter_cannot_submit_another_countys_rows_and_nothing_is_written(db):
    version = published_version(db)
    outcome = submit_file(db, Upload(WITH_ANOTHER_COUNTY, "苍溪.csv", "2026Q4", TODAY), CANGXI)
    assert outcome.submission_id is None
    [problem] = outcome.prepared.errors
    assert (problem.code, problem.row, problem.column, problem.value) == ("other_region", 3, "地区", "剑阁县")
    assert "苍溪县" in problem.message("zh") and "整个文件未导入" in problem.message("zh")
    assert "the whole file was not imported" in problem.message("en")
    assert read(db, submissions).empty and published_version(db) == version
    assert current(db, "510824", "trainings", "2026Q4") is None and current(db, "510823", "trainings", "2026Q4") is None


def test_a_reporters_own_file_is_not_warned_that_the_other_counties_are_missing(db):
    outcome = submit_file(db, Upload(OWN, "苍溪.csv", "2026Q4", TODAY), CANGXI)
    assert outcome.submission_id is not None
    assert "county_missing" not in {w.code for w in outcome.prepared.warnings}


def test_a_submitted_file_changes_no_figure_until_an_admin_approves_it(db):
    outcome = submit_file(db, Upload(OWN, "苍溪.csv", "2026Q4", TODAY), CANGXI)
    assert outcome.prepared.ok and outcome.submission_id == 1
    assert current(db, "510824", "trainings", "2026Q4") is None
    waiting = read(db, submissions, "2026Q4")
    assert list(waiting.status) == ["submitted"] and waiting.figures[0] == 1 and waiting.user_name[0] == "cangxi"
    assert read(db, submissions, "2026Q3").empty

    approved = approve_submission(db, 1, "demo", TODAY)
    assert approved.result.added == 1
    assert current(db, "510824", "trainings", "2026Q4") == 7
    upload = read(db, lambda store: store.query("uploads").set_index("id").loc[approved.result.upload_id])
    assert upload.user_name == "cangxi" and "demo" in upload.note  # the reporter's figures, approved by demo
    assert read(db, submissions).status[0] == "approved"
    with pytest.raises(ReportingError, match="already approved"):
        approve_submission(db, 1, "demo", TODAY)


def test_a_returned_submission_never_changes_a_figure_and_its_reporter_sees_why(db):
    submit_file(db, Upload(OWN, "苍溪.csv", "2026Q4", TODAY), CANGXI)
    with pytest.raises(ReportingError, match="needs a reason"):
        return_submission(db, 1, "demo", "  ")
    return_submission(db, 1, "demo", "培训场次与台账不符")
    sent = read(db, submissions).iloc[0]
    assert (sent.status, sent.reason, sent.reviewed_by) == ("returned", "培训场次与台账不符", "demo")
    with pytest.raises(ReportingError, match="already returned"):
        approve_submission(db, 1, "demo", TODAY)
    assert current(db, "510824", "trainings", "2026Q4") is None


def test_approval_commits_a_stale_submission_as_sent_and_refuses_one_that_no_longer_passes(db):
    stale = csv_bytes(["地区,职工培训,季度", "苍溪县,9,2026Q3"])
    submit_file(db, Upload(stale, "苍溪-培训.csv", "2026Q3", TODAY), CANGXI)
    publish_file(db, Upload(csv_bytes(["地区,职工培训,季度", "苍溪县,2,2026Q3"]), "市.csv", "2026Q3", TODAY), "demo")
    assert approve_submission(db, 1, "demo", TODAY).result.changed == 1
    assert current(db, "510824", "trainings", "2026Q3") == 9  # the submission's figure, over the admin's

    unions = csv_bytes(["地区,已建会企业,季度", "苍溪县,2900,2026Q3"])  # ≤ the 2941 eligible stored now
    assert submit_file(db, Upload(unions, "苍溪-建会.csv", "2026Q3", TODAY), CANGXI).submission_id == 2
    lower = csv_bytes(["地区,应建会企业,季度", "苍溪县,2800,2026Q3"])
    assert publish_file(db, Upload(lower, "市-应建会.csv", "2026Q3", TODAY), "demo").result is not None
    refused = approve_submission(db, 2, "demo", TODAY)
    assert refused.result is None
    assert [p.code for p in refused.prepared.errors] == ["rule_broken"]
    assert current(db, "510824", "unions_established", "2026Q3") == 2100
    assert read(db, submissions).set_index("id").status[2] == "submitted"  # still there, to return


def test_an_admins_upload_publishes_at_once_and_may_hold_any_county(db):
    admin = Account("demo", "admin")
    outcome = publish_file(db, Upload(WITH_ANOTHER_COUNTY, "市.csv", "2026Q4", TODAY), admin.name)
    assert outcome.result.added == 2 and current(db, "510823", "trainings", "2026Q4") == 8


# --- the tracker ---------------------------------------------------------------------------------------------


def test_the_deadline_is_the_fifteenth_day_after_the_quarter_unless_set_otherwise(db):
    assert deadline("2026Q4") == dt.date(2027, 1, 15)
    assert deadline("2026Q1") == dt.date(2026, 4, 15)
    assert deadline("2026Q3", 20) == dt.date(2026, 10, 20)
    set_deadline_days(db, 20, "demo")
    assert set(read(db, status_table, "510800", "2026Q4", TODAY).deadline) == {"2027-01-20"}


def test_the_tracker_shows_missing_submitted_returned_and_approved_across_a_quarter(db):
    counties = ["利州区", "昭化区", "朝天区", "旺苍县", "青川县", "剑阁县", "苍溪县"]
    assert statuses(db) == dict.fromkeys(counties, "missing")
    assert set(statuses(db, "2026Q3").values()) == {"approved"}  # the demo data, published by the admin

    submit_file(db, Upload(OWN, "苍溪.csv", "2026Q4", TODAY), CANGXI)
    jiange = Account("jiange", "reporter", "510823")
    submit_file(db, Upload(csv_bytes(["地区,职工培训,季度", "剑阁县,5,2026Q4"]), "剑阁.csv", "2026Q4", TODAY), jiange)
    return_submission(db, 2, "demo", "请补全其他指标")
    lizhou = csv_bytes(["地区,职工培训,季度", "利州区,4,2026Q4"])
    publish_file(db, Upload(lizhou, "利州.csv", "2026Q4", TODAY), "demo")
    assert statuses(db) == {
        **dict.fromkeys(counties, "missing"),
        "苍溪县": "submitted",
        "剑阁县": "returned",
        "利州区": "approved",
    }
    approve_submission(db, 1, "demo", TODAY)

    late = read(db, status_table, "510800", "2026Q4", dt.date(2027, 1, 18)).set_index("region_name")
    assert late.at["苍溪县", "status"] == "approved" and late.at["苍溪县", "submitted_by"] == "cangxi"
    assert late.at["苍溪县", "figures"] == 1 and late.at["苍溪县", "days_overdue"] == 0
    assert late.at["利州区", "submitted_by"] == "demo"
    assert late.at["青川县", "days_overdue"] == 3
    assert late.at["青川县", "reminder"] == (
        "【报送提醒】青川县总工会：2026年第四季度工会指标数据截至2027年1月15日应报送，已逾期3天，请尽快通过工会对标看板报送。"
    )
    assert (
        late.at["剑阁县", "reason"] == "请补全其他指标"
        and "已退回（原因：请补全其他指标）" in late.at["剑阁县", "reminder"]
    )
    assert late.at["苍溪县", "reminder"] == ""
    early = read(db, status_table, "510800", "2026Q4", TODAY).set_index("region_name")
    assert early.at["青川县", "days_overdue"] == 0 and "请于2027年1月15日前" in early.at["青川县", "reminder"]


# --- accounts and sign-in ------------------------------------------------------------------------------------


def test_the_demo_database_has_an_admin_and_one_reporter_per_county(store):
    found = accounts(store).set_index("name")
    assert found.at["demo", "role"] == "admin"
    reporters = found[found.role == "reporter"]
    assert sorted(reporters.region) == ["510802", "510811", "510812", "510821", "510822", "510823", "510824"]
    assert accounts_with_example_password(store) == sorted(found.index)


def test_a_database_account_signs_in_with_its_role_and_a_disabled_one_cannot(db):
    def attempt(name, password):
        throttles = Throttles(Throttle(limit=5), Throttle(limit=20))
        return read(db, lambda s: sign_in(s, {}, name, password, "10.0.0.7", throttles))

    assert attempt("cangxi", "demo2026") == (CANGXI, 0)
    assert attempt("cangxi", "wrong-one")[0] is None
    disable_user(db, "cangxi", "demo")
    assert attempt("cangxi", "demo2026")[0] is None
    set_password(db, "cangxi", "a-new-password", "demo")  # a new password enables it again
    assert attempt("cangxi", "a-new-password")[0] == CANGXI


def test_a_secrets_toml_account_signs_in_as_an_admin_unless_the_database_has_that_name(db):
    secrets = {"clerk": hash_password("clerk-2026", iterations=1000), "cangxi": hash_password("x" * 8, iterations=1000)}
    throttles = Throttles(Throttle(), Throttle(limit=20))
    account, _ = read(db, lambda s: sign_in(s, secrets, "clerk", "clerk-2026", None, throttles))
    assert account == Account("clerk", "admin", source="secrets")
    assert read(db, lambda s: sign_in(s, secrets, "cangxi", "x" * 8, None, throttles))[0] is None


def test_a_failed_sign_in_is_in_the_audit_log_with_name_and_address_but_not_the_password(db):
    assert record_sign_in_failure(db, "cangxi ", "10.0.0.7", 60)
    entry = audit_entries(db).iloc[0]
    assert (entry.user_name, entry.action, entry.address, entry.detail) == (
        "cangxi",
        "sign_in_failed",
        "10.0.0.7",
        "locked for 60 s",
    )


def test_every_upload_submission_approval_return_and_revert_is_audited(db):
    submit_file(db, Upload(OWN, "苍溪.csv", "2026Q4", TODAY), CANGXI, "10.0.0.8")
    submit_file(db, Upload(OWN, "苍溪2.csv", "2026Q4", TODAY), CANGXI)
    approved = approve_submission(db, 1, "demo", TODAY)
    return_submission(db, 2, "demo", "重复报送")
    revert(db, approved.result.upload_id, "demo")
    published = publish_file(db, Upload(OWN, "市.csv", "2026Q4", TODAY), "demo")
    log = audit_entries(db)
    recent = log[~log.action.isin(["user_add", "setting"])].sort_values("id")  # not the demo's accounts, settings
    assert list(zip(recent.user_name, recent.action, recent.target, strict=True)) == [
        ("cangxi", "submit", "submission #1"),
        ("cangxi", "submit", "submission #2"),
        ("demo", "approve", "submission #1"),
        ("demo", "return", "submission #2"),
        ("demo", "revert", f"upload #{approved.result.upload_id}"),
        ("demo", "upload", f"upload #{published.result.upload_id}"),
    ]
    assert recent.address.iloc[0] == "10.0.0.8" and recent.detail.iloc[3] == "重复报送"
    assert audit_entries(db, TODAY + dt.timedelta(days=400)).empty


# --- the command line ----------------------------------------------------------------------------------------


def run(db, capsys, *args, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["--db", str(db), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_users_add_list_disable_and_passwd_on_the_command_line(db, capsys, monkeypatch):
    add = ("users", "add", "王会计", "--role", "reporter", "--region", "510822", "--password-stdin", "--user", "demo")
    assert run(db, capsys, *add, stdin="qingchuan-2026\n", monkeypatch=monkeypatch)[0] == 0
    assert run(db, capsys, *add, stdin="qingchuan-2026\n", monkeypatch=monkeypatch)[0] == 1  # already there
    code, _, err = run(
        db,
        capsys,
        "users",
        "add",
        "x1",
        "--role",
        "reporter",
        "--password-stdin",
        "--user",
        "demo",
        stdin="long-enough\n",
        monkeypatch=monkeypatch,
    )
    assert code == 1 and "--region" in err
    assert run(db, capsys, "users", "add", "x2", "--role", "admin", "--region", "510822")[0] == 2
    code, _, err = run(
        db,
        capsys,
        "users",
        "add",
        "x3",
        "--role",
        "admin",
        "--password-stdin",
        "--user",
        "demo",
        stdin="short\n",
        monkeypatch=monkeypatch,
    )
    assert code == 1 and "8" in err
    code, out, _ = run(db, capsys, "users", "list")
    line = next(row for row in out.splitlines() if row.startswith("王会计"))
    assert line.split("\t")[1:5] == ["reporter", "510822", "青川县", "active"]
    assert "password" not in out and "pbkdf2" not in out

    assert run(db, capsys, "users", "disable", "王会计", "--user", "demo")[0] == 0
    assert "disabled" in next(r for r in run(db, capsys, "users", "list")[1].splitlines() if r.startswith("王会计"))
    assert run(db, capsys, "users", "disable", "nobody", "--user", "demo")[0] == 1
    passwd = ("users", "passwd", "王会计", "--password-stdin", "--user", "demo")
    assert run(db, capsys, *passwd, stdin="another-2026\n", monkeypatch=monkeypatch)[0] == 0
    stored = read(db, lambda s: s.query("account_hashes").set_index("name").password_hash["王会计"])
    assert verify_password("another-2026", stored)


def test_users_role_moves_a_reporter_makes_an_admin_and_never_leaves_the_federation_without_one(db, capsys):
    code, out, _ = run(
        db, capsys, "users", "role", "cangxi", "--role", "reporter", "--region", "剑阁县", "--user", "demo"
    )
    assert code == 0 and "510823" in out
    line = next(row for row in run(db, capsys, "users", "list")[1].splitlines() if row.startswith("cangxi"))
    assert line.split("\t")[1:3] == ["reporter", "510823"]
    assert run(db, capsys, "users", "role", "cangxi", "--role", "reporter", "--user", "demo")[0] == 1  # no region
    assert run(db, capsys, "users", "role", "cangxi", "--role", "admin", "--region", "510823")[0] == 2
    assert (
        run(db, capsys, "users", "role", "cangxi", "--role", "reporter", "--region", "510823", "--user", "jiange")[0]
        == 1
    )  # a reporter may not change accounts
    admins = [r.split("\t")[0] for r in run(db, capsys, "users", "list")[1].splitlines() if "\tadmin\t" in r]
    for name in admins[1:]:
        assert run(db, capsys, "users", "disable", name, "--user", admins[0])[0] == 0
    code, _, err = run(db, capsys, "users", "role", admins[0], "--role", "reporter", "--region", "510823",
                       "--user", admins[0])  # fmt: skip
    assert code == 1 and "only enabled admin" in err and "唯一" in err


def test_users_import_secrets_moves_secrets_toml_accounts_in_as_admins(db, capsys, tmp_path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[upload_users]\nclerk = "{hash_password("clerk-2026", iterations=1000)}"\n', "utf-8")
    assert run(db, capsys, "users", "import-secrets", str(secrets), "--user", "demo")[1].startswith("已导入 1 个")
    account, _ = read(db, lambda s: sign_in(s, {}, "clerk", "clerk-2026", None, Throttles(Throttle(), Throttle())))
    assert account == Account("clerk", "admin")


def test_ingest_as_a_reporter_submits_and_as_an_admin_commits(db, capsys, tmp_path):
    path = tmp_path / "苍溪.csv"
    path.write_bytes(OWN)
    code, out, _ = run(db, capsys, "ingest", str(path), "--user", "cangxi")
    assert code == 0 and "submitted for review: submission #1" in out
    assert current(db, "510824", "trainings", "2026Q4") is None
    other = tmp_path / "两县.csv"
    other.write_bytes(WITH_ANOTHER_COUNTY)
    code, out, _ = run(db, capsys, "ingest", str(other), "--user", "cangxi")
    assert code == 1 and "第 3 行 row 3 · 列 column 地区 · 值 value “剑阁县”" in out
    code, out, _ = run(db, capsys, "ingest", str(other), "--user", "demo")
    assert code == 0 and "committed" in out and current(db, "510823", "trainings", "2026Q4") == 8
    disable_user(db, "jiange", "demo")
    assert run(db, capsys, "ingest", str(other), "--user", "jiange")[0] == 1


def test_submissions_approve_return_status_and_audit_on_the_command_line(db, capsys, tmp_path):
    submit_file(db, Upload(OWN, "苍溪.csv", "2026Q4", TODAY), CANGXI)
    submit_file(db, Upload(OWN, "苍溪-再报.csv", "2026Q4", TODAY), CANGXI)
    code, out, _ = run(db, capsys, "submissions", "--period", "2026Q4")
    assert code == 0 and [r.split("\t")[:2] for r in out.splitlines()[1:]] == [["2", "submitted"], ["1", "submitted"]]
    assert run(db, capsys, "submissions", "--period", "2026Q3")[1].count("\n") == 1  # the header only

    assert run(db, capsys, "return", "2", "--reason", "重复报送", "--user", "demo")[0] == 0
    assert run(db, capsys, "return", "2", "--reason", "again", "--user", "demo")[0] == 1
    code, out, _ = run(db, capsys, "approve", "1", "--user", "demo")
    assert code == 0 and "upload #" in out and current(db, "510824", "trainings", "2026Q4") == 7
    assert run(db, capsys, "approve", "99", "--user", "demo")[0] == 1

    code, out, _ = run(db, capsys, "status", "--period", "2026Q4", "--today", "2027-01-18")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[:6] == ["region_code", "region_name", "status", "figures", "submitted_by", "submitted_at"]
    by_region = {row["region_code"]: row for row in rows}
    assert len(rows) == 7 and by_region["510824"]["status"] == "approved" and by_region["510824"]["figures"] == "1"
    assert by_region["510822"]["status"] == "missing" and by_region["510822"]["days_overdue"] == "3"
    assert {row["status"] for row in rows} <= set(STATUSES)
    assert run(db, capsys, "status", "--period", "2026Q9")[0] == 2

    code, out, _ = run(db, capsys, "audit", "--since", TODAY.isoformat())
    actions = [row["action"] for row in csv.DictReader(io.StringIO(out))]
    assert actions[:6] == ["refused", "approve", "refused", "return", "submit", "submit"]  # #99, then #2 again
    assert run(db, capsys, "audit", "--since", "yesterday")[0] == 2


# --- the pages -----------------------------------------------------------------------------------------------


@pytest.fixture
def pages(db, monkeypatch):
    from components.account import sign_in_throttles

    monkeypatch.setenv("UNIONBENCH_DB", str(db))
    monkeypatch.chdir(ROOT)
    sign_in_throttles.clear()
    st.cache_data.clear()  # cached by snapshot name: another test's copy of the demo database has the same names

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


def test_a_reporter_gets_its_own_template_submits_and_sees_the_submission_waiting(pages, db):
    at = pages("upload", "cangxi")
    assert not at.exception
    assert [s.value for s in at.subheader] == ["① 下载填报模板", "② 上传填好的文件", "我的报送"]
    assert "苍溪县" in at.caption[0].value
    at.get("file_uploader")[0].set_value(("两县.csv", WITH_ANOTHER_COUNTY, "text/csv"))
    at.run()
    assert any("发现 1 个问题" in e.value for e in at.error)
    assert not [b for b in at.button if b.label == "提交审核"]
    at.get("file_uploader")[0].set_value(("苍溪.csv", OWN, "text/csv"))
    at.run()
    next(b for b in at.button if b.label == "提交审核").click()
    at.run()
    assert not at.exception
    assert any(s.value.startswith("已提交，待审核：报送 #1") for s in at.success)
    mine = "".join(h.proto.body for h in at.get("html"))
    assert "ub-my-submissions" in mine and "已提交/待审核" in mine
    assert current(db, "510824", "trainings", "2026Q4") is None


def test_an_admin_reviews_a_submission_with_its_preview_and_approves_it(pages, db):
    submit_file(db, Upload(OWN, "苍溪.csv", "2026Q4", TODAY), CANGXI)
    at = pages("upload", "demo")
    assert not at.exception
    assert "待审核的报送（1）" in [s.value for s in at.subheader]
    assert not [b for b in at.button if b.label == "审核通过并发布"]  # nothing is chosen until the admin picks one
    at.selectbox(key="review_pick").set_value(1).run()
    assert at.metric[0].value == "1"  # the review's preview: 1 new figure
    next(b for b in at.button if b.label == "审核通过并发布").click()
    at.run()
    assert not at.exception
    assert any(s.value.startswith("报送 #1 已审核通过并发布为上传") for s in at.success)
    assert current(db, "510824", "trainings", "2026Q4") == 7


def test_an_admin_returns_a_submission_with_a_reason(pages, db):
    submit_file(db, Upload(OWN, "苍溪.csv", "2026Q4", TODAY), CANGXI)
    at = pages("upload", "demo")
    at.selectbox(key="review_pick").set_value(1).run()
    next(b for b in at.button if b.label == "退回").click()
    at.run()  # without a reason: it says what is missing and returns nothing
    assert "请先填写退回原因，报送员会看到它。" in [e.value for e in at.error]
    assert read(db, submissions).status[0] == "submitted"
    at.text_input(key="return_reason_1").input("数字与台账不符").run()
    next(b for b in at.button if b.label == "退回").click()
    at.run()
    assert not at.exception and any("报送 #1 已退回" in s.value for s in at.success)
    assert read(db, submissions).reason[0] == "数字与台账不符"


def test_the_tracker_page_lists_every_county_with_its_status_for_signed_in_users(pages, db):
    submit_file(db, Upload(OWN, "苍溪.csv", "2026Q4", TODAY), CANGXI)
    at = pages("tracker", "jiange")
    assert not at.exception
    table = "".join(h.proto.body for h in at.get("html"))
    assert 'data-testid="ub-tracker"' in table
    for county in ["利州区", "昭化区", "朝天区", "旺苍县", "青川县", "剑阁县", "苍溪县"]:
        assert county in table
    assert "◇ 待审核" in table and "○ 未报送" in table
    assert [m.value for m in at.metric] == ["6", "0", "1", "0"]  # missing, returned, submitted, approved
    assert [c.value[:9] for c in at.code] == ["【报送提醒】剑阁县"]  # a reporter: its own county's reminder only
    admin = pages("tracker", "demo")
    assert len(admin.code) == 6 and all(c.value.startswith("【报送提醒】") for c in admin.code)


def test_the_english_tracker_names_the_counties_in_english(pages, db):
    at = pages("tracker", "jiange")
    at.session_state["lang"] = "en"  # the sidebar's language switch
    at.run()
    table = "".join(h.proto.body for h in at.get("html") if 'data-testid="ub-tracker"' in h.proto.body)
    assert not at.exception and "Cangxi County" in table and "Lizhou District" in table and "苍溪县" not in table


def test_a_database_from_before_the_accounts_gets_them_published_by_its_next_writer(db):
    from unionbench.store import Store, bump_data_version, load_query, migrations, publish, writer, writer_lock

    with writer_lock(db):  # make it look like a database of the previous release, published as such
        old = Store(db)
        with old.transaction() as cur:
            cur.execute("drop table users; drop table submissions; drop table submission_rows; drop table audit_log")
            cur.execute("delete from meta where key = 'reporting_schema'")
            before_accounts = min(n for n, name in migrations() if "accounts" in name) - 1
            cur.execute(load_query("write/record_schema_version"), {"version": str(before_accounts)})
            bump_data_version(cur, figures=False)
        publish(old)
        old.close()
    with pytest.raises(Exception, match="users"):
        read(db, accounts)
    with writer(db):  # e.g. `unionbench init` after upgrading
        pass
    assert list(read(db, accounts).columns)[:3] == ["name", "role", "region"]


def test_a_reporters_template_has_its_own_rows_and_comes_back_through_a_submission(db):
    files = read(db, region_template_files, "510824", "2026Q4", "zh")
    header, *rows = files["csv"].decode("utf-8-sig").splitlines()
    assert len(rows) == 17 and all(row.startswith("苍溪县,") for row in rows)  # its own indicators, no other county
    filled = [row + (row.split(",")[-2] or "3") for row in rows]  # each figure as last quarter's, else 3
    data = "\n".join([header, *filled]).encode()
    outcome = submit_file(db, Upload(data, "苍溪模板.csv", "2026Q4", TODAY), CANGXI)
    assert outcome.submission_id == 1 and set(outcome.prepared.observations.region) == {"510824"}


def test_the_submissions_listing_writes_a_file_names_control_characters_out(db, capsys):
    submit_file(db, Upload(OWN, "苍溪\x1b[2J.csv", "2026Q4", TODAY), CANGXI)
    code, out, _ = run(db, capsys, "submissions")
    assert code == 0 and "\x1b" not in out and "苍溪\\x1b[2J.csv" in out
