"""The schema as numbered migrations: a database of an older schema version upgrades in order and keeps everything;
a current one is left as it is; a newer one is refused."""

import duckdb
import pytest

from unionbench.cli import main
from unionbench.store import Store, bump_data_version, load_query, migrations, writer

OLD_FIGURES = [("510824", "workers", "2025Q4", 1200.0), ("510824", "members", "2025Q4", 900.0)]


def database_at(path, version: int) -> None:
    """A database built only by the migrations up to `version`, as a release of that schema version left it."""
    store = Store(path)
    try:
        for number, name in migrations():
            if number <= version:
                with store.transaction() as cur:
                    cur.execute(load_query(name))
                    cur.execute(load_query("write/record_schema_version"), {"version": str(number)})
    finally:
        store.close()


def rows(path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_the_migrations_are_numbered_one_after_another_from_one():
    numbers = [number for number, _ in migrations()]
    assert numbers == list(range(1, len(numbers) + 1))


def test_a_version_one_database_upgrades_in_order_and_keeps_its_figures_and_settings(tmp_path, monkeypatch, capsys):
    import unionbench.store as store_module

    db = tmp_path / "old.duckdb"
    database_at(db, 1)
    con = duckdb.connect(str(db))
    con.execute(
        "insert into uploads (file_name, sha256, user_name, layout) values ('2025Q4.csv', 'abc', 'admin', 'long')"
    )
    con.executemany("insert into observations values (?, ?, ?, ?, 1, 1)", OLD_FIGURES)
    con.execute("insert into meta values ('home', '510800'), ('deadline_days', '20'), ('data_version', '1')")
    con.close()
    applied = []
    real_load_query = store_module.load_query
    monkeypatch.setattr(store_module, "load_query", lambda name: (applied.append(name), real_load_query(name))[1])

    assert main(["--db", str(db), "init"]) == 0

    assert [name for name in applied if name.startswith("migrations/")] == [name for _, name in migrations()[1:]]
    assert rows(db, "select value from meta where key = 'schema_version'") == [(str(migrations()[-1][0]),)]
    assert rows(db, "select region, indicator, period, value from observations order by indicator desc") == OLD_FIGURES
    assert rows(db, "select key, value from meta where key in ('home', 'deadline_days') order by key") == [
        ("deadline_days", "20"),
        ("home", "510800"),
    ]
    assert rows(db, "select value from figures where region = '510824' and indicator = 'workers'") == [(1200.0,)]
    assert rows(db, "select count(*) from users") == [(0,)] and rows(db, "select count(*) from validation_rules")[0][0]


def test_a_database_from_before_the_catalogue_migration_keeps_its_accounts_and_retired_nothing(tmp_path, capsys):
    db = tmp_path / "before-catalogue.duckdb"
    latest = migrations()[-1][0]
    database_at(db, migration_number("federation_catalogue") - 1)
    con = duckdb.connect(str(db))
    con.execute("insert into users (name, password_hash, role) values ('admin', 'pbkdf2_sha256$1$s$h', 'admin')")
    con.close()

    assert main(["--db", str(db), "init"]) == 0

    assert rows(db, "select name, role, password_hash from users") == [("admin", "admin", "pbkdf2_sha256$1$s$h")]
    assert rows(db, "select distinct status from indicators") == [("active",)]
    assert rows(db, "select value from meta where key = 'schema_version'") == [(str(latest),)]


def migration_number(what: str) -> int:
    return next(number for number, name in migrations() if what in name)


def test_english_names_kept_in_columns_by_an_older_database_are_translation_rows_after_the_upgrade(tmp_path):
    from unionbench.names import texts

    db = tmp_path / "english-columns.duckdb"
    database_at(db, migration_number("names_translation_rows") - 1)
    con = duckdb.connect(str(db))
    con.execute(
        "insert into regions (adcode, name_zh, name_en, level, parent, province) "
        "values ('510824', '苍溪县', 'Cangxi County', 'county', '510800', '510000'), "
        "('510800', '广元市', null, 'city', '510000', '510000')"
    )
    con.execute(
        "insert into indicators (id, name_zh, name_en, group_id, group_zh, group_en, unit, unit_en, kind, direction, "
        "aggregation, stock_flow, amber_band, headline, decimals, sort_order, description_zh, description_en) values "
        "('workers', '职工人数', 'Workers', 'base', '基础', 'Base', '人', 'people', 'people', 'neutral', 'sum', "
        "'stock', 5, false, 0, 1, '职工总数', 'All workers')"
    )
    con.execute("insert into benchmark_sets (id, name_zh, name_en, rule, sort_order) values "
                "('suineilu', '遂内泸', 'Suining-Neijiang-Luzhou', 'members', 1)")  # fmt: skip
    con.execute("insert into validation_rules values ('r1', 'members', '<=', 'workers', 'error', '会员多', 'Too many', "
                "'active')")  # fmt: skip
    con.close()

    store = Store(db)
    try:
        store.apply_schema()
        assert texts(store, "place", "name", "en") == {"510824": "Cangxi County", "510800": "广元市"}
        catalogue = store.query("indicator_catalogue").iloc[0]
        english = ("Workers", "Base", "people", "All workers")
        assert tuple(catalogue[["name_en", "group_en", "unit_en", "description_en"]]) == english
        assert store.query("benchmark_sets").at[0, "name_en"] == "Suining-Neijiang-Luzhou"
        assert store.query("validation_rules").at[0, "message_en"] == "Too many"
        columns = set(store.query("table_columns", table="indicators")["column_name"])
        assert "name_en" not in columns and "name_zh" in columns  # Chinese stays the official name on the row
    finally:
        store.close()


def test_an_upgrade_publishes_a_snapshot_of_the_new_schema_for_the_readers(writable_db, capsys):
    from unionbench.store import Replica

    latest = migrations()[-1][0]
    with writer(writable_db) as primary, primary.transaction() as cur:  # as the last release left it, published
        cur.execute(load_query("write/record_schema_version"), {"version": str(latest - 1)})
        bump_data_version(cur, figures=False)
    assert main(["--db", str(writable_db), "init"]) == 0, capsys.readouterr().err
    reader = Replica(writable_db)
    try:
        assert reader.current().schema_version() == latest
        assert not reader.current().query("benchmark_sets").empty  # a query of this release runs on it
    finally:
        reader.close()


def test_init_on_a_current_database_changes_nothing(writable_db, capsys):
    everything = "select key, value from meta order by key"
    before = rows(writable_db, everything), rows(writable_db, "select * from indicators order by id")
    assert main(["--db", str(writable_db), "settings"]) == 0
    settings_before = capsys.readouterr().out

    assert main(["--db", str(writable_db), "init"]) == 0

    assert (rows(writable_db, everything), rows(writable_db, "select * from indicators order by id")) == before
    capsys.readouterr()
    assert main(["--db", str(writable_db), "settings"]) == 0
    assert capsys.readouterr().out == settings_before


def test_a_database_newer_than_this_release_is_refused_in_both_languages_and_left_alone(writable_db, capsys):
    newer = str(migrations()[-1][0] + 1)
    with writer(writable_db) as store, store.transaction() as cur:
        cur.execute(load_query("write/record_schema_version"), {"version": newer})
    before = rows(writable_db, "select key, value from meta order by key")

    assert main(["--db", str(writable_db), "init"]) == 1

    err = capsys.readouterr().err
    assert "更新版本" in err and "newer than this unionbench knows" in err and "Traceback" not in err
    assert rows(writable_db, "select key, value from meta order by key") == before
    with pytest.raises(Exception, match="newer"), writer(writable_db):
        pass
