"""Hostile input against the checking and commit layer: non-finite and implausible figures, fractional
counts, a file's quarter contradicting the chosen one, re-applied corrections, uploads that change nothing, bounded
problem lists, checking outside the writer lock, and the cross-checks of rates and city totals."""

import dataclasses
import datetime as dt
import math

import pandas as pd
import pytest

from tests.ingest_files import csv_bytes, current, xlsx_bytes
from unionbench.cli import main
from unionbench.commit import NonFiniteFigure, UploadEntry, commit_observations
from unionbench.ingest import Upload, commit_file, prepare
from unionbench.ingest.normalise import NotANumber, read_number
from unionbench.ingest.problems import Problem
from unionbench.read import views
from unionbench.store import Replica, load_query, replica, writer

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def db(writable_db):
    return writable_db


def export_bytes(db, capsys) -> bytes:
    capsys.readouterr()
    assert main(["--db", str(db), "export"]) == 0
    return capsys.readouterr().out.encode("utf-8")


def exported_rows(db) -> pd.DataFrame:
    """The rows `unionbench export` writes, read from the snapshot the command reads: its text is made from exactly
    these, so equal rows mean an equal export, without formatting every row as text twice per test."""
    return replica(db).current().query("export_current")


def ingest(db, tmp_path, name: str, data: bytes, *extra: str, capsys) -> tuple[int, str]:
    path = tmp_path / name
    path.write_bytes(data)
    capsys.readouterr()
    code = main(["--db", str(db), "ingest", str(path), "--user", "demo", *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def uploads(db) -> pd.DataFrame:
    reader = Replica(db)
    try:
        return reader.current().query("uploads")
    finally:
        reader.close()


# --- 1. finite figures only ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["1e309", "-1e309", "9" * 400, "inf", "-inf", "nan", "NaN", "∞", "Infinity"])
def test_the_number_reader_never_yields_a_non_finite_number(text):
    with pytest.raises(NotANumber):
        read_number(text)


@pytest.mark.parametrize(
    ("cell", "shown"),
    [("1e309", "1e309"), ("9" * 400, "9" * 400), ("inf", "inf"), ("nan", "nan"), ("∞", "∞")],
    ids=["1e309", "a 400-digit number", "inf", "nan", "infinity sign"],
)
def test_a_non_finite_figure_is_refused_with_row_column_value_and_both_languages(db, tmp_path, capsys, cell, shown):
    before = exported_rows(db)
    data = csv_bytes(["地区,户外劳动者服务站点(个),季度", "利州区,112,2026Q3", f"昭化区,{cell},2026Q3"])
    code, output = ingest(db, tmp_path, "inf.csv", data, capsys=capsys)
    assert code == 1, output
    line = next(line for line in output.splitlines() if "✗" in line)
    assert "第 3 行 row 3" in line and "B · 户外劳动者服务站点(个)" in line and f"“{shown}”" in line
    assert "不是有限的数值" in line and "is not a finite number" in line
    assert "Traceback" not in output
    assert exported_rows(db).equals(before)


def test_a_value_that_overflows_when_converted_to_the_catalogue_unit_is_refused(db, tmp_path, capsys):
    before = exported_rows(db)
    data = csv_bytes(["地区,托育补助资金(亿元),季度", "利州区,1e305,2026Q3"])
    code, output = ingest(db, tmp_path, "big.csv", data, capsys=capsys)
    assert code == 1 and "大得不合理" in output and "implausibly large" in output
    assert exported_rows(db).equals(before)


def test_an_implausibly_large_count_is_refused_so_no_roll_up_can_overflow(db, tmp_path, capsys):
    data = csv_bytes(["地区,户外劳动者服务站点(个),季度", "利州区,1e300,2026Q3", "昭化区,1e300,2026Q3"])
    code, output = ingest(db, tmp_path, "huge.csv", data, capsys=capsys)
    assert code == 1 and "第 2 行 row 2" in output and "第 3 行 row 3" in output
    assert "implausibly large (more than 1e+12" in output


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_commit_refuses_a_non_finite_figure_as_a_last_line_of_defence(db, value):
    frame = pd.DataFrame([{"region": "510802", "indicator": "trainings", "period": "2026Q3", "value": value}])
    with writer(db) as store:
        before = store.data_version(), len(store.query("uploads"))
        with pytest.raises(NonFiniteFigure):
            commit_observations(store, frame, UploadEntry(file_name="x.csv", sha256="x", user_name="t", layout="long"))
        assert (store.data_version(), len(store.query("uploads"))) == before


def test_the_database_itself_refuses_a_non_finite_observation(db):
    with writer(db) as store, store.cursor() as cur, pytest.raises(Exception, match="(?i)constraint"):
        cur.execute("insert into observations values ('510802', 'trainings', '2026Q3', 'inf'::double, 1, 99)")


def test_a_non_finite_figure_stored_before_the_fix_is_ignored_and_export_works(db, capsys):
    """A database written by the old code may hold +inf: any writer that opens it re-materialises the figures, and
    the current view skips the non-finite version for the one before it."""
    before = current(db, "510802", "trainings", "2026Q3")
    with writer(db) as store, store.cursor() as cur:  # as the old schema allowed: no check on the value
        cur.execute("create table legacy as select * from observations")
        cur.execute("drop table observations")
        cur.execute("alter table legacy rename to observations")
        cur.execute("insert into observations values ('510802', 'trainings', '2026Q3', 'inf'::double, 1, 999)")
        cur.execute("insert into current_figures values ('510802', 'trainings', '2026Q3', 'inf'::double, 1, 999)")
        cur.execute("insert into figures values ('510802', 'trainings', '2026Q3', 'inf'::double, 'inf'::double)")
        cur.execute(load_query("write/bump_data_version"))  # published as the old code did: readers see +inf
        cur.execute(load_query("write/mark_figures_current"))
    assert (
        Replica(db).current().query("values_by_region", regions=["510802"], periods=["2026Q3"]).value.max() == math.inf
    )
    with writer(db):
        pass  # e.g. the next upload opens the database
    assert current(db, "510802", "trainings", "2026Q3") == before
    assert b"inf" not in export_bytes(db, capsys).lower()


# --- 2. whole counts ---------------------------------------------------------------------------------------------


def test_a_fractional_count_is_refused(db, tmp_path, capsys):
    before = exported_rows(db)
    data = csv_bytes(["地区,户外劳动者服务站点(个),职工人数(人),季度", '利州区,"1,234.5",88000.5,2026Q3'])
    code, output = ingest(db, tmp_path, "half.csv", data, capsys=capsys)
    assert code == 1
    assert "户外劳动者服务站点是计数，必须是整数，不能是“1,234.5”" in output
    assert "Outdoor worker service stations is a count and must be a whole number, not '1,234.5'" in output
    assert "Workers is a count and must be a whole number, not '88000.5'" in output
    assert exported_rows(db).equals(before)


def test_a_whole_count_written_in_ten_thousands_is_accepted(db):
    outcome = commit_file(
        db, Upload(csv_bytes(["地区,职工人数(万人),季度", "利州区,12.53,2026Q3"]), "w.csv", None, TODAY), "t"
    )
    assert outcome.prepared.ok, outcome.prepared.problem_table()
    assert current(db, "510802", "workers", "2026Q3") == 125300


def test_a_percent_formatted_cell_in_a_count_column_is_refused(db, tmp_path, capsys):
    data = xlsx_bytes([["地区", "户外劳动者服务站点", "季度"], ["利州区", 0.5, "2026Q3"]], percent_cells=["B2"])
    code, output = ingest(db, tmp_path, "pct.xlsx", data, capsys=capsys)
    assert code == 1 and "'%'" in output and "does not match" in output


def test_a_percent_text_in_a_people_column_is_refused(db, tmp_path, capsys):
    code, output = ingest(db, tmp_path, "p.csv", csv_bytes(["地区,会员人数,季度", "利州区,50%,2026Q3"]), capsys=capsys)
    assert code == 1 and "单位“%”" in output and "The unit '%'" in output


# --- 3. the file's quarter against the chosen one ------------------------------------------------------------------


def test_a_period_column_that_contradicts_the_chosen_quarter_is_refused_naming_both(db, tmp_path, capsys):
    before = exported_rows(db)
    data = csv_bytes(["地区,职工培训,季度", "利州区,3,2026Q2", "昭化区,4,2026Q2"])
    code, output = ingest(db, tmp_path, "q.csv", data, "--period", "2026Q3", capsys=capsys)
    assert code == 1, output
    assert "文件中的季度 2026Q2 与上传时选择的季度 2026Q3 不一致" in output
    assert "The file says 2026Q2 but the quarter chosen for the upload is 2026Q3" in output
    assert output.count("✗") == 1  # once per quarter the file names, at its first row
    assert "第 2 行 row 2" in output
    assert exported_rows(db).equals(before)


def test_a_title_that_contradicts_the_chosen_quarter_is_refused(db, tmp_path, capsys):
    data = csv_bytes(["2026年第二季度广元市工会工作统计表,", "地区,职工培训", "利州区,3"])
    code, output = ingest(db, tmp_path, "t.csv", data, "--period", "2026Q3", capsys=capsys)
    assert code == 1 and "The file says 2026Q2 but the quarter chosen for the upload is 2026Q3" in output


def test_a_period_column_that_agrees_with_the_chosen_quarter_is_accepted(db, tmp_path, capsys):
    data = csv_bytes(["地区,职工培训,季度", "利州区,3,2026年第三季度"])
    code, output = ingest(db, tmp_path, "ok.csv", data, "--period", "2026Q3", capsys=capsys)
    assert code == 0, output
    assert current(db, "510802", "trainings", "2026Q3") == 3


def test_the_upload_page_quarter_hint_is_checked_the_same_way(db):
    data = csv_bytes(["地区,职工培训,季度", "利州区,3,2026Q2"])
    with writer(db) as store:
        prepared = prepare(data, "q.csv", store, period="2026Q1", today=TODAY)
    assert [p.code for p in prepared.errors] == ["period_contradicts_choice"]


# --- 4. re-applying a correction ---------------------------------------------------------------------------------


def test_re_applying_a_file_after_a_correction_is_a_new_version_and_the_dry_run_agrees(db, tmp_path, capsys):
    a = csv_bytes(["地区,职工培训,季度", "青川县,6,2026Q3", "苍溪县,7,2026Q3"])
    b = csv_bytes(["地区,职工培训,季度", "青川县,8,2026Q3", "苍溪县,7,2026Q3"])
    assert ingest(db, tmp_path, "a.csv", a, capsys=capsys)[0] == 0
    assert ingest(db, tmp_path, "b.csv", b, capsys=capsys)[0] == 0
    assert current(db, "510822", "trainings", "2026Q3") == 8
    code, dry = ingest(db, tmp_path, "a.csv", a, "--dry-run", capsys=capsys)
    assert code == 0 and "0 新增 added, 1 修改 changed, 1 未变 unchanged" in dry
    code, real = ingest(db, tmp_path, "a.csv", a, capsys=capsys)
    assert code == 0 and "1 修改 changed, 1 未变 unchanged" in real, real
    assert "already imported" not in real
    assert current(db, "510822", "trainings", "2026Q3") == 6
    ids = uploads(db).id.tolist()
    assert len(set(ids)) == len(ids) and f"upload #{max(ids)}" in real  # a new upload id


def test_the_same_file_again_changes_nothing_says_so_and_is_listed_with_0_changed(db, tmp_path, capsys):
    data = csv_bytes(["地区,职工培训,季度", "青川县,5,2026Q3"])
    code, first = ingest(db, tmp_path, "same.csv", data, capsys=capsys)
    version = Replica(db).current().data_version()
    before = exported_rows(db)
    first_id = int(first.split("upload #")[1].split()[0])
    code, dry = ingest(db, tmp_path, "same.csv", data, "--dry-run", capsys=capsys)
    assert code == 0 and "0 新增 added, 0 修改 changed, 1 未变 unchanged" in dry
    code, again = ingest(db, tmp_path, "same.csv", data, capsys=capsys)
    assert code == 0
    assert f"already imported as upload #{first_id}; nothing changed" in again
    assert "未作改动" in again
    assert exported_rows(db).equals(before)
    listed = uploads(db)
    newest = listed.iloc[0]
    assert newest.id > first_id and newest.file_name == "same.csv"
    assert (newest.rows_added, newest.rows_changed, newest.rows_unchanged) == (0, 0, 1)
    assert Replica(db).current().data_version() > version  # published, so every reader lists it


def test_an_upload_that_changes_nothing_is_listed_by_the_cli_with_0_changed(db, tmp_path, capsys):
    current_value = current(db, "510822", "trainings", "2026Q2")
    data = csv_bytes(["地区,职工培训,季度", f"青川县,{current_value:g},2026Q2"])
    code, output = ingest(db, tmp_path, "nochange.csv", data, capsys=capsys)
    assert code == 0 and "nothing changed" in output
    assert main(["--db", str(db), "uploads"]) == 0
    line = capsys.readouterr().out.splitlines()[1].split("\t")
    assert line[1] == "committed" and line[4:8] == ["0", "0", "1", "nochange.csv"]


def test_the_upload_page_history_lists_an_upload_that_changed_nothing(db, tmp_path, capsys):
    from components import data as page_data

    current_value = current(db, "510822", "trainings", "2026Q2")
    data = csv_bytes(["地区,职工培训,季度", f"青川县,{current_value:g},2026Q2"])
    assert ingest(db, tmp_path, "nochange.csv", data, capsys=capsys)[0] == 0
    reader = Replica(db)
    try:
        history = page_data.read(
            reader.current(), reader.version, views.uploads
        )  # what the upload page's history shows
    finally:
        reader.close()
    assert history.iloc[0].file_name == "nochange.csv" and history.iloc[0].rows_changed == 0


# --- 7. bounded problem lists, checking outside the lock --------------------------------------------------------


def test_a_file_of_many_unknown_regions_lists_the_first_200_and_counts_every_kind(db, tmp_path, capsys):
    lines = ["地区,职工培训,季度"] + [f"火星{i}县,{i % 5},2026Q3" for i in range(3000)]
    code, output = ingest(db, tmp_path, "mars.csv", csv_bytes(lines), capsys=capsys)
    assert code == 1
    assert output.count("✗") == 200
    assert "3000 个问题 / rejected, nothing written: 3000 problem(s)" in output
    assert "unknown_region: 3000" in output
    assert "只列出前 200 个 / only the first 200 are listed" in output


def test_30000_identical_rows_give_a_bounded_warning_list_with_the_count(db):
    lines = ["地区,职工培训,季度"] + ["利州区,3,2026Q3"] * 30_000
    with writer(db) as store:
        prepared = prepare(csv_bytes(lines), "same.csv", store, today=TODAY)
    assert prepared.ok and len(prepared.observations) == 1
    assert len(prepared.warnings) == 200
    assert prepared.problem_counts["identical_duplicate"] == 29_999


def test_checking_runs_before_the_writer_lock_is_taken(db, monkeypatch):
    """While the file is checked the lock is free: another writer can commit meanwhile."""
    import unionbench.ingest as ingest_module

    seen = []
    real = ingest_module.prepare

    def watching(*args, **kwargs):
        seen.append(lock_is_free(db))
        return real(*args, **kwargs)

    monkeypatch.setattr(ingest_module, "prepare", watching)
    outcome = commit_file(db, Upload(csv_bytes(["地区,职工培训,季度", "青川县,4,2026Q3"]), "f.csv", None, TODAY), "t")
    assert outcome.result is not None and seen == [True]


def lock_is_free(db) -> bool:
    import fcntl

    with open(db.with_name(db.name + ".lock"), "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(handle, fcntl.LOCK_UN)
        return True


def test_a_commit_between_check_and_lock_is_noticed_and_the_file_checked_again(db, monkeypatch):
    """The check relied on 应建会企业 = 3000; another upload lowers it to 2200 before the lock: refused, not stored."""
    import unionbench.ingest as ingest_module

    commit_file(db, Upload(csv_bytes(["地区,应建会企业,季度", "苍溪县,3000,2026Q3"]), "e.csv", None, TODAY), "t")
    real = ingest_module.prepare
    calls = []

    def racing(data, file_name, *args, **kwargs):
        prepared = real(data, file_name, *args, **kwargs)
        if file_name == "u.csv":
            calls.append(prepared.ok)
            if len(calls) == 1:  # between this check and the lock, another clerk's upload lands
                commit_file(
                    db, Upload(csv_bytes(["地区,应建会企业,季度", "苍溪县,2200,2026Q3"]), "e2.csv", None, TODAY), "t"
                )
        return prepared

    monkeypatch.setattr(ingest_module, "prepare", racing)
    outcome = commit_file(
        db, Upload(csv_bytes(["地区,已建会企业,季度", "苍溪县,2500,2026Q3"]), "u.csv", None, TODAY), "t"
    )
    assert calls == [True, False]
    assert outcome.result is None and outcome.prepared.errors[0].code == "rule_broken"
    assert current(db, "510824", "unions_established", "2026Q3") == 2100
    assert current(db, "510824", "enterprises_eligible", "2026Q3") == 2200


# --- 6. rate against its parts, city against its counties ---------------------------------------------------------


def test_a_reported_rate_that_disagrees_with_its_parts_is_warned_and_the_parts_win(db):
    data = csv_bytes(["地区,已建会企业,应建会企业,工会组建率(%),季度", "苍溪县,91003,100000,90,2026Q3"])
    with writer(db) as store:
        prepared = prepare(data, "r.csv", store, today=TODAY)
    warned = [p for p in prepared.warnings if p.code == "rate_disagrees_with_parts"]
    assert len(warned) == 1 and warned[0].row == 2
    assert "91.0" in warned[0].message("en") and "uses the parts" in warned[0].message("en")


def test_a_reported_difference_that_disagrees_with_its_parts_is_warned(db):
    data = csv_bytes(["地区,问题清单,已整改问题,未整改问题,季度", "苍溪县,43,28,10,2026Q3"])
    with writer(db) as store:
        prepared = prepare(data, "d.csv", store, today=TODAY)
    warned = [p for p in prepared.warnings if p.code == "difference_disagrees_with_parts"]
    assert len(warned) == 1 and "15" in warned[0].message("en")


def test_a_city_figure_that_differs_from_the_sum_of_its_counties_is_warned(db):
    counties = ["利州区", "昭化区", "朝天区", "旺苍县", "青川县", "剑阁县", "苍溪县"]
    lines = ["地区,职工培训,季度", "广元市,100,2026Q3"] + [f"{name},10,2026Q3" for name in counties]
    with writer(db) as store:
        prepared = prepare(csv_bytes(lines), "city.csv", store, today=TODAY)
    warned = [p for p in prepared.warnings if p.code == "city_disagrees_with_counties"]
    assert len(warned) == 1 and warned[0].row == 2
    assert "广元市" in warned[0].message("zh") and "70" in warned[0].message("en")
    assert "uses the figure 广元市 reported itself" in warned[0].message("en")


def test_a_city_figure_is_checked_against_stored_county_figures(db):
    with writer(db) as store:
        counties = store.query(
            "values_by_region",
            regions=["510802", "510811", "510812", "510821", "510822", "510823", "510824"],
            periods=["2026Q3"],
        )
        total = counties[counties.indicator == "trainings"].value.sum()
        good = prepare(csv_bytes(["地区,职工培训,季度", f"广元市,{total:g},2026Q3"]), "c.csv", store, today=TODAY)
        bad = prepare(csv_bytes(["地区,职工培训,季度", f"广元市,{total + 5:g},2026Q3"]), "c.csv", store, today=TODAY)
    assert not [p for p in good.warnings if p.code == "city_disagrees_with_counties"]
    assert [p.row for p in bad.warnings if p.code == "city_disagrees_with_counties"] == [2]


def test_the_methodology_says_which_figure_wins():
    from unionbench.i18n import t
    from unionbench.methodology import SECTIONS

    text = " ".join(t(s.body, "en") for s in SECTIONS)
    assert "own report wins over the sum of its counties" in text
    assert "computed from its parts wins over a rate reported directly" in text


def test_parts_that_disagree_with_a_rate_reported_before_are_warned_at_the_parts_row(db):
    commit_file(db, Upload(csv_bytes(["地区,工会组建率(%),季度", "苍溪县,90,2026Q3"]), "rate.csv", None, TODAY), "t")
    data = csv_bytes(["地区,已建会企业,应建会企业,季度", "苍溪县,2677,2941,2026Q3"])  # 91.0 %
    with writer(db) as store:
        prepared = prepare(data, "parts.csv", store, today=TODAY)
    warned = [p for p in prepared.warnings if p.code == "rate_disagrees_with_parts"]
    assert len(warned) == 1 and warned[0].row == 2
    assert warned[0].message("en").startswith("The reported Union organisation rate 90 % differs from 91.0 %")


def test_an_unknown_region_close_to_a_known_one_still_gets_a_suggestion(db, tmp_path, capsys):
    code, output = ingest(db, tmp_path, "typo.csv", csv_bytes(["地区,职工培训,季度", "利州去,3,2026Q3"]), capsys=capsys)
    assert code == 1 and "是否为：利州区？/ Did you mean: 利州区?" in output


@pytest.mark.parametrize("cell", [10**400, math.inf, -math.inf, math.nan, "1e309", "9" * 400], ids=repr)
def test_the_column_number_reader_never_yields_a_non_finite_number_either(cell):
    from unionbench.ingest.validate import parse_values

    number, _, _, problems = parse_values([cell, 7])
    assert problems == ["not_finite", None] and math.isnan(number[0]) and number[1] == 7


def test_a_refusal_that_depends_on_stored_figures_is_confirmed_against_the_primary(db, monkeypatch):
    """The snapshot says 应建会企业 = 100 (a stale one, as after a killed writer); the primary says 3000: accepted."""
    import unionbench.ingest as ingest_module

    commit_file(db, Upload(csv_bytes(["地区,应建会企业,季度", "苍溪县,3000,2026Q3"]), "e.csv", None, TODAY), "t")
    real = ingest_module.prepare

    def stale(data, file_name, store, *args, **kwargs):
        prepared = real(data, file_name, store, *args, **kwargs)
        if store.read_only:  # the check outside the lock, on the snapshot: pretend it was the stale one
            problem = Problem("numerator_above_denominator", 2, "B", "2500", {})
            return dataclasses.replace(prepared, errors=[problem], problem_counts={problem.code: 1}, data_version=0)
        return prepared

    monkeypatch.setattr(ingest_module, "prepare", stale)
    outcome = commit_file(
        db, Upload(csv_bytes(["地区,已建会企业,季度", "苍溪县,2500,2026Q3"]), "u.csv", None, TODAY), "t"
    )
    assert outcome.result is not None and outcome.result.changed == 1
    assert current(db, "510824", "unions_established", "2026Q3") == 2500


def test_a_file_wrong_in_itself_is_refused_while_another_writer_holds_the_lock(db, monkeypatch):
    from unionbench.store import writer_lock

    monkeypatch.setenv("UNIONBENCH_WRITE_TIMEOUT", "1")
    with writer_lock(db):  # a long upload is committing
        outcome = commit_file(
            db, Upload(csv_bytes(["地区,职工培训,季度", "火星县,3,2026Q3"]), "m.csv", None, TODAY), "t"
        )
    assert outcome.result is None and [p.code for p in outcome.prepared.errors] == ["unknown_region"]
