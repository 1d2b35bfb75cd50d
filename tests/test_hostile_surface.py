"""The command line's surface under hostile input: long names, bad output paths, failures half-way — one clear
line and an exit code, never a traceback or a truncated file."""

import hashlib

import pytest

from unionbench import export as export_module
from unionbench.cli import main
from unionbench.ingest import Upload, archive_path, commit_file

CSV = "地区,职工培训,季度\n青川县,{n},2026Q3\n"


@pytest.mark.parametrize(
    "name",
    [
        "a." + "b" * 240,
        "广元" * 100 + ".csv",
        "report.2026." + "很长的季度文件名" * 20,
        "../../etc/passwd.csv",
        "a" * 196 + ".CSV",
        "x.c\\sv",
    ],
)
def test_an_upload_with_a_long_or_odd_name_commits_and_is_archived_under_a_bounded_name(writable_db, name):
    data = CSV.format(n=len(name) % 50 + 3).encode("utf-8")
    outcome = commit_file(writable_db, Upload(data, name), "clerk")
    assert outcome.result is not None and outcome.result.changed == 1
    archived = archive_path(writable_db, hashlib.sha256(data).hexdigest(), name)
    assert archived.read_bytes() == data and len(archived.name.encode()) <= 80
    assert archived.parent == writable_db.parent / "db.archive"
    assert not list(archived.parent.glob("*.partial"))


def test_archive_names_keep_a_plain_extension_and_drop_anything_else(tmp_path):
    db = tmp_path / "db.duckdb"
    assert archive_path(db, "f" * 64, "广元.XLSX").name == "f" * 64 + ".xlsx"
    assert archive_path(db, "f" * 64, "a." + "b" * 240).name == "f" * 64
    assert archive_path(db, "f" * 64, "a.c/s.v").name == "f" * 64 + ".v"


def test_export_into_a_missing_folder_is_one_line_and_exit_2(demo_db_path, tmp_path, capsys):
    assert main(["--db", str(demo_db_path), "export", "--out", str(tmp_path / "nope" / "x.csv")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"输出目录不存在 / no such folder for --out: {tmp_path / 'nope'}\n"


def test_export_onto_a_folder_is_one_line_and_exit_2(demo_db_path, tmp_path, capsys):
    assert main(["--db", str(demo_db_path), "export", "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"--out 是一个目录 / --out is a folder, not a file: {tmp_path}\n"


def test_an_export_that_fails_half_way_leaves_the_previous_file_untouched_and_no_partial(
    demo_db_path, tmp_path, capsys, monkeypatch
):
    out = tmp_path / "export.csv"
    out.write_text("the previous export\n", encoding="utf-8")
    calls = {"n": 0}
    real = export_module.plain_decimal

    def fails_on_the_hundredth(value):
        calls["n"] += 1
        if calls["n"] == 100:
            raise ValueError("not a finite number: inf")
        return real(value)

    monkeypatch.setattr(export_module, "plain_decimal", fails_on_the_hundredth)
    assert main(["--db", str(demo_db_path), "export", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("出错了，未完成 / failed: ValueError: not a finite number: inf") and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv"]


def test_a_complete_export_replaces_the_file_whole(demo_db_path, tmp_path, capsys):
    out = tmp_path / "export.csv"
    out.write_text("old\n", encoding="utf-8")
    assert main(["--db", str(demo_db_path), "export", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("region_code,region_name,indicator,period,value,unit,upload_id\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv"]


def test_compare_into_a_missing_folder_is_one_line_and_exit_2(demo_db_path, tmp_path, capsys):
    assert main(["--db", str(demo_db_path), "compare", "--out", str(tmp_path / "nope" / "x.csv")]) == 2
    assert capsys.readouterr().err == f"输出目录不存在 / no such folder for --out: {tmp_path / 'nope'}\n"


def test_an_upload_to_a_database_whose_init_was_killed_is_refused_not_a_crash(tmp_path, capsys):
    from unionbench.store import Store

    primary = tmp_path / "new.duckdb"
    store = Store(primary)  # as a killed `init` leaves it: the schema, no regions, nothing published
    store.apply_schema()
    store.close()
    upload = tmp_path / "a.csv"
    upload.write_text(CSV.format(n=5), encoding="utf-8")
    assert main(["--db", str(primary), "ingest", str(upload)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert captured.out.startswith("已拒绝，未写入任何数据") or "not initialised" in captured.err
