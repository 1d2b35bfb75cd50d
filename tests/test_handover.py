"""The set-up hand-over: `unionbench config export` from one database and `config import` into a new one carries the
settings, the catalogue, custom benchmark sets and targets across (never accounts or passwords); a hostile or
foreign file is refused whole, each problem named, nothing written."""

import copy
import json

import pytest

from tests.conftest import published_copy
from unionbench import cli
from unionbench.audit import audit_entries
from unionbench.custom_sets import SetDraft, save_set
from unionbench.handover import ConfigRejected, export_config, import_config
from unionbench.store import Replica, bump_data_version, load_query, writer
from unionbench.target_import import import_targets
from unionbench.tracker import set_deadline_days


@pytest.fixture(scope="module")
def fresh_db_path(reference_db_path):
    """What `unionbench init` (without the demo) makes: regions, the catalogue, the default sets, nothing else."""
    return reference_db_path


@pytest.fixture
def fresh_db(fresh_db_path, tmp_path):
    folder = tmp_path / "fresh"
    folder.mkdir()
    return published_copy(fresh_db_path, folder)


@pytest.fixture
def set_up_db(writable_db):
    """The demo database with a federation's own set-up: settings, a custom set and next year's targets."""
    with writer(writable_db) as store, store.transaction() as cur:
        for key, value in (("home", "510800"), ("benchmark", "custom-peers"), ("reference", "best")):
            cur.execute(load_query("write/set_setting"), {"key": key, "value": value})
        bump_data_version(cur, figures=False)
    set_deadline_days(writable_db, 20, "demo")
    save_set(writable_db, SetDraft("custom-peers", "川北三市", "Three northern cities", ("510900", "511300")), "demo")
    data = "地区,指标,年度,目标值\n苍溪,户外劳动者服务站点,2027,120\n".encode("gb18030")
    import_targets(writable_db, data, "t.csv", "demo")
    return writable_db


def exported(db) -> dict:
    reader = Replica(db)
    try:
        config = export_config(reader.current())
    finally:
        reader.close()
    config.pop("exported_at")
    return config


def test_a_set_up_exported_and_imported_into_a_fresh_database_exports_the_same(set_up_db, fresh_db, tmp_path):
    out = tmp_path / "config.json"
    assert cli.main(["--db", str(set_up_db), "config", "export", "--out", str(out)]) == 0
    source = exported(set_up_db)
    assert source["settings"] == {"home": "510800", "benchmark": "custom-peers", "reference": "best",
                                  "deadline_days": "20"}  # fmt: skip
    assert [s["id"] for s in source["benchmark_sets"]] == ["custom-peers"]
    assert exported(fresh_db) != source
    assert cli.main(["--db", str(fresh_db), "config", "import", str(out), "--user", "lead"]) == 0
    assert exported(fresh_db) == source
    entry = audit_entries(fresh_db).iloc[0]
    assert (entry.user_name, entry.action) == ("lead", "config_import")


def test_passwords_and_accounts_never_leave_in_the_export(set_up_db, tmp_path):
    out = tmp_path / "config.json"
    assert cli.main(["--db", str(set_up_db), "config", "export", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "pbkdf2" not in text and "password" not in text and "cangxi" not in text
    assert set(json.loads(text)) == {"format", "version", "exported_at", "settings", "indicators",
                                     "validation_rules", "benchmark_sets", "targets"}  # fmt: skip


def test_a_new_indicator_and_its_targets_travel_together(set_up_db, fresh_db):
    config = exported(set_up_db)
    bookhouses = dict(config["indicators"][0], id="bookhouses", name_zh="职工书屋", name_en="Worker bookhouses",
                      sort_order=999, headline=False, per_capita_base="workers")  # fmt: skip
    config["indicators"].append(bookhouses)
    config["targets"].append({"region": "510824", "indicator": "bookhouses", "year": 2027, "target": 12})
    plan = import_config(fresh_db, json.dumps(config).encode(), "lead")
    assert plan.targets.query("indicator == 'bookhouses'").target.tolist() == [12]
    reader = Replica(fresh_db)
    try:
        assert "bookhouses" in set(reader.current().query("indicator_catalogue").id)
    finally:
        reader.close()


def hostile(config: dict) -> dict:
    bad = copy.deepcopy(config)
    rate = next(i for i in bad["indicators"] if i["aggregation"] == "ratio")
    rate["denominator"] = "no_such_indicator"
    bad["benchmark_sets"][0]["members"] = ["510900", "999999"]
    bad["targets"][0]["target"] = -5
    bad["settings"]["home"] = "火星市"
    return bad


def test_a_hostile_config_is_refused_whole_naming_each_problem(set_up_db, fresh_db, tmp_path, capsys):
    before = exported(fresh_db)
    bad = hostile(exported(set_up_db))
    with pytest.raises(ConfigRejected) as refused:
        import_config(fresh_db, json.dumps(bad).encode(), "lead")
    text = " ".join(p.line() for p in refused.value.problems)
    for named in ("no_such_indicator", "999999", "-5", "火星市"):
        assert named in text
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    assert cli.main(["--db", str(fresh_db), "config", "import", str(path), "--user", "lead"]) == 1
    assert "no_such_indicator" in capsys.readouterr().err
    assert exported(fresh_db) == before


@pytest.mark.parametrize(
    "data, named",
    [
        (b'{"format": "unionbench-config", "version": 99}', "99"),
        (b'{"format": "something-else", "version": 1}', "format"),
        (b"not json at all", "JSON"),
        (b'{"format": "unionbench-config", "version": 1, "targets": [{"region": "510824", "indicator": '
         b'"org_rate", "year": 2027, "target": NaN}]}', "NaN"),
    ],
)  # fmt: skip
def test_a_file_that_is_not_a_config_of_this_version_is_refused(fresh_db, data, named):
    before = exported(fresh_db)
    with pytest.raises(ConfigRejected) as refused:
        import_config(fresh_db, data, "lead")
    assert named in refused.value.problems[0].line()
    assert exported(fresh_db) == before


def test_a_reporter_may_not_import_a_config(set_up_db, tmp_path, capsys):
    out = tmp_path / "config.json"
    assert cli.main(["--db", str(set_up_db), "config", "export", "--out", str(out)]) == 0
    assert cli.main(["--db", str(set_up_db), "config", "import", str(out), "--user", "cangxi"]) == 1
    assert "无权" in capsys.readouterr().err


def test_a_dry_run_checks_and_writes_nothing(set_up_db, fresh_db, tmp_path, capsys):
    out = tmp_path / "config.json"
    assert cli.main(["--db", str(set_up_db), "config", "export", "--out", str(out)]) == 0
    before = exported(fresh_db)
    assert cli.main(["--db", str(fresh_db), "config", "import", str(out), "--dry-run"]) == 0
    assert "targets" in capsys.readouterr().out
    assert exported(fresh_db) == before


def test_a_config_file_over_50_mb_is_refused_before_it_is_read(fresh_db, tmp_path, capsys):
    big = tmp_path / "big.json"
    with open(big, "wb") as handle:
        handle.truncate(50_000_001)
    assert cli.main(["--db", str(fresh_db), "config", "import", str(big), "--user", "lead"]) == 1
    assert "50" in capsys.readouterr().err
