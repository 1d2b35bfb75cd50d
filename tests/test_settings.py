"""The federation's settings (unionbench.settings, `unionbench settings`): read with their defaults, set by code or
by name, refused by value with the reason in both languages, kept by `init`, and read by every command's default."""

import csv
import io

import pytest

from tests.conftest import published_copy
from tests.federation import JIAOZUO, jiaozuo_database, new_database
from unionbench.audit import audit_entries
from unionbench.cli import main
from unionbench.settings import KEYS, read_settings
from unionbench.store import Replica
from unionbench.tracker import DEFAULT_DEADLINE_DAYS


@pytest.fixture(scope="module")
def new_db(reference_db_path, tmp_path_factory):
    return new_database(reference_db_path, tmp_path_factory.mktemp("new"))


@pytest.fixture
def bare(new_db, tmp_path):
    """A private copy of a new database: no figures, no accounts, no home."""
    return published_copy(new_db, tmp_path)


@pytest.fixture(scope="module")
def jiaozuo(reference_db_path, tmp_path_factory):
    return jiaozuo_database(reference_db_path, tmp_path_factory.mktemp("jiaozuo"))


def settings_of(db, capsys) -> dict[str, str]:
    capsys.readouterr()
    assert main(["--db", str(db), "settings"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["key", "value"]
    return dict(rows[1:])


def test_a_new_database_lists_every_setting_as_csv_with_no_home_and_the_defaults(bare, capsys):
    found = settings_of(bare, capsys)
    assert list(found) == list(KEYS)
    assert found["home"] == ""
    assert found["reference"] == "average" and found["deadline_days"] == str(DEFAULT_DEADLINE_DAYS)


def test_init_demo_on_a_new_database_sets_the_demos_home_and_benchmark_set(demo_db_path, capsys):
    found = settings_of(demo_db_path, capsys)
    assert found["home"] == "510800" and found["benchmark"] == "suineilu"


@pytest.mark.parametrize("typed", ["焦作市", "焦作", "410800", "Jiaozuo", "jiaozuo city"])
def test_the_home_is_set_by_a_name_or_a_code_and_kept_as_the_citys_code(bare, capsys, typed):
    assert main(["--db", str(bare), "settings", "home", typed]) == 0
    assert "410800" in capsys.readouterr().out
    assert main(["--db", str(bare), "settings", "home"]) == 0
    assert capsys.readouterr().out == "home,410800\n"


@pytest.mark.parametrize("typed", ["xuchang", "许昌", "Xuchang"])
def test_the_benchmark_set_is_set_by_its_id_or_its_chinese_or_english_name(bare, capsys, typed):
    assert main(["--db", str(bare), "settings", "benchmark", typed]) == 0
    assert settings_of(bare, capsys)["benchmark"] == "xuchang"


@pytest.mark.parametrize(
    ("key", "typed", "named"),
    [
        ("home", "火星市", "火星市"),
        ("home", "苍溪县", "苍溪县"),  # a county is not a home city
        ("benchmark", "jzpeers", "jzpeers"),
        ("reference", "median", "median"),
        ("deadline_days", "400", "400"),
        ("deadline_days", "soon", "soon"),
    ],
)
def test_an_unknown_value_is_refused_with_exit_1_naming_it_in_both_languages_and_nothing_changes(
    bare, capsys, key, typed, named
):
    before = settings_of(bare, capsys)
    assert main(["--db", str(bare), "settings", key, typed]) == 1
    error = capsys.readouterr().err
    zh, en = error.split(" / ", 1)
    assert named in zh and named in en and "Traceback" not in error
    assert settings_of(bare, capsys) == before


def test_an_unknown_key_is_refused_naming_it_and_the_keys_there_are(bare, capsys):
    assert main(["--db", str(bare), "settings", "colour", "red"]) == 1
    error = capsys.readouterr().err
    assert "colour" in error and all(key in error for key in KEYS)


def test_a_reporter_may_not_change_a_setting_and_the_refusal_is_audited(writable_db, capsys):
    before = settings_of(writable_db, capsys)
    assert main(["--db", str(writable_db), "settings", "home", "焦作市", "--user", "cangxi"]) == 1
    error = capsys.readouterr().err
    assert "cangxi" in error and "settings" in error
    assert settings_of(writable_db, capsys) == before
    audit = audit_entries(writable_db)
    assert (audit.action == "refused").any() and "cangxi" in set(audit.user_name)


def test_an_admin_changes_a_setting_and_the_audit_log_says_who_and_old_to_new(writable_db, capsys):
    assert main(["--db", str(writable_db), "settings", "home", "焦作市", "--user", "demo"]) == 0
    entry = audit_entries(writable_db).iloc[0]
    assert (entry.user_name, entry.action, entry.target, entry.detail) == ("demo", "setting", "home", "510800 → 410800")


def test_init_again_keeps_the_settings_a_federation_changed(writable_db, capsys):
    for key, value in (("home", "焦作市"), ("benchmark", "yangzhou"), ("reference", "best"), ("deadline_days", "20")):
        assert main(["--db", str(writable_db), "settings", key, value, "--user", "demo"]) == 0
    changed = settings_of(writable_db, capsys)
    assert main(["--db", str(writable_db), "init", "--demo"]) == 0
    assert main(["--db", str(writable_db), "init"]) == 0
    assert (
        settings_of(writable_db, capsys)
        == changed
        == {
            "home": "410800",
            "benchmark": "yangzhou",
            "reference": "best",
            "deadline_days": "20",
        }
    )


def test_the_deadline_command_and_the_deadline_setting_are_one_value(bare, capsys):
    assert main(["--db", str(bare), "deadline", "20"]) == 0
    assert settings_of(bare, capsys)["deadline_days"] == "20"
    assert main(["--db", str(bare), "settings", "deadline_days", "9"]) == 0
    capsys.readouterr()
    assert main(["--db", str(bare), "deadline"]) == 0
    assert " 9 " in capsys.readouterr().out


@pytest.mark.parametrize(
    "command",
    [
        ["compare"],
        ["briefing", "--out", "{tmp}/b.docx"],
        ["status", "--period", "2026Q3"],
        ["peers"],
    ],
)
def test_without_a_home_a_command_that_needs_one_says_to_set_it_first_and_exits_1(bare, tmp_path, capsys, command):
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    assert main(["--db", str(bare), *args]) == 1
    error = capsys.readouterr().err
    assert "unionbench settings home" in error and "Traceback" not in error


def test_compare_and_status_without_a_region_are_the_home_settings_city_against_its_set(jiaozuo, capsys):
    assert main(["--db", str(jiaozuo), "compare"]) == 0
    by_default = capsys.readouterr().out
    assert main(["--db", str(jiaozuo), "compare", "--region", JIAOZUO, "--benchmark", "xuchang"]) == 0
    assert by_default == capsys.readouterr().out
    outdoor = next(row for row in csv.DictReader(io.StringIO(by_default)) if row["indicator"] == "outdoor_stations")
    assert outdoor["home_value"] and outdoor["benchmark_value"] and outdoor["verdict"]
    assert main(["--db", str(jiaozuo), "status", "--period", "2026Q3"]) == 0
    status = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert status and all(row["region_code"].startswith("4108") for row in status)


def test_a_stored_benchmark_set_that_was_removed_falls_back_to_the_first_set(bare, capsys):
    assert main(["--db", str(bare), "sets", "add", "--id", "jzpeers", "--name-zh", "许扬", "--name-en", "Xu-Yang",
                 "--members", "411000,321000"]) == 0  # fmt: skip
    assert main(["--db", str(bare), "settings", "benchmark", "Xu-Yang"]) == 0
    assert settings_of(bare, capsys)["benchmark"] == "jzpeers"
    assert main(["--db", str(bare), "sets", "remove", "jzpeers"]) == 0
    reader = Replica(bare)
    try:
        store = reader.current()
        assert read_settings(store).benchmark == store.query("benchmark_sets").at[0, "id"]
    finally:
        reader.close()
