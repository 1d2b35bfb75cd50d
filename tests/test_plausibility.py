"""Figures that read as numbers but cannot be meant: a count that is not exactly whole is refused row by row; a
drop to zero is a jump to look at; a row for a level the federation does not report, or a city far from the sum
of its counties, waits for an explicit yes — on the command line and on the upload page alike."""

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.ingest_files import csv_bytes, current
from unionbench.cli import main

ROOT = Path(__file__).resolve().parent.parent


def ingest(db, tmp_path, capsys, data: bytes, *extra: str) -> tuple[int, str]:
    path = tmp_path / "file.csv"
    path.write_bytes(data)
    capsys.readouterr()
    code = main(["--db", str(db), "ingest", str(path), "--user", "demo", *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("typed", ["1e-7", "5e-324", "111.0000001", "0.5"])
def test_a_count_that_is_not_exactly_whole_is_refused_with_its_row(writable_db, tmp_path, capsys, typed):
    before = current(writable_db, "510824", "trainings", "2026Q3")
    code, output = ingest(writable_db, tmp_path, capsys, csv_bytes(["地区,职工培训,季度", f"苍溪县,{typed},2026Q3"]))
    assert code == 1
    line = next(line for line in output.splitlines() if "✗" in line)
    assert "第 2 行 row 2" in line and f"“{typed}”" in line
    assert "是计数，必须是整数" in line and "is a count and must be a whole number" in line
    assert current(writable_db, "510824", "trainings", "2026Q3") == before


def test_a_whole_count_written_in_another_unit_is_still_whole(writable_db, tmp_path, capsys):
    data = csv_bytes(["地区,职工人数（万人）,季度", "苍溪县,12.34,2026Q3"])  # 123,400 people
    code, output = ingest(writable_db, tmp_path, capsys, data)
    assert code == 0, output
    assert current(writable_db, "510824", "workers", "2026Q3") == 123400


def test_a_drop_to_zero_from_a_figure_is_warned_as_a_jump(writable_db, tmp_path, capsys):
    before = current(writable_db, "510824", "trainings", "2026Q3")
    assert before
    code, output = ingest(
        writable_db, tmp_path, capsys, csv_bytes(["地区,职工培训,季度", "苍溪县,0,2026Q4"]), "--dry-run"
    )
    assert code == 0
    assert any(line.startswith("  ! ") and "“0”" in line for line in output.splitlines()), output


def audit_actions(db) -> list[tuple[str, str, str]]:
    from unionbench.audit import audit_entries

    entries = audit_entries(db)
    return list(zip(entries.action, entries.target.fillna(""), entries.detail.fillna(""), strict=True))


@pytest.mark.parametrize(
    ("row", "name"),
    [("四川省,1,2026Q3", "四川省"), ("广元市,1,2026Q3", "广元市")],
    ids=["a province row", "a city far from the sum of its counties"],
)
def test_a_held_row_needs_accept_warnings_on_the_command_line_and_both_are_audited(
    writable_db, tmp_path, capsys, row, name
):
    data = csv_bytes(["地区,职工培训,季度", row])
    code, output = ingest(writable_db, tmp_path, capsys, data)
    assert code == 1 and "--accept-warnings" in output
    line = next(line for line in output.splitlines() if "✗" in line)
    assert "第 2 行 row 2" in line and name in line and "需确认" in line and "a yes" in line
    assert current(writable_db, "510000" if name == "四川省" else "510800", "trainings", "2026Q3") != 1
    refused = audit_actions(writable_db)[0]
    assert refused[0] == "refused" and refused[2].startswith("ingest: held without a yes: row 2")

    code, output = ingest(writable_db, tmp_path, capsys, data, "--accept-warnings")
    assert code == 0 and "committed" in output
    assert current(writable_db, "510000" if name == "四川省" else "510800", "trainings", "2026Q3") == 1
    confirmed = audit_actions(writable_db)[0]
    assert confirmed[0] == "confirm" and confirmed[1].startswith("upload #") and confirmed[2].startswith("row 2 ")


@pytest.fixture
def upload_page(writable_db, monkeypatch):
    from components.account import sign_in_throttles

    monkeypatch.setenv("UNIONBENCH_DB", str(writable_db))
    monkeypatch.chdir(ROOT)
    sign_in_throttles.clear()
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.switch_page("app_pages/upload.py")
    at.run()
    at.text_input[0].input("demo")
    at.text_input[1].input("demo2026")
    at.button[0].click()
    yield at.run()
    sign_in_throttles.clear()


def commit_button(at):
    return next(b for b in at.button if b.label == "确认提交")


def test_the_upload_page_names_each_held_row_and_commits_only_after_a_yes(upload_page, writable_db):
    at = upload_page
    period = at.selectbox(key="upload_period").value  # a file without a quarter takes the page's
    at.get("file_uploader")[0].set_value(("省.csv", csv_bytes(["地区,职工培训", "四川省,1"]), "text/csv"))
    at.run()
    assert not at.exception
    assert any("须逐行确认" in w.value for w in at.warning)
    assert "ub-held" in "".join(h.proto.body for h in at.get("html"))
    box = next(c for c in at.checkbox if "第 2 行" in c.label)
    assert commit_button(at).disabled
    box.check().run()
    assert not commit_button(at).disabled
    commit_button(at).click()
    at.run()
    assert not at.exception and any("上传 #" in s.value for s in at.success)
    assert current(writable_db, "510000", "trainings", period) == 1
    assert audit_actions(writable_db)[0][0] == "confirm"


def test_the_upload_page_refuses_a_count_that_is_not_whole(upload_page, writable_db):
    at = upload_page
    at.get("file_uploader")[0].set_value(("x.csv", csv_bytes(["地区,职工培训", "苍溪县,111.0000001"]), "text/csv"))
    at.run()
    assert not at.exception and any("发现 1 个问题" in e.value for e in at.error)
    assert "必须是整数" in "".join(h.proto.body for h in at.get("html"))
    assert not [b for b in at.button if b.label == "确认提交"]
