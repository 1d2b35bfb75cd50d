import csv
import io
import os
import subprocess
import sys

import pytest

from unionbench.cli import main
from unionbench.export import EXPORT_COLUMNS, plain_decimal
from unionbench.store import writer


def test_export_prints_the_contract_header_and_one_row_per_current_observation(demo_db_path, store, capsys):
    assert main(["--db", str(demo_db_path), "export"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert (
        rows[0] == EXPORT_COLUMNS == ["region_code", "region_name", "indicator", "period", "value", "unit", "upload_id"]
    )
    assert len(rows) - 1 == store.query("data_status").at[0, "observations"]
    by_key = {(r[0], r[2], r[3]): r for r in rows[1:]}
    assert by_key[("510812", "funds_government", "2023Q2")] == [
        "510812",
        "朝天区",
        "funds_government",
        "2023Q2",
        "110",
        "万元",
        "1",
    ]
    assert by_key[("510824", "workers", "2026Q3")][4].isdigit()  # no thousands separators, no exponent


def test_export_to_a_file_writes_utf8(demo_db_path, tmp_path):
    out = tmp_path / "export.csv"
    assert main(["--db", str(demo_db_path), "export", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith(",".join(EXPORT_COLUMNS))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (291.0, "291"),
        (36.5, "36.5"),
        (0.0, "0"),
        (4_500_000.0, "4500000"),
        (125.56, "125.56"),
        (-3.25, "-3.25"),
        (0.1234567, "0.1234567"),
        (1e-7, "0.0000001"),
        (123456789.5, "123456789.5"),
    ],
)
def test_export_values_are_plain_decimals(value, text):
    assert plain_decimal(value) == text


def test_export_without_a_database_says_to_run_init_and_exits_1(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "missing.duckdb"), "export"]) == 1
    assert "unionbench init" in capsys.readouterr().err


def test_an_unknown_command_is_a_usage_error_with_exit_2(capsys):
    assert main(["frobnicate"]) == 2


@pytest.mark.system
def test_the_console_script_initialises_a_database_from_the_environment_variable(tmp_path):
    env = {**os.environ, "UNIONBENCH_DB": str(tmp_path / "env.duckdb")}
    first = subprocess.run(
        [sys.executable, "-m", "unionbench", "init", "--demo"], env=env, capture_output=True, text=True, check=False
    )
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "env.duckdb").is_file()
    second = subprocess.run(
        [sys.executable, "-m", "unionbench", "init", "--demo"], env=env, capture_output=True, text=True, check=False
    )
    assert second.returncode == 0 and "nothing changed" in second.stdout


@pytest.mark.system
def test_init_while_another_writer_holds_the_database_explains_instead_of_a_traceback(tmp_path):
    db = tmp_path / "busy.duckdb"
    env = {**os.environ, "UNIONBENCH_WRITE_TIMEOUT": "0.5"}
    with writer(db):
        result = subprocess.run(
            [sys.executable, "-m", "unionbench", "--db", str(db), "init"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    assert result.returncode == 1
    assert "the database is busy" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.system
def test_init_and_export_work_while_a_reader_holds_the_published_snapshot(demo_db_path, store, tmp_path):
    # `store` keeps the snapshot open, as a running dashboard does; the writer uses the primary file.
    result = subprocess.run(
        [sys.executable, "-m", "unionbench", "--db", str(demo_db_path), "init"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_passwd_prints_a_secrets_line_whose_hash_verifies_the_piped_password(monkeypatch, capsys):
    from unionbench.auth import verify_password

    monkeypatch.setattr(sys, "stdin", io.StringIO("a-long-password\n"))
    assert main(["passwd", "张三"]) == 0
    line = capsys.readouterr().out.splitlines()[-1]
    name, hashed = (part.strip().strip('"') for part in line.split("=", 1))
    assert name == "张三" and verify_password("a-long-password", hashed)


def test_passwd_refuses_a_short_password_as_a_usage_error(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    assert main(["passwd", "clerk"]) == 2
    assert "8" in capsys.readouterr().err


def test_the_uploads_listing_writes_control_characters_of_a_file_name_out_instead_of_sending_them_to_the_terminal(
    writable_db, capsys
):
    from unionbench.ingest import Upload, commit_file

    hostile = "广元\x1b[2J\x1b[31m报表\t.csv"  # clear the screen, turn it red, and break the columns
    commit_file(writable_db, Upload("地区,职工培训,季度\n青川县,7,2026Q3\n".encode(), hostile), "clerk")
    capsys.readouterr()
    assert main(["--db", str(writable_db), "uploads"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "广元\\x1b[2J\\x1b[31m报表\\t.csv" in out
    assert all(line.count("\t") == 7 for line in out.splitlines())  # eight columns on every line


@pytest.mark.system
def test_compare_loads_neither_the_ingest_package_nor_the_workbook_writer_nor_pyarrows_query_engine(demo_db_path):
    """`unionbench compare --period` imports only what it reads (bench/cli_speed.py times it against a bare duckdb
    script): reading a quarter needs no upload parser, CSV no openpyxl, the reference quarter no pyarrow.acero."""
    script = (
        "import sys; from unionbench.cli import main; code = main(sys.argv[1:]); "
        "loaded = [m for m in ('unionbench.ingest', 'openpyxl', 'pyarrow.acero') if m in sys.modules]; "
        "print(code, loaded, file=sys.stderr)"
    )
    command = [sys.executable, "-c", script, "--db", str(demo_db_path), "compare", "--period", "2025年第三季度"]
    found = subprocess.run(command, capture_output=True, text=True, check=False)
    assert found.stderr.strip().splitlines()[-1] == "0 []", found.stderr
    assert "indicator" in found.stdout.splitlines()[0]
